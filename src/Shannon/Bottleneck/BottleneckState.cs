using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Shannon.Distributions;

namespace Shannon.Bottleneck;

/// <summary>
/// The mutable state of one annealing path: the encoder q(t|x) over the inputs with p(x) &gt; 0 (stride
/// <see cref="_stride"/>, the first <see cref="_clusters"/> columns in use, the others zero), q(t) and q(y|t).
/// A sweep is two blocked matrix products vectorised over the clusters: the scores
/// log q(t) + beta sum_y p(y|x) log q(y|t) for all x and t (p(y|x) times the transposed log-decoder), and the
/// unnormalised decoder and q(t) (the transposed joint p(x, y), with p(x) as an extra column, times the encoder).
/// The vector kernels are in <see cref="BottleneckKernels"/>, the SQUAREM accelerator in BottleneckState.Squarem.cs,
/// merging and splitting clusters in BottleneckState.Clusters.cs.
/// </summary>
internal sealed partial class BottleneckState
{
    /// <summary>Stands for log 0 in the decoder (<see cref="BottleneckKernels.LogZero"/>).</summary>
    private const double LogZero = BottleneckKernels.LogZero;

    private readonly int _rows;        // |X| of the table
    private readonly int[] _support;   // the x with p(x) > 0
    private readonly int _nx;          // |support|
    private readonly int _ny;
    private readonly int _maxClusters;
    private readonly int _stride;      // _maxClusters rounded up to whole blocks (BottleneckKernels.Block)

    private readonly double[] _px;     // p(x) on the support
    private readonly double[] _py;
    private readonly double[] _pyx;    // p(y|x), nx * ny
    private readonly double[] _pxy;    // p(x, y), nx * ny
    private readonly double[] _pxyq;   // p(x, y) with p(x) as column ny, nx * (ny + 1)
    private readonly double[] _logPy;  // log p(y), LogZero where p(y) = 0
    private readonly double[] _scaled; // beta p(y|x), nx * ny
    private readonly double[] _scoreMatrix; // nx * stride
    private readonly double[] _sumsT;  // (ny + 1) * stride: sum_x p(x, y) q(t|x), then the decoder q(y|t); q(t) in row ny
    private readonly double[] _logDecoderT; // ny * stride
    private readonly double[] _encoder; // nx * maxClusters
    private readonly double[] _qt;
    private readonly double[] _logQt;
    private readonly double[] _decoder; // maxClusters * ny
    private readonly double[] _logDecoder;
    private readonly double[] _weights;
    private readonly double[] _norm;   // per cluster: the decoder's normaliser, then scratch
    private bool _decoderRowsValid;
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
        _stride = BottleneckKernels.Padded(_maxClusters);
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

        _pxyq = new double[_nx * (_ny + 1)];
        for (int i = 0; i < _nx; i++)
        {
            _pxy.AsSpan(i * _ny, _ny).CopyTo(_pxyq.AsSpan(i * (_ny + 1), _ny));
            _pxyq[(i * (_ny + 1)) + _ny] = _px[i];
        }

        _logPy = new double[_ny];
        for (int y = 0; y < _ny; y++)
        {
            _logPy[y] = _py[y] > 0 ? Math.Log(_py[y]) : LogZero;
        }

        _scaled = new double[_nx * _ny];
        _scoreMatrix = new double[_nx * _stride];
        _sumsT = new double[(_ny + 1) * _stride];
        _logDecoderT = new double[_ny * _stride];
        _encoder = new double[_nx * _stride];
        _qt = new double[_stride];
        _logQt = new double[_stride];
        _decoder = new double[_maxClusters * _ny];
        _logDecoder = new double[_maxClusters * _ny];
        _weights = new double[_stride];
        _norm = new double[_stride];
        int saved = ((2 * _ny) + 1) * _stride + _stride;
        _theta0 = new double[saved];
        _theta1 = new double[saved];
        _theta2 = new double[saved];
        _random = new Random(seed);
        _clusters = 1;
        for (int i = 0; i < _nx; i++)
        {
            _encoder[i * _stride] = 1.0;
        }

