using System.Numerics.Tensors;
using Shannon.Distributions;

namespace Shannon.Bottleneck;

/// <summary>
/// The mutable state of one annealing path: the encoder q(t|x) over the inputs with p(x) &gt; 0 (stride
/// <see cref="_maxClusters"/>, the first <see cref="_clusters"/> columns in use), q(t) and q(y|t).
/// </summary>
internal sealed class BottleneckState
{
    /// <summary>Stands for log 0 in the decoder, so that 0 * log 0 = 0 in the dot products (p(y|x) * -1e300 is -infinity in effect).</summary>
    private const double LogZero = -1e300;

    private readonly int _rows;        // |X| of the table
    private readonly int[] _support;   // the x with p(x) > 0
    private readonly int _nx;          // |support|
    private readonly int _ny;
    private readonly int _maxClusters;
    private readonly double[] _px;     // p(x) on the support
    private readonly double[] _py;
    private readonly double[] _pyx;    // p(y|x), nx * ny
    private readonly double[] _pxy;    // p(x, y), nx * ny
    private readonly double[] _encoder; // nx * maxClusters
    private readonly double[] _qt;
    private readonly double[] _logQt;
    private readonly double[] _decoder; // maxClusters * ny
    private readonly double[] _logDecoder;
    private readonly double[] _scores;
    private readonly Random _random;
    private int _clusters;

    public BottleneckState(JointDistribution joint, int maxClusters, int seed)
    {
        _rows = joint.Rows;
        _ny = joint.Columns;
        var p = joint.Probabilities;
        var support = new List<int>();
        for (int x = 0; x < _rows; x++)
        {
            double s = 0;
            for (int y = 0; y < _ny; y++)
            {
                s += p[(x * _ny) + y];
            }

            if (s > 0)
            {
                support.Add(x);
            }
        }

        _support = [.. support];
        _nx = _support.Length;
        _maxClusters = Math.Max(1, Math.Min(maxClusters, _nx));
        _px = new double[_nx];
        _py = new double[_ny];
        _pyx = new double[_nx * _ny];
        _pxy = new double[_nx * _ny];
        for (int i = 0; i < _nx; i++)
        {
            int x = _support[i];
            for (int y = 0; y < _ny; y++)
            {
                double v = p[(x * _ny) + y];
                _pxy[(i * _ny) + y] = v;
                _px[i] += v;
                _py[y] += v;
            }

            for (int y = 0; y < _ny; y++)
            {
                _pyx[(i * _ny) + y] = _pxy[(i * _ny) + y] / _px[i];
            }
        }

        _encoder = new double[_nx * _maxClusters];
        _qt = new double[_maxClusters];
        _logQt = new double[_maxClusters];
        _decoder = new double[_maxClusters * _ny];
        _logDecoder = new double[_maxClusters * _ny];
        _scores = new double[_maxClusters];
        _random = new Random(seed);
        _clusters = 1;
        for (int i = 0; i < _nx; i++)
        {
            _encoder[i * _maxClusters] = 1.0;
        }

        UpdateMarginals();
    }

    /// <summary>q(t) and q(y|t) from the encoder.</summary>
    private void UpdateMarginals()
    {
        int k = _clusters, K = _maxClusters, ny = _ny;
        Array.Clear(_qt, 0, k);
        Array.Clear(_decoder, 0, k * ny);
        for (int i = 0; i < _nx; i++)
        {
            var rowP = _pxy.AsSpan(i * ny, ny);
            for (int t = 0; t < k; t++)
            {
                double e = _encoder[(i * K) + t];
                if (e != 0)
                {
                    _qt[t] += e * _px[i];
                    TensorPrimitives.MultiplyAdd(rowP, e, _decoder.AsSpan(t * ny, ny), _decoder.AsSpan(t * ny, ny));
                }
            }
        }

        for (int t = 0; t < k; t++)
        {
            var dec = _decoder.AsSpan(t * ny, ny);
            var logDec = _logDecoder.AsSpan(t * ny, ny);
            if (_qt[t] > 0)
            {
                double sum = TensorPrimitives.Sum(dec);
                TensorPrimitives.Divide(dec, sum, dec);
                for (int y = 0; y < ny; y++)
                {
                    logDec[y] = dec[y] > 0 ? Math.Log(dec[y]) : LogZero;
                }

                _logQt[t] = Math.Log(_qt[t]);
            }
            else
            {
                logDec.Fill(LogZero);
                _logQt[t] = double.NegativeInfinity;
            }
        }
    }

    /// <summary>Sweeps the self-consistent equations at one beta until the encoder stops moving.</summary>
    public (int Iterations, bool Converged) Iterate(double beta, double alpha, int maxIterations, double tolerance, CancellationToken cancellationToken)
    {
        int k = _clusters, K = _maxClusters, ny = _ny;
        var scores = _scores.AsSpan(0, k);
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            if ((iteration & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            double maxDelta = 0;
            for (int i = 0; i < _nx; i++)
            {
                var pyx = _pyx.AsSpan(i * ny, ny);
                int argmax = 0;
                double best = double.NegativeInfinity;
                for (int t = 0; t < k; t++)
                {
                    // log q(t) - beta D(p(y|x) || q(y|t)), without the term sum_y p log p that does not depend on t.
                    double s = _logQt[t] + (beta * TensorPrimitives.Dot(pyx, _logDecoder.AsSpan(t * ny, ny)));
                    scores[t] = s;
                    if (s > best)
                    {
                        best = s;
                        argmax = t;
                    }
                }

                var enc = _encoder.AsSpan(i * K, k);
                if (!(best > double.NegativeInfinity))
                {
                    // Every cluster misses part of p(y|x) (possible only after underflow): keep the closest decoder.
                    argmax = ClosestCluster(pyx);
                    best = double.NaN;
                }

                if (alpha == 0 || double.IsNaN(best))
                {
                    for (int t = 0; t < k; t++)
                    {
                        double v = t == argmax ? 1.0 : 0.0;
                        maxDelta = Math.Max(maxDelta, Math.Abs(v - enc[t]));
                        enc[t] = v;
                    }
                }
                else
                {
                    double sum = 0;
                    for (int t = 0; t < k; t++)
                    {
                        double e = Math.Exp((scores[t] - best) / alpha);
                        scores[t] = e;
                        sum += e;
                    }

                    for (int t = 0; t < k; t++)
                    {
                        double v = scores[t] / sum;
                        maxDelta = Math.Max(maxDelta, Math.Abs(v - enc[t]));
                        enc[t] = v;
                    }
                }
            }

            UpdateMarginals();
            if (maxDelta <= tolerance)
            {
                return (iteration, true);
            }
        }

        return (maxIterations, false);
    }

    private int ClosestCluster(ReadOnlySpan<double> pyx)
    {
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int t = 0; t < _clusters; t++)
        {
            if (_qt[t] <= 0)
            {
                continue;
            }

            double s = TensorPrimitives.Dot(pyx, _logDecoder.AsSpan(t * _ny, _ny));
            if (s > bestScore)
            {
                bestScore = s;
                best = t;
            }
        }

        return best;
    }

    /// <summary>Folds clusters with q(t) below the tolerance into the closest one, and merges clusters whose decoders coincide.</summary>
    public void MergeAndPrune(double tolerance)
    {
        int k = _clusters, K = _maxClusters, ny = _ny;
        var target = new int[k];
        for (int t = 0; t < k; t++)
        {
            target[t] = t;
        }

        // Merge: each cluster into the first earlier, still-kept cluster with (nearly) the same decoder.
        for (int t = 1; t < k; t++)
        {
            for (int s = 0; s < t; s++)
            {
                if (target[s] != s || _qt[s] < tolerance)
                {
                    continue;
                }

                double diff = 0;
                for (int y = 0; y < ny && diff <= tolerance; y++)
                {
                    diff = Math.Max(diff, Math.Abs(_decoder[(t * ny) + y] - _decoder[(s * ny) + y]));
                }

                if (diff <= tolerance)
                {
                    target[t] = s;
                    break;
                }
            }
        }

        // Prune: a negligible cluster goes to the kept cluster with the closest decoder (L1).
        for (int t = 0; t < k; t++)
        {
            if (target[t] == t && _qt[t] < tolerance)
            {
                int best = -1;
                double bestDistance = double.PositiveInfinity;
                for (int s = 0; s < k; s++)
                {
                    if (s == t || target[s] != s || _qt[s] < tolerance)
                    {
                        continue;
                    }

                    double d = 0;
                    for (int y = 0; y < ny; y++)
                    {
                        d += Math.Abs(_decoder[(t * ny) + y] - _decoder[(s * ny) + y]);
                    }

                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        best = s;
                    }
                }

                if (best >= 0)
                {
                    target[t] = best;
                }
            }
        }

        // Compact the kept clusters to the front.
        var newIndex = new int[k];
        int kept = 0;
        for (int t = 0; t < k; t++)
        {
            newIndex[t] = target[t] == t ? kept++ : -1;
        }

        var row = new double[kept];
        for (int i = 0; i < _nx; i++)
        {
            Array.Clear(row);
            for (int t = 0; t < k; t++)
            {
                row[newIndex[Root(target, t)]] += _encoder[(i * K) + t];
            }

            Array.Clear(_encoder, i * K, k);
            row.CopyTo(_encoder, i * K);
        }

