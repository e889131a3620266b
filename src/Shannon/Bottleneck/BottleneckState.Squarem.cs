using System.Runtime.CompilerServices;

namespace Shannon.Bottleneck;

/// <summary>
/// The SQUAREM accelerator of <see cref="Iterate"/> (Varadhan &amp; Roland 2008, Scand. J. Stat. 35(2)): three saved
/// marginals and the squared extrapolation between them.
/// </summary>
internal sealed partial class BottleneckState
{
    private readonly double[] _theta0; // three saved marginals (SaveMarginals' layout)
    private readonly double[] _theta1;
    private readonly double[] _theta2;

    /// <summary>The largest SQUAREM step length |alpha| (1 is a plain double sweep).</summary>
    private const double MaxStep = 64;

    /// <summary>Copies the marginals (q(y|t) and q(t) with their logarithms) to <paramref name="to"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SaveMarginals(double[] to)
    {
        int size = (_ny + 1) * _stride, k = _clusters;
        _sumsT.AsSpan(0, size).CopyTo(to);
        _logDecoderT.AsSpan(0, _ny * _stride).CopyTo(to.AsSpan(size));
        _logQt.AsSpan(0, k).CopyTo(to.AsSpan(size + (_ny * _stride)));
    }

    /// <summary>The marginals saved by <see cref="SaveMarginals"/> become the current ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RestoreMarginals(double[] from)
    {
        int size = (_ny + 1) * _stride, k = _clusters;
        from.AsSpan(0, size).CopyTo(_sumsT);
        from.AsSpan(size, _ny * _stride).CopyTo(_logDecoderT);
        from.AsSpan(size + (_ny * _stride), k).CopyTo(_logQt);
        _sumsT.AsSpan(_ny * _stride, k).CopyTo(_qt);
        _decoderRowsValid = false;
    }

    /// <summary>
    /// The squared extrapolation of SQUAREM (scheme S3: step alpha = -|r| / |v|, theta' = theta0 - 2 alpha r +
    /// alpha^2 v with r = theta1 - theta0 and v = theta2 - 2 theta1 + theta0) on the logarithms of q(y|t) and q(t)
    /// of three plain sweeps in a row, renormalised; entries that are log 0 in any of the three keep the last
    /// value. The result becomes the current marginals. False (nothing changed) when the step would not go past
    /// theta2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Extrapolate()
    {
        int k = _clusters, ny = _ny, S = _stride, size = (ny + 1) * S, logQ = size + (ny * S);
        double rr = 0, vv = 0;
        for (int y = 0; y < ny; y++)
        {
            for (int t = 0; t < k; t++)
            {
                Accumulate(size + (y * S) + t);
            }
        }

        for (int t = 0; t < k; t++)
        {
            Accumulate(logQ + t);
        }

        double step = -Math.Sqrt(rr / vv);
        if (!(step < -1))
        {
            return false;
        }

        step = Math.Max(step, -MaxStep);

        // q(y|t): the column t of the transposed decoder, renormalised over y in log space.
        for (int t = 0; t < k; t++)
        {
            double top = double.NegativeInfinity;
            for (int y = 0; y < ny; y++)
            {
                double l = Jump(size + (y * S) + t);
                _logDecoderT[(y * S) + t] = l;
                top = Math.Max(top, l);
            }

            Normalise(_logDecoderT.AsSpan(t), S, ny, top, _sumsT.AsSpan(t));
        }

        double best = double.NegativeInfinity;
        for (int t = 0; t < k; t++)
        {
            _logQt[t] = Jump(logQ + t);
            best = Math.Max(best, _logQt[t]);
        }

        Normalise(_logQt, 1, k, best, _qt);
        _qt.AsSpan(0, k).CopyTo(_sumsT.AsSpan(ny * S, k));
        _decoderRowsValid = false;
        return true;

        void Accumulate(int j)
        {
            double a = _theta0[j], b = _theta1[j], c = _theta2[j];
            if (a > LogZero / 2 && b > LogZero / 2 && c > LogZero / 2)
            {
                double r = b - a, v = c - (2 * b) + a;
                rr += r * r;
                vv += v * v;
            }
        }

        double Jump(int j)
        {
            double a = _theta0[j], b = _theta1[j], c = _theta2[j];
            return a > LogZero / 2 && b > LogZero / 2 && c > LogZero / 2 ? a - (2 * step * (b - a)) + (step * step * (c - (2 * b) + a)) : c;
        }
    }

    /// <summary>
    /// Renormalises <paramref name="count"/> logarithms (every <paramref name="stride"/>-th entry, largest
    /// <paramref name="top"/>) so that their exponentials, written to <paramref name="values"/> at the same places, sum
    /// to 1; log 0 entries (at most <see cref="LogZero"/> / 2) stay log 0 with value 0, as do those that underflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Normalise(Span<double> logs, int stride, int count, double top, Span<double> values)
    {
        double sum = 0;
        for (int j = 0; j < count; j++)
        {
            double l = logs[j * stride];
            sum += l > LogZero / 2 ? Math.Exp(l - top) : 0;
        }

        double shift = top + Math.Log(sum);
        for (int j = 0; j < count; j++)
        {
            double l = logs[j * stride];
            double v = l > LogZero / 2 ? Math.Exp(l - shift) : 0;
            values[j * stride] = v;
            logs[j * stride] = v > 0 ? l - shift : (l > LogZero / 2 || l == LogZero ? LogZero : l);
        }
    }
}
