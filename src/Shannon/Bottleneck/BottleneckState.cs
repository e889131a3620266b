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
internal sealed partial class BottleneckState
{

    /// <summary>Stands for log 0 in the decoder, so that 0 * log 0 = 0 in the dot products (p(y|x) * -1e300 is -infinity in effect).</summary>
    private const double LogZero = -1e300;

    /// <summary>
    /// Logits of the soft encoder at or below this get weight exactly 0. e^-708 is about 3.3e-308, the bottom of the
    /// normal doubles, so such a weight is lost anyway when added to the largest weight, e^0 = 1. Below it the
    /// results would be subnormal: the vector exponential here does not cover them, and TensorPrimitives.Exp
    /// leaves its fast path for them (ten times slower).
    /// </summary>
    private const double LowestLogit = VectorMath.LowestExpArgument;

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
        SumsTransposed();
        _decoderRowsValid = false;
        var norm = _norm.AsSpan(0, k);
        norm.Clear();
        for (int y = 0; y < ny; y++)
        {
            VectorMath.Combine(norm, _sumsT.AsSpan(y * S, k), multiply: false);
        }

        var qt = _sumsT.AsSpan(ny * S, k);
        qt.CopyTo(_qt);
        for (int t = 0; t < k; t++)
        {
            // sum_y q(y|t) = 1; a cluster with q(t) = 0 (or whose sums all underflowed) has a zero decoder.
            norm[t] = _qt[t] > 0 && norm[t] > 0 ? 1.0 / norm[t] : 0;
            _logQt[t] = _qt[t] > 0 ? Math.Log(_qt[t]) : double.NegativeInfinity;
        }

        var logZero = Vector256.Create(LogZero);
        int n = Vector256<double>.Count;
        for (int y = 0; y < ny; y++)
        {
            var dec = _sumsT.AsSpan(y * S, k);
            var logDec = _logDecoderT.AsSpan(y * S, k);
            VectorMath.Combine(dec, norm, multiply: true);
            ref double d = ref MemoryMarshal.GetReference(dec);
            ref double l = ref MemoryMarshal.GetReference(logDec);
            int t = 0;
            for (; t + n <= k; t += n)
            {
                var v = Vector256.LoadUnsafe(ref d, (nuint)t);
                var positive = Vector256.GreaterThan(v, Vector256<double>.Zero);
                Vector256.ConditionalSelect(positive, VectorMath.LogPositive(v), logZero).StoreUnsafe(ref l, (nuint)t);
            }

            for (; t < k; t++)
            {
                double v = Unsafe.Add(ref d, t);
                Unsafe.Add(ref l, t) = v > 0 ? Math.Log(v) : LogZero;
            }
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
    /// _sumsT[y, t] = sum_x p(x, y) q(t|x) for y &lt; |Y|, and q(t) = sum_x p(x) q(t|x) in row |Y|: the transposed
    /// joint times the encoder, four rows of the result and two vectors of clusters at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: optimised from the first call (no tier-0 code)
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: optimised from the first call (no tier-0 code)
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
        Scores();
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
                var (sum, weighted) = SoftRow(scores, best, alpha, weights);
                double inv = 1.0 / sum;
                VectorMath.Scale(weights, inv, enc);

                // sum_t q log q with log q = logit - log(sum).
                negativeConditionalEntropy += _px[i] * ((weighted * inv) - Math.Log(sum));
            }
        }

        UpdateMarginals();
        var (ht, ity) = EntropyAndRelevance();
        return ((1 - alpha) * ht) + (alpha * (ht + negativeConditionalEntropy)) - (beta * ity);
    }

    /// <summary>
    /// One row of the soft encoder in one SIMD pass: the weights exp((s - max) / alpha) go to
    /// <paramref name="weights"/> (at least <paramref name="scores"/>' length rounded up to a whole vector), exactly
    /// 0 where the logit is at or below <see cref="LowestLogit"/> (so that weight * logit = 0 where the logit is
    /// -infinity, an empty cluster); returns the sum of the weights and their dot product with the logits.
    /// <paramref name="scores"/> may be read up to the next whole vector (the score rows have a padded stride);
    /// lanes past its end get weight 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: optimised from the first call (no tier-0 code)
    private static (double Sum, double Weighted) SoftRow(Span<double> scores, double best, double alpha, Span<double> weights)
    {
        int k = scores.Length, n = Vector256<double>.Count;
        ref double s = ref MemoryMarshal.GetReference(scores);
        ref double w = ref MemoryMarshal.GetReference(weights);
        var low = Vector256.Create(LowestLogit);
        var top = Vector256.Create(best);
        var a = Vector256.Create(alpha);
        var lane = Vector256.Create(0.0, 1.0, 2.0, 3.0);
        var count = Vector256.Create((double)k);
        var sums = Vector256<double>.Zero;
        var dots = Vector256<double>.Zero;
        for (int t = 0; t < k; t += n)
        {
            var v = Vector256.LoadUnsafe(ref s, (nuint)t) - top;
            if (alpha != 1)
            {
                v /= a;
            }

            var keep = Vector256.GreaterThan(v, low) & Vector256.LessThan(lane + Vector256.Create((double)t), count);
            v = Vector256.Max(v, low);
            var e = Vector256.ConditionalSelect(keep, VectorMath.ExpNonPositive(v), Vector256<double>.Zero);
            e.StoreUnsafe(ref w, (nuint)t);
            sums += e;
            dots = Vector256.FusedMultiplyAdd(e, v, dots);
        }

        return (Vector256.Sum(sums), Vector256.Sum(dots));
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
            double logPy = _logPy[y];
            ref double d = ref _sumsT[y * S];
            ref double l = ref _logDecoderT[y * S];
            ref double a = ref MemoryMarshal.GetReference(acc);
            int n = Vector256<double>.Count, t = 0;
            var lp = Vector256.Create(logPy);
            for (; t + n <= k; t += n)
            {
                var v = Vector256.LoadUnsafe(ref d, (nuint)t) * (Vector256.LoadUnsafe(ref l, (nuint)t) - lp);
                (Vector256.LoadUnsafe(ref a, (nuint)t) + v).StoreUnsafe(ref a, (nuint)t);
            }

            for (; t < k; t++)
            {
                Unsafe.Add(ref a, t) += Unsafe.Add(ref d, t) * (Unsafe.Add(ref l, t) - logPy);
            }
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