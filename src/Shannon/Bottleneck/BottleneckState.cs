using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Shannon.Distributions;

namespace Shannon.Bottleneck;

/// <summary>
/// The mutable state of one annealing path: the encoder q(t|x) over the inputs with p(x) &gt; 0 (stride
/// <see cref="_stride"/>, the first <see cref="_clusters"/> columns in use, the others zero), q(t) and q(y|t).
/// A sweep is two blocked matrix products vectorised over the clusters: the scores
/// log q(t) + beta sum_y p(y|x) log q(y|t) for all x and t (p(y|x) times the transposed log-decoder), and the
/// unnormalised decoder and q(t) (the transposed joint p(x, y), with p(x) as an extra column, times the encoder).
/// </summary>
internal sealed class BottleneckState
{
    /// <summary>Stands for log 0 in the decoder, so that 0 * log 0 = 0 in the dot products (p(y|x) * -1e300 is -infinity in effect).</summary>
    private const double LogZero = -1e300;

    /// <summary>The logits of the soft encoder are clamped here from below; exp of it is exactly 0 in doubles.</summary>
    private const double LowestLogit = -800;

    private readonly int _rows;        // |X| of the table
    private readonly int[] _support;   // the x with p(x) > 0
    private readonly int _nx;          // |support|
    private readonly int _ny;
    private readonly int _maxClusters;
    private readonly int _stride;      // _maxClusters rounded up to a whole number of blocks of two vectors

    /// <summary>The kernels work on two vectors of clusters at a time; the stride is a multiple of this.</summary>
    private static readonly int Block = 2 * Vector256<double>.Count;
    private readonly double[] _px;     // p(x) on the support
    private readonly double[] _py;
    private readonly double[] _pyx;    // p(y|x), nx * ny
    private readonly double[] _pxy;    // p(x, y), nx * ny
    private readonly double[] _pxyq;   // p(x, y) with p(x) as column ny, nx * (ny + 1)
    private readonly double[] _logPy;  // log p(y), LogZero where p(y) = 0
    private readonly double[] _scaled; // beta p(y|x), nx * ny
    private readonly double[] _scoreMatrix; // nx * stride
    private readonly double[] _sumsT;  // (ny + 1) * stride: sum_x p(x, y) q(t|x), and q(t) in row ny
    private readonly double[] _logDecoderT; // ny * stride
    private readonly double[] _encoder; // nx * maxClusters
    private readonly double[] _qt;
    private readonly double[] _logQt;
    private readonly double[] _decoder; // maxClusters * ny
    private readonly double[] _logDecoder;
    private readonly double[] _weights;
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
        _stride = (_maxClusters + Block - 1) / Block * Block;
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
        _weights = new double[_maxClusters];
        _random = new Random(seed);
        _clusters = 1;
        for (int i = 0; i < _nx; i++)
        {
            _encoder[i * _stride] = 1.0;
        }

        UpdateMarginals();
    }

    /// <summary>q(t) and q(y|t) from the encoder.</summary>
    private void UpdateMarginals()
    {
        int k = _clusters, ny = _ny;
        SumsTransposed();
        for (int t = 0; t < k; t++)
        {
            var dec = _decoder.AsSpan(t * ny, ny);
            var logDec = _logDecoder.AsSpan(t * ny, ny);
            _qt[t] = _sumsT[(ny * _stride) + t];
            double sum = 0;
            for (int y = 0; y < ny; y++)
            {
                double v = _sumsT[(y * _stride) + t];
                dec[y] = v;
                sum += v;
            }

            if (_qt[t] > 0)
            {
                TensorPrimitives.Divide(dec, sum, dec);
                TensorPrimitives.Log(dec, logDec);
                for (int y = 0; y < ny; y++)
                {
                    if (!(dec[y] > 0))
                    {
                        logDec[y] = LogZero;
                    }
                }

                _logQt[t] = Math.Log(_qt[t]);
            }
            else
            {
                dec.Clear();
                logDec.Fill(LogZero);
                _logQt[t] = double.NegativeInfinity;
            }

            for (int y = 0; y < ny; y++)
            {
                _logDecoderT[(y * _stride) + t] = logDec[y];
            }
        }
    }

    /// <summary>
    /// _sumsT[y, t] = sum_x p(x, y) q(t|x) for y &lt; |Y|, and q(t) = sum_x p(x) q(t|x) in row |Y|: the transposed
    /// joint times the encoder, four rows of the result and two vectors of clusters at a time.
    /// </summary>
    private void SumsTransposed()
    {
        int width = _ny + 1, S = _stride, nx = _nx, n = Vector256<double>.Count;
        int blocks = (_clusters + Block - 1) / Block;
        ref double enc = ref MemoryMarshal.GetArrayDataReference(_encoder);
        ref double p = ref MemoryMarshal.GetArrayDataReference(_pxyq);
        ref double outT = ref MemoryMarshal.GetArrayDataReference(_sumsT);
        for (int c = 0; c < blocks; c++)
        {
            nuint col = (nuint)(c * Block), col2 = col + (nuint)n;
            int y = 0;
            for (; y + 4 <= width; y += 4)
            {
                Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
                Vector256<double> b0 = default, b1 = default, b2 = default, b3 = default;
                for (int i = 0; i < nx; i++)
                {
                    var e = Vector256.LoadUnsafe(ref enc, ((nuint)(i * S)) + col);
                    var f = Vector256.LoadUnsafe(ref enc, ((nuint)(i * S)) + col2);
                    ref double row = ref Unsafe.Add(ref p, (i * width) + y);
                    var w0 = Vector256.Create(row);
                    var w1 = Vector256.Create(Unsafe.Add(ref row, 1));
                    var w2 = Vector256.Create(Unsafe.Add(ref row, 2));
                    var w3 = Vector256.Create(Unsafe.Add(ref row, 3));
                    a0 = Vector256.FusedMultiplyAdd(w0, e, a0);
                    b0 = Vector256.FusedMultiplyAdd(w0, f, b0);
                    a1 = Vector256.FusedMultiplyAdd(w1, e, a1);
                    b1 = Vector256.FusedMultiplyAdd(w1, f, b1);
                    a2 = Vector256.FusedMultiplyAdd(w2, e, a2);
                    b2 = Vector256.FusedMultiplyAdd(w2, f, b2);
                    a3 = Vector256.FusedMultiplyAdd(w3, e, a3);
                    b3 = Vector256.FusedMultiplyAdd(w3, f, b3);
                }

                a0.StoreUnsafe(ref outT, ((nuint)(y * S)) + col);
                b0.StoreUnsafe(ref outT, ((nuint)(y * S)) + col2);
                a1.StoreUnsafe(ref outT, ((nuint)((y + 1) * S)) + col);
                b1.StoreUnsafe(ref outT, ((nuint)((y + 1) * S)) + col2);
                a2.StoreUnsafe(ref outT, ((nuint)((y + 2) * S)) + col);
                b2.StoreUnsafe(ref outT, ((nuint)((y + 2) * S)) + col2);
                a3.StoreUnsafe(ref outT, ((nuint)((y + 3) * S)) + col);
                b3.StoreUnsafe(ref outT, ((nuint)((y + 3) * S)) + col2);
            }

            for (; y < width; y++)
            {
                Vector256<double> a0 = default, b0 = default;
                for (int i = 0; i < nx; i++)
                {
                    var w0 = Vector256.Create(Unsafe.Add(ref p, (i * width) + y));
                    a0 = Vector256.FusedMultiplyAdd(w0, Vector256.LoadUnsafe(ref enc, ((nuint)(i * S)) + col), a0);
                    b0 = Vector256.FusedMultiplyAdd(w0, Vector256.LoadUnsafe(ref enc, ((nuint)(i * S)) + col2), b0);
                }

                a0.StoreUnsafe(ref outT, ((nuint)(y * S)) + col);
                b0.StoreUnsafe(ref outT, ((nuint)(y * S)) + col2);
            }
        }
    }

    /// <summary>
    /// _scoreMatrix[x, t] = log q(t) + sum_y beta p(y|x) log q(y|t) for the clusters in use: four inputs and two
    /// vectors of clusters at a time.
    /// </summary>
    private void Scores()
    {
        int ny = _ny, S = _stride, nx = _nx, n = Vector256<double>.Count;
        int blocks = (_clusters + Block - 1) / Block;
        ref double scaled = ref MemoryMarshal.GetArrayDataReference(_scaled);
        ref double logDecT = ref MemoryMarshal.GetArrayDataReference(_logDecoderT);
        ref double logQt = ref MemoryMarshal.GetArrayDataReference(_logQt);
        ref double outS = ref MemoryMarshal.GetArrayDataReference(_scoreMatrix);
        for (int c = 0; c < blocks; c++)
        {
            nuint col = (nuint)(c * Block), col2 = col + (nuint)n;
            var q = Vector256.LoadUnsafe(ref logQt, col); // _logQt has _stride entries
            var q2 = Vector256.LoadUnsafe(ref logQt, col2);
            int i = 0;
            for (; i + 4 <= nx; i += 4)
            {
                Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
                Vector256<double> b0 = default, b1 = default, b2 = default, b3 = default;
                ref double r0 = ref Unsafe.Add(ref scaled, i * ny);
                for (int y = 0; y < ny; y++)
                {
                    var l = Vector256.LoadUnsafe(ref logDecT, ((nuint)(y * S)) + col);
                    var m = Vector256.LoadUnsafe(ref logDecT, ((nuint)(y * S)) + col2);
                    var w0 = Vector256.Create(Unsafe.Add(ref r0, y));
                    var w1 = Vector256.Create(Unsafe.Add(ref r0, ny + y));
                    var w2 = Vector256.Create(Unsafe.Add(ref r0, (2 * ny) + y));
                    var w3 = Vector256.Create(Unsafe.Add(ref r0, (3 * ny) + y));
                    a0 = Vector256.FusedMultiplyAdd(w0, l, a0);
                    b0 = Vector256.FusedMultiplyAdd(w0, m, b0);
                    a1 = Vector256.FusedMultiplyAdd(w1, l, a1);
                    b1 = Vector256.FusedMultiplyAdd(w1, m, b1);
                    a2 = Vector256.FusedMultiplyAdd(w2, l, a2);
                    b2 = Vector256.FusedMultiplyAdd(w2, m, b2);
                    a3 = Vector256.FusedMultiplyAdd(w3, l, a3);
                    b3 = Vector256.FusedMultiplyAdd(w3, m, b3);
                }

                (q + a0).StoreUnsafe(ref outS, ((nuint)(i * S)) + col);
                (q2 + b0).StoreUnsafe(ref outS, ((nuint)(i * S)) + col2);
                (q + a1).StoreUnsafe(ref outS, ((nuint)((i + 1) * S)) + col);
                (q2 + b1).StoreUnsafe(ref outS, ((nuint)((i + 1) * S)) + col2);
                (q + a2).StoreUnsafe(ref outS, ((nuint)((i + 2) * S)) + col);
                (q2 + b2).StoreUnsafe(ref outS, ((nuint)((i + 2) * S)) + col2);
                (q + a3).StoreUnsafe(ref outS, ((nuint)((i + 3) * S)) + col);
                (q2 + b3).StoreUnsafe(ref outS, ((nuint)((i + 3) * S)) + col2);
            }

            for (; i < nx; i++)
            {
                Vector256<double> a0 = default, b0 = default;
                for (int y = 0; y < ny; y++)
                {
                    var w0 = Vector256.Create(Unsafe.Add(ref scaled, (i * ny) + y));
                    a0 = Vector256.FusedMultiplyAdd(w0, Vector256.LoadUnsafe(ref logDecT, ((nuint)(y * S)) + col), a0);
                    b0 = Vector256.FusedMultiplyAdd(w0, Vector256.LoadUnsafe(ref logDecT, ((nuint)(y * S)) + col2), b0);
                }

                (q + a0).StoreUnsafe(ref outS, ((nuint)(i * S)) + col);
                (q2 + b0).StoreUnsafe(ref outS, ((nuint)(i * S)) + col2);
            }
        }
    }

    /// <summary>
    /// Sweeps the self-consistent equations at one beta until the objective L = (1 - alpha) H(T) + alpha I(X;T)
    /// - beta I(T;Y) (nats) changes by at most <paramref name="tolerance"/> between sweeps. The sweeps are an
    /// alternating minimisation, so L never increases (Tishby et al. 1999, sec. 3.3; Strouse &amp; Schwab 2017).
    /// </summary>
    public (int Iterations, bool Converged) Iterate(double beta, double alpha, int maxIterations, double tolerance, CancellationToken cancellationToken)
    {
        int k = _clusters, K = _stride, ny = _ny;
        var weights = _weights.AsSpan(0, k);
        TensorPrimitives.Multiply(_pyx, beta, _scaled);
        double previous = double.PositiveInfinity;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            if ((iteration & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            double negativeConditionalEntropy = 0; // sum_x p(x) sum_t q(t|x) log q(t|x) = -H(T|X)
            Scores();
            for (int i = 0; i < _nx; i++)
            {
                var pyx = _pyx.AsSpan(i * ny, ny);
                var scores = _scoreMatrix.AsSpan(i * K, k);
                int argmax = 0;
                double best = double.NegativeInfinity;
                for (int t = 0; t < k; t++)
                {
                    // log q(t) - beta D(p(y|x) || q(y|t)), without the term sum_y p log p that does not depend on t.
                    double sc = scores[t];
                    if (sc > best)
                    {
                        best = sc;
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
                    enc.Clear();
                    enc[argmax] = 1.0;
                }
                else
                {
                    // logits (s - max) / alpha <= 0, exponentiated with SIMD. Logits below -800 are raised to -800:
                    // both exponentiate to exactly 0 (the smallest double is about e^-744.4), and the clamp makes
                    // weight * logit = 0 in the dot product where the logit is -infinity (an empty cluster).
                    if (alpha == 1)
                    {
                        TensorPrimitives.Subtract(scores, best, scores);
                    }
                    else
                    {
                        TensorPrimitives.Subtract(scores, best, weights);
                        TensorPrimitives.Divide(weights, alpha, scores);
                    }

                    TensorPrimitives.Max(scores, LowestLogit, scores);
                    TensorPrimitives.Exp(scores, weights);
                    double sum = TensorPrimitives.Sum(weights);
                    double weighted = TensorPrimitives.Dot(weights, scores);
                    double inv = 1.0 / sum;
                    TensorPrimitives.Multiply(weights, inv, enc);

                    // sum_t q log q with log q = logit - log(sum).
                    negativeConditionalEntropy += _px[i] * ((weighted * inv) - Math.Log(sum));
                }
            }

            UpdateMarginals();
            var (ht, ity) = EntropyAndRelevance();
            double objective = ((1 - alpha) * ht) + (alpha * (ht + negativeConditionalEntropy)) - (beta * ity);
            if (Math.Abs(previous - objective) <= tolerance)
            {
                return (iteration, true);
            }

            previous = objective;
        }

        return (maxIterations, false);
    }

    /// <summary>H(T) and I(T;Y) of the current marginals, in nats.</summary>
    private (double ClusterEntropy, double Relevance) EntropyAndRelevance()
    {
        double ht = 0, ity = 0;
        for (int t = 0; t < _clusters; t++)
        {
            double q = _qt[t];
            if (q <= 0)
            {
                continue;
            }

            ht -= q * _logQt[t];

            // 0 * LogZero = 0 where q(y|t) = 0; p(y) > 0 wherever q(y|t) > 0.
            var d = _decoder.AsSpan(t * _ny, _ny);
            ity += q * (TensorPrimitives.Dot(d, _logDecoder.AsSpan(t * _ny, _ny)) - TensorPrimitives.Dot(d, _logPy));
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

            double s = TensorPrimitives.Dot(pyx, _logDecoder.AsSpan(t * _ny, _ny));
            if (s > bestScore)
            {
                bestScore = s;
                best = t;
            }
        }

        return best;
    }

    /// <summary>
    /// One round of merges: every pair of clusters whose union changes the objective by at most
    /// <paramref name="tolerance"/> nats (a union that lowers it included) is merged, best first, disjoint pairs
    /// only. Merging t and s (weights a, b of q = q(t) + q(s)) changes H(T) by -q h(a), I(X;T) by
    /// -q JS_ab(p(x|t), p(x|s)) and I(T;Y) by -q JS_ab(q(y|t), q(y|s)) (Slonim &amp; Tishby 1999, agglomerative IB,
    /// prop. 1); empty clusters are dropped. Returns the number of merges. O(|T|^2 (|X| + |Y|)) at worst; pairs whose
    /// decoders differ too much to qualify (beta JS_y &gt; h(a) + tolerance / q) are skipped after O(|Y|).
    /// </summary>
    public int MergeRound(double beta, double alpha, double tolerance)
    {
        int k = _clusters, K = _stride, ny = _ny;
        var candidates = new List<(double Delta, int T, int S)>();
        Span<double> difference = ny <= 256 ? stackalloc double[ny] : new double[ny];
        for (int t = 0; t < k; t++)
        {
            for (int s = t + 1; s < k; s++)
            {
                if (_qt[t] <= 0 || _qt[s] <= 0)
                {
                    continue;
                }

                double q = _qt[t] + _qt[s], a = _qt[t] / q, b = _qt[s] / q;
                double mixing = -((a * Math.Log(a)) + (b * Math.Log(b)));

                // Pinsker's inequality (KL >= |P - Q|_1^2 / 2 nats) gives JS_ab(u, v) >= (a b / 2) |u - v|_1^2, since
                // u - m = b (u - v) and v - m = a (v - u): a cheap test that skips, without logarithms, pairs that the
                // exact test below would skip too (with a margin of 1e-9 relative against rounding).
                TensorPrimitives.Subtract(_decoder.AsSpan(t * ny, ny), _decoder.AsSpan(s * ny, ny), difference);
                double l1 = TensorPrimitives.SumOfMagnitudes(difference);
                if (beta * 0.5 * a * b * l1 * l1 > (mixing + (tolerance / q)) * (1 + 1e-9))
                {
                    continue;
                }

                double jsY = 0;
                for (int y = 0; y < ny; y++)
                {
                    double u = _decoder[(t * ny) + y], v = _decoder[(s * ny) + y], m = (a * u) + (b * v);
                    if (u > 0)
                    {
                        jsY += a * u * Math.Log(u / m);
                    }

                    if (v > 0)
                    {
                        jsY += b * v * Math.Log(v / m);
                    }
                }

                if (beta * jsY > mixing + (tolerance / q))
                {
                    continue;
                }

                double jsX = 0;
                if (alpha > 0)
                {
                    for (int i = 0; i < _nx; i++)
                    {
                        // p(x|t) = p(x) q(t|x) / q(t)
                        double u = _px[i] * _encoder[(i * K) + t] / _qt[t], v = _px[i] * _encoder[(i * K) + s] / _qt[s];
                        double m = (a * u) + (b * v);
                        if (u > 0)
                        {
                            jsX += a * u * Math.Log(u / m);
                        }

                        if (v > 0)
                        {
                            jsX += b * v * Math.Log(v / m);
                        }
                    }
                }

                double delta = (-(1 - alpha) * q * mixing) - (alpha * q * jsX) + (beta * q * jsY);
                if (delta <= tolerance)
                {
                    candidates.Add((delta, t, s));
                }
            }
        }

        var gone = new bool[k];
        int merges = 0;
        foreach (var (_, t, s) in candidates.OrderBy(c => c.Delta).ThenBy(c => c.T).ThenBy(c => c.S))
        {
            if (gone[t] || gone[s])
            {
                continue;
            }

            for (int i = 0; i < _nx; i++)
            {
                _encoder[(i * K) + t] += _encoder[(i * K) + s];
                _encoder[(i * K) + s] = 0;
            }

            gone[s] = true;
            merges++;
        }

        for (int t = 0; t < k; t++)
        {
            gone[t] |= _qt[t] <= 0 && !gone[t];
        }

        Compact(gone);
        return merges;
    }

    /// <summary>Splits every cluster (largest q(t) first, while free columns last) into two perturbed copies.</summary>
    public List<(int Cluster, int Copy)> Split(double alpha, double perturbation)
    {
        int k = _clusters, K = _stride;
        int free = _maxClusters - k;
        var pairs = new List<(int Cluster, int Copy)>();
        if (free <= 0)
        {
            return pairs;
        }

        var order = Enumerable.Range(0, k).OrderByDescending(t => _qt[t]).ThenBy(t => t).Take(free).ToArray();
        for (int j = 0; j < order.Length; j++)
        {
            int t = order[j], copy = k + j;
            pairs.Add((t, copy));
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
        return pairs;
    }

    /// <summary>Drops the clusters marked gone (their encoder columns must be zero) and moves the rest to the front.</summary>
    private void Compact(bool[] gone)
    {
        int k = _clusters, K = _stride;
        int kept = 0;
        for (int t = 0; t < k; t++)
        {
            if (gone[t])
            {
                continue;
            }

            if (kept != t)
            {
                for (int i = 0; i < _nx; i++)
                {
                    _encoder[(i * K) + kept] = _encoder[(i * K) + t];
                }
            }

            kept++;
        }

        for (int i = 0; i < _nx; i++)
        {
            Array.Clear(_encoder, (i * K) + kept, k - kept);
        }

        _clusters = Math.Max(kept, 1);
        UpdateMarginals();
    }

    /// <summary>The largest absolute difference between the decoders q(y|t) and q(y|s).</summary>
    public double DecoderDistance(int t, int s)
    {
        double d = 0;
        for (int y = 0; y < _ny; y++)
        {
            d = Math.Max(d, Math.Abs(_decoder[(t * _ny) + y] - _decoder[(s * _ny) + y]));
        }

        return d;
    }

    /// <summary>Merges each copy back into its cluster (splits that did not take) and compacts the clusters.</summary>
    public void Unsplit(IReadOnlyList<(int Cluster, int Copy)> pairs)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        int K = _stride;
        var gone = new bool[_clusters];
        foreach (var (t, copy) in pairs)
        {
            for (int i = 0; i < _nx; i++)
            {
                _encoder[(i * K) + t] += _encoder[(i * K) + copy];
                _encoder[(i * K) + copy] = 0;
            }

            gone[copy] = true;
        }

        Compact(gone);
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