        UpdateMarginals();
    }

    /// <summary>
    /// q(t) and q(y|t) from the encoder, in the transposed layout that the sweeps use (rows y, columns t, SIMD over
    /// the clusters): the decoder replaces the sums in <see cref="_sumsT"/> (q(t) stays in row |Y|), its logarithm
    /// goes to <see cref="_logDecoderT"/> (<see cref="LogZero"/> where q(y|t) = 0). The row-major copies that the
    /// merges read are made on demand (<see cref="DecoderRows"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: optimised from the first call (no tier-0 code)
    private void UpdateMarginals()
    {
        int k = _clusters, ny = _ny, S = _stride;
        BottleneckKernels.TransposedProduct(_pxyq, ny + 1, _encoder, S, _nx, k, _sumsT);
        _decoderRowsValid = false;
        var norm = _norm.AsSpan(0, k);
        norm.Clear();
        for (int y = 0; y < ny; y++)
        {
            TensorPrimitives.Add(norm, _sumsT.AsSpan(y * S, k), norm);
        }

        var qt = _sumsT.AsSpan(ny * S, k);
        qt.CopyTo(_qt);
        for (int t = 0; t < k; t++)
        {
            // sum_y q(y|t) = 1; a cluster with q(t) = 0 (or whose sums all underflowed) has a zero decoder.
            norm[t] = _qt[t] > 0 && norm[t] > 0 ? 1.0 / norm[t] : 0;
            _logQt[t] = _qt[t] > 0 ? Math.Log(_qt[t]) : double.NegativeInfinity;
        }

        for (int y = 0; y < ny; y++)
        {
            var dec = _sumsT.AsSpan(y * S, k);
            TensorPrimitives.Multiply(dec, norm, dec);
            BottleneckKernels.LogOrLogZero(dec, _logDecoderT.AsSpan(y * S, k));
        }
    }

    /// <summary>The row-major decoder q(y|t) (rows t), copied from the transposed one when stale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] DecoderRows()
    {
        if (!_decoderRowsValid)
        {
            int k = _clusters, ny = _ny, S = _stride;
            for (int y = 0; y < ny; y++)
            {
                for (int t = 0; t < k; t++)
                {
                    _decoder[(t * ny) + y] = _sumsT[(y * S) + t];
                    _logDecoder[(t * ny) + y] = _logDecoderT[(y * S) + t];
                }
            }

            _decoderRowsValid = true;
        }

        return _decoder;
    }

    /// <summary>
    /// Sweeps the self-consistent equations at one beta until the objective L = (1 - alpha) H(T) + alpha I(X;T)
    /// - beta I(T;Y) (nats) changes by at most <paramref name="tolerance"/> between two plain sweeps in a row. The
    /// sweeps are an alternating minimisation, so L never increases (Tishby et al. 1999, sec. 3.3; Strouse &amp;
    /// Schwab 2017). With <paramref name="accelerate"/> (soft encoders only), every two plain sweeps are followed by
    /// a squared extrapolation of the marginals (SQUAREM, Varadhan &amp; Roland 2008, Scand. J. Stat. 35(2)) and a
    /// sweep from there, kept only when it does not raise L above the second plain sweep; the state returned always
    /// comes from a plain sweep, so encoder and marginals agree.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int Iterations, bool Converged) Iterate(double beta, double alpha, int maxIterations, double tolerance, CancellationToken cancellationToken, bool accelerate = false)
    {
        TensorPrimitives.Multiply(_pyx, beta, _scaled);
        accelerate &= alpha > 0;
        double previous = double.PositiveInfinity;
        int iteration = 0;
        while (iteration < maxIterations)
        {
            if ((++iteration & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (accelerate)
            {
                SaveMarginals(_theta0);
            }

            double objective = Sweep(beta, alpha);
            if (Math.Abs(previous - objective) <= tolerance)
            {
                return (iteration, true);
            }

            previous = objective;
            if (!accelerate || iteration + 3 > maxIterations)
            {
                continue;
            }

            SaveMarginals(_theta1);
            iteration++;
            objective = Sweep(beta, alpha);
            if (Math.Abs(previous - objective) <= tolerance)
            {
                return (iteration, true);
            }

            previous = objective;
            SaveMarginals(_theta2);
            if (!Extrapolate())
            {
                continue;
            }

            iteration++;
            double jumped = Sweep(beta, alpha);
            if (jumped <= previous)
            {
                previous = jumped;
            }
            else
            {
                // The jump raised L: back to the second plain sweep's marginals (the next sweep starts from them).
                RestoreMarginals(_theta2);
            }
        }

        return (maxIterations, false);
    }

    /// <summary>One sweep from the current marginals: the encoder, then the marginals; returns L in nats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: optimised from the first call (no tier-0 code)
    private double Sweep(double beta, double alpha)
    {
        int k = _clusters, K = _stride, ny = _ny;
        var weights = _weights.AsSpan(0, k);
        double negativeConditionalEntropy = 0; // sum_x p(x) sum_t q(t|x) log q(t|x) = -H(T|X)

        // The scores log q(t) + sum_y beta p(y|x) log q(y|t) of every input x and cluster t in use.
        BottleneckKernels.Scores(_scaled, ny, _logDecoderT, _logQt, K, _nx, k, _scoreMatrix);
        for (int i = 0; i < _nx; i++)
        {
            var pyx = _pyx.AsSpan(i * ny, ny);
            var scores = _scoreMatrix.AsSpan(i * K, k);
            // The scores are log q(t) - beta D(p(y|x) || q(y|t)), without the term sum_y p log p that does not
            // depend on t. The soft encoder needs their maximum only (SIMD); the hard one the first arg-max.
            int argmax = 0;
            double best = double.NegativeInfinity;
            if (alpha > 0)
            {
                best = VectorMath.Max(scores);
            }
            else
            {
                for (int t = 0; t < k; t++)
                {
                    if (scores[t] > best)
                    {
                        best = scores[t];
                        argmax = t;
                    }
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
                enc.Clear();
                enc[argmax] = 1.0;
            }
            else
            {
                var (sum, weighted) = BottleneckKernels.SoftRow(_scoreMatrix.AsSpan(i * K, K), k, best, alpha, _weights);
                double inv = 1.0 / sum;
                TensorPrimitives.Multiply(weights, inv, enc);

                // sum_t q log q with log q = logit - log(sum).
                negativeConditionalEntropy += _px[i] * ((weighted * inv) - Math.Log(sum));
            }
        }

        UpdateMarginals();
        var (ht, ity) = EntropyAndRelevance();
        return ((1 - alpha) * ht) + (alpha * (ht + negativeConditionalEntropy)) - (beta * ity);
    }

    /// <summary>H(T) and I(T;Y) of the current marginals, in nats, from the transposed decoder.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: optimised from the first call (no tier-0 code)
    private (double ClusterEntropy, double Relevance) EntropyAndRelevance()
    {
        int k = _clusters, S = _stride;
        var acc = _norm.AsSpan(0, k);
        acc.Clear();
        for (int y = 0; y < _ny; y++)
        {
            // 0 * LogZero = 0 where q(y|t) = 0; p(y) > 0 wherever q(y|t) > 0.
            BottleneckKernels.AddRelevance(_sumsT.AsSpan(y * S, k), _logDecoderT.AsSpan(y * S, k), _logPy[y], acc);
        }

        double ht = 0, ity = 0;
        for (int t = 0; t < k; t++)
        {
            double q = _qt[t];
            if (q > 0)
            {
                ht -= q * _logQt[t];
                ity += q * acc[t];
            }
        }

        return (ht, ity);
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

            DecoderRows();
            double s = TensorPrimitives.Dot(pyx, _logDecoder.AsSpan(t * _ny, _ny));
            if (s > bestScore)
            {
                bestScore = s;
                best = t;
            }
        }

        return best;
    }

    /// <summary>The current solution (clusters in use only), with the informations in nats.</summary>
    public InformationBottleneckSolution Snapshot(double beta, double alpha, InformationUnit unit, bool converged, int iterations)
    {
        int k = _clusters, K = _stride, ny = _ny;
        var used = Enumerable.Range(0, k).Where(t => _qt[t] > 0).ToArray();
        int m = used.Length;
        var qt = new double[m];
        var decoder = new double[m * ny];
        var encoder = new double[_rows * m];
        for (int j = 0; j < m; j++)
        {
            qt[j] = _qt[used[j]];
            DecoderRows().AsSpan(used[j] * ny, ny).CopyTo(decoder.AsSpan(j * ny, ny));
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

        double ht = Measures.EntropyNats(qt), ity = 0;
        for (int j = 0; j < m; j++)
        {
            for (int y = 0; y < ny; y++)
            {
                double d = decoder[(j * ny) + y];
                if (d > 0)
                {
                    ity += qt[j] * d * Math.Log(d / _py[y]);
                }
            }
        }

        if (m == 1)
        {
            // One cluster: T is constant, so I(X;T) = I(T;Y) = H(T) = 0 exactly. The sums above would give about
            // -1e-16 from q(t) = sum_x p(x) being 1 only to rounding.
            ixt = ity = ht = 0;
        }

        return new InformationBottleneckSolution(beta, alpha, unit, _rows, m, ny, encoder, qt, decoder,
            ixt, ity, ht, converged, iterations);
    }
}