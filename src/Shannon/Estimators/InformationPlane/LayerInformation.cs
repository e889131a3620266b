using Shannon.Estimators.Discrete;

namespace Shannon.Estimators.InformationPlane;

/// <summary>A point of the information plane.</summary>
/// <param name="MutualInformationXT">I(X;T).</param>
/// <param name="MutualInformationTY">I(T;Y).</param>
public readonly record struct PlanePoint(double MutualInformationXT, double MutualInformationTY);

/// <summary>
/// The three estimators of a layer's information plane coordinates used in the literature, for a layer T = f(X)
/// evaluated on every input of a finite set of equiprobable, distinct inputs X (the 4096 patterns), with labels Y.
/// Activities are feature-major (unit u of sample n at u * samples + n). Results are in the unit asked for (bits by default).
/// <list type="bullet">
/// <item><see cref="FixedRangeBinning"/>: Shwartz-Ziv &amp; Tishby (2017): each unit's value is binned into
/// equal bins on [low, high]; values outside share the end bins (as numpy.digitize in the original code, so a
/// ReLU value above 1 falls into the top bin). T is then discrete and a function of X, so I(X;T) = H(T).</item>
/// <item><see cref="FixedWidthBinning"/>: Saxe et al. (2018): bins of a fixed width, unbounded, floor(v / width).</item>
/// <item><see cref="KernelDensityUpperBound(ReadOnlySpan{double}, int, ReadOnlySpan{int}, InformationUnit, double)"/>: Kolchinsky &amp; Tracey (2017), as used by Saxe et al.: T + Gaussian noise of
/// variance s2 per unit; I(X;T) &lt;= -mean_i log(mean_j exp(-|t_i - t_j|^2 / (2 s2))) and
/// I(T;Y) = H(T) - sum_y p(y) H(T|y) with each entropy bounded the same way over its class.</item>
/// </list>
/// Binned patterns are counted exactly (bin indices are compared, not hashed).
/// </summary>
public static partial class LayerInformation
{
    private static PlanePoint FromBins(long[] bins, int units, ReadOnlySpan<int> labels, InformationUnit unit)
    {
        int n = labels.Length;
        var comparer = new RowComparer(bins, units, n);
        var ids = new Dictionary<int, int>(comparer);
        var pattern = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (!ids.TryGetValue(i, out int id))
            {
                id = ids.Count;
                ids[i] = id;
            }

            pattern[i] = id;
        }

        // The plug-in I(T; Y) = H(T) + H(Y) - H(T, Y) of the (pattern, label) count table, and H(T) = I(X; T) since T is
        // a function of X: the library's plug-in entropy of counts for each term.
        var mi = DiscreteInformation.MutualInformation(pattern, labels, PluginEntropyEstimator.Instance, unit);
        return new PlanePoint(mi.Diagnostic("h_x")!.Value, mi.Value);
    }

    private static void Check(ReadOnlySpan<double> activity, int units, ReadOnlySpan<int> labels)
    {
        if (labels.IsEmpty)
        {
            throw new ArgumentException("`labels` must be non-empty; got an empty sequence.", nameof(labels));
        }

        if (units < 1 || activity.Length != units * labels.Length)
        {
            throw new ArgumentException($"`activity` must hold units x samples = {units} x {labels.Length} values; got {activity.Length}.", nameof(activity));
        }

        for (int i = 0; i < activity.Length; i++)
        {
            if (!double.IsFinite(activity[i]))
            {
                throw new ArgumentException($"`activity` must be finite everywhere; got {activity[i]} at index {i}.", nameof(activity));
            }
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                throw new ArgumentException($"`labels` must be >= 0; got {labels[i]} at index {i}.", nameof(labels));
            }
        }
    }

    /// <summary>Compares samples by their rows of bin indices (feature-major storage).</summary>
    private sealed class RowComparer(long[] bins, int units, int samples) : IEqualityComparer<int>
    {
        public bool Equals(int a, int b)
        {
            for (int u = 0; u < units; u++)
            {
                if (bins[(u * samples) + a] != bins[(u * samples) + b])
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(int a)
        {
            var h = new HashCode();
            for (int u = 0; u < units; u++)
            {
                h.Add(bins[(u * samples) + a]);
            }

            return h.ToHashCode();
        }
    }
}