        _clusters = kept;
        UpdateMarginals();
    }

    private static int Root(int[] target, int t)
    {
        while (target[t] != t)
        {
            t = target[t];
        }

        return t;
    }

    /// <summary>
    /// For the deterministic IB (alpha = 0), whose hard sweeps never merge clusters: merges the pair of clusters
    /// whose union lowers L = H(T) - beta I(T;Y) the most, if any does. Merging t and s changes H(T) by
    /// -(q_t + q_s) h(q_t / (q_t + q_s)) and I(T;Y) by -(q_t + q_s) JS_pi(q(y|t), q(y|s)) (Slonim &amp; Tishby 1999,
    /// agglomerative IB, prop. 1). O(|T|^2 |Y|).
    /// </summary>
    public bool MergeBestPair(double beta)
    {
        int k = _clusters, K = _maxClusters, ny = _ny;
        double bestDelta = -1e-13;
        int bestT = -1, bestS = -1;
        for (int t = 0; t < k; t++)
        {
            if (_qt[t] <= 0)
            {
                continue;
            }

            for (int s = t + 1; s < k; s++)
            {
                if (_qt[s] <= 0)
                {
                    continue;
                }

                double q = _qt[t] + _qt[s], a = _qt[t] / q, b = _qt[s] / q;
                double dH = q * ((a * Math.Log(a)) + (b * Math.Log(b)));
                double js = 0;
                for (int y = 0; y < ny; y++)
                {
                    double u = _decoder[(t * ny) + y], v = _decoder[(s * ny) + y], m = (a * u) + (b * v);
                    if (u > 0)
                    {
                        js += a * u * Math.Log(u / m);
                    }

                    if (v > 0)
                    {
                        js += b * v * Math.Log(v / m);
                    }
                }

                double delta = dH + (beta * q * js);
                if (delta < bestDelta)
                {
                    bestDelta = delta;
                    bestT = t;
                    bestS = s;
                }
            }
        }

        if (bestT < 0)
        {
            return false;
        }

        for (int i = 0; i < _nx; i++)
        {
            _encoder[(i * K) + bestT] += _encoder[(i * K) + bestS];
            _encoder[(i * K) + bestS] = 0;
        }

        UpdateMarginals();
        return true;
    }

    /// <summary>Splits every cluster (largest q(t) first, while free columns last) into two perturbed copies.</summary>
    public void Split(double alpha, double perturbation)
    {
        int k = _clusters, K = _maxClusters;
        int free = K - k;
        if (free <= 0)
        {
            return;
        }

        var order = Enumerable.Range(0, k).OrderByDescending(t => _qt[t]).ThenBy(t => t).Take(free).ToArray();
        for (int j = 0; j < order.Length; j++)
        {
            int t = order[j], copy = k + j;
            for (int i = 0; i < _nx; i++)
            {
                double w = _encoder[(i * K) + t];
                double u = (2 * _random.NextDouble()) - 1;
                if (alpha == 0)
                {
                    // A hard encoder: each member moves to the copy with probability 1/2.
                    if (w > 0 && u > 0)
                    {
                        _encoder[(i * K) + t] = 0;
                        _encoder[(i * K) + copy] = w;
                    }
                }
                else
                {
                    _encoder[(i * K) + t] = w * (0.5 + (perturbation * u));
                    _encoder[(i * K) + copy] = w * (0.5 - (perturbation * u));
                }
            }
        }

        _clusters = k + order.Length;
        UpdateMarginals();
    }

    /// <summary>The current solution (clusters in use only), with the informations in nats.</summary>
    public InformationBottleneckSolution Snapshot(double beta, double alpha, InformationUnit unit, bool converged, int iterations)
    {
        int k = _clusters, K = _maxClusters, ny = _ny;
        var used = Enumerable.Range(0, k).Where(t => _qt[t] > 0).ToArray();
        int m = used.Length;
        var qt = new double[m];
        var decoder = new double[m * ny];
        var encoder = new double[_rows * m];
        for (int j = 0; j < m; j++)
        {
            qt[j] = _qt[used[j]];
            _decoder.AsSpan(used[j] * ny, ny).CopyTo(decoder.AsSpan(j * ny, ny));
        }

        // Inputs with p(x) = 0 carry no weight; they are given the cluster marginal as their (arbitrary) encoder.
        for (int x = 0; x < _rows; x++)
        {
            qt.CopyTo(encoder, x * m);
        }

        double ixt = 0;
        for (int i = 0; i < _nx; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double e = _encoder[(i * K) + used[j]];
                encoder[(_support[i] * m) + j] = e;
                if (e > 0)
                {
                    ixt += _px[i] * e * Math.Log(e / qt[j]);
                }
            }
        }

        double ht = 0, ity = 0;
        for (int j = 0; j < m; j++)
        {
            ht -= qt[j] * Math.Log(qt[j]);
            for (int y = 0; y < ny; y++)
            {
                double d = decoder[(j * ny) + y];
                if (d > 0)
                {
                    ity += qt[j] * d * Math.Log(d / _py[y]);
                }
            }
        }

        return new InformationBottleneckSolution(beta, alpha, unit, _rows, m, ny, encoder, qt, decoder,
            ixt, ity, ht, converged, iterations);
    }
}
