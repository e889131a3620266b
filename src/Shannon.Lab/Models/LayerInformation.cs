using System.Numerics.Tensors;

namespace Shannon.Lab.Models;

/// <summary>A point of the information plane, in bits.</summary>
/// <param name="MutualInformationXT">I(X;T).</param>
/// <param name="MutualInformationTY">I(T;Y).</param>
public readonly record struct PlanePoint(double MutualInformationXT, double MutualInformationTY);

/// <summary>
/// The three estimators of a layer's information plane coordinates used in the literature, for a layer T = f(X)
/// evaluated on every input of a finite set of equiprobable, distinct inputs X (the 4096 patterns), with labels Y.
/// Activities are feature-major (unit u of sample n at u * samples + n). Results are in bits.
/// <list type="bullet">
/// <item><see cref="FixedRangeBinning"/>: Shwartz-Ziv &amp; Tishby (2017): each unit's value is binned into
/// equal bins on [low, high]; values outside share the end bins (as numpy.digitize in the original code, so a
/// ReLU value above 1 falls into the top bin). T is then discrete and a function of X, so I(X;T) = H(T).</item>
/// <item><see cref="FixedWidthBinning"/>: Saxe et al. (2018): bins of a fixed width, unbounded, floor(v / width).</item>
/// <item><see cref="KernelDensityUpperBound"/>: Kolchinsky &amp; Tracey (2017), as used by Saxe et al.: T + Gaussian noise of
/// variance s2 per unit; I(X;T) &lt;= -mean_i log(mean_j exp(-|t_i - t_j|^2 / (2 s2))) and
/// I(T;Y) = H(T) - sum_y p(y) H(T|y) with each entropy bounded the same way over its class.</item>
/// </list>
/// Binned patterns are counted exactly (bin indices are compared, not hashed).
/// </summary>
public static class LayerInformation
{
    /// <summary>Fixed-range binning: <paramref name="binCount"/> equal bins on [low, high] (defaults: 30 bins on [-1, 1], the original code).</summary>
    /// <param name="activity">Feature-major activity.</param>
    /// <param name="units">Units of the layer.</param>
    /// <param name="labels">Label of each sample (0..classes-1); its length is the sample count.</param>
    /// <param name="low">Lower edge.</param>
    /// <param name="high">Upper edge (&gt; low).</param>
    /// <param name="binCount">Number of bins (&gt;= 1).</param>
    /// <returns>I(X;T) and I(T;Y) in bits.</returns>
    public static PlanePoint FixedRangeBinning(ReadOnlySpan<double> activity, int units, ReadOnlySpan<int> labels, double low = -1, double high = 1, int binCount = 30)
    {
        Check(activity, units, labels);
        if (!(high > low) || binCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(binCount), $"`binCount` must be >= 1 on a range with high > low; got {binCount} bins on [{low}, {high}].");
        }

        int n = labels.Length;
        var bins = new long[units * n];
        double scale = binCount / (high - low);
        for (int i = 0; i < bins.Length; i++)
        {
            // Values at or beyond the edges share the end bins (numpy.digitize in Shwartz-Ziv & Tishby's code).
            long b = (long)Math.Floor((activity[i] - low) * scale);
            bins[i] = Math.Clamp(b, 0, binCount - 1);
        }

        return FromBins(bins, units, labels);
    }

    /// <summary>Fixed-width binning, unbounded: bin floor(v / width) (default width 0.07, Saxe et al. 2018).</summary>
    /// <param name="activity">Feature-major activity.</param>
    /// <param name="units">Units of the layer.</param>
    /// <param name="labels">Labels.</param>
    /// <param name="width">Bin width (&gt; 0).</param>
    /// <returns>I(X;T) and I(T;Y) in bits.</returns>
    public static PlanePoint FixedWidthBinning(ReadOnlySpan<double> activity, int units, ReadOnlySpan<int> labels, double width = 0.07)
    {
        Check(activity, units, labels);
        if (!(width > 0) || !double.IsFinite(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"`width` must be a finite number > 0; got {width}.");
        }

        var bins = new long[units * labels.Length];
        for (int i = 0; i < bins.Length; i++)
        {
            bins[i] = (long)Math.Floor(activity[i] / width);
        }

        return FromBins(bins, units, labels);
    }

    /// <summary>
    /// The KDE upper bound of Kolchinsky &amp; Tracey (2017, eq. 10) with noise variance s2 per unit (default 1e-3, Saxe
    /// et al.). O(n^2 units); distances and kernels in single precision with SIMD (relative error ~1e-6).
    /// </summary>
    /// <param name="activity">Feature-major activity.</param>
    /// <param name="units">Units of the layer.</param>
    /// <param name="labels">Labels.</param>
    /// <param name="noiseVariance">s2 &gt; 0.</param>
    /// <returns>I(X;T) and I(T;Y) in bits.</returns>
    public static PlanePoint KernelDensityUpperBound(ReadOnlySpan<double> activity, int units, ReadOnlySpan<int> labels, double noiseVariance = 1e-3)
    {
        Check(activity, units, labels);
        if (!(noiseVariance > 0) || !double.IsFinite(noiseVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), $"`noiseVariance` must be a finite number > 0; got {noiseVariance}.");
        }

        int n = labels.Length;

        // Sort the samples by label so that each class is a contiguous block.
        var order = Enumerable.Range(0, n).ToArray();
        var keys = labels.ToArray();
        Array.Sort((int[])keys.Clone(), order);
        var sortedLabels = order.Select(i => keys[i]).ToArray();
        var classEnd = new int[n];
        for (int i = n - 1; i >= 0; i--)
        {
            classEnd[i] = i == n - 1 || sortedLabels[i + 1] != sortedLabels[i] ? i + 1 : classEnd[i + 1];
        }

        var columns = new float[units][];
        for (int u = 0; u < units; u++)
        {
            columns[u] = new float[n];
            for (int i = 0; i < n; i++)
            {
                columns[u][i] = (float)activity[(u * n) + order[i]];
            }
        }

        var all = new double[n];   // sum over j != i of K(i, j)
        var same = new double[n];  // the same, over j of i's class
        var colAll = new float[n];
        var colSame = new float[n];
        var dist = new float[n];
        var diff = new float[n];
        float factor = (float)(-1.0 / (2 * noiseVariance));
        for (int i = 0; i < n - 1; i++)
        {
            int m = n - i - 1;
            var d = dist.AsSpan(0, m);
            var t = diff.AsSpan(0, m);
            d.Clear();
            for (int u = 0; u < units; u++)
            {
                TensorPrimitives.Subtract(columns[u].AsSpan(i + 1, m), columns[u][i], t);
                TensorPrimitives.MultiplyAdd(t, t, d, d);
            }

            TensorPrimitives.Multiply(d, factor, d);
            TensorPrimitives.Exp(d, d);
            int sameCount = classEnd[i] - i - 1;
            all[i] += TensorPrimitives.Sum(d);
            same[i] += TensorPrimitives.Sum(d[..sameCount]);
            TensorPrimitives.Add(colAll.AsSpan(i + 1, m), d, colAll.AsSpan(i + 1, m));
            TensorPrimitives.Add(colSame.AsSpan(i + 1, sameCount), d[..sameCount], colSame.AsSpan(i + 1, sameCount));
        }

        var classCounts = new Dictionary<int, int>();
        foreach (int y in sortedLabels)
        {
            classCounts[y] = classCounts.GetValueOrDefault(y) + 1;
        }

        double hT = 0, hTgivenY = 0;
        for (int i = 0; i < n; i++)
        {
            // The self-kernel exp(0) = 1 is included: the mixture has one component per sample.
            hT -= Math.Log((1 + all[i] + colAll[i]) / n);
            hTgivenY -= Math.Log((1 + same[i] + colSame[i]) / classCounts[sortedLabels[i]]);
        }

        hT /= n;
        hTgivenY /= n;
        return new PlanePoint(hT / Math.Log(2), (hT - hTgivenY) / Math.Log(2));
    }

    private static PlanePoint FromBins(long[] bins, int units, ReadOnlySpan<int> labels)
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

        var counts = new int[ids.Count];
        var joint = new Dictionary<(int, int), int>();
        var labelCounts = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            counts[pattern[i]]++;
            joint[(pattern[i], labels[i])] = joint.GetValueOrDefault((pattern[i], labels[i])) + 1;
            labelCounts[labels[i]] = labelCounts.GetValueOrDefault(labels[i]) + 1;
        }

        double hT = EntropyBits(counts, n);
        double hY = EntropyBits(labelCounts.Values, n);
        double hTY = EntropyBits(joint.Values, n);
        return new PlanePoint(hT, hT + hY - hTY);
    }

    private static double EntropyBits(IEnumerable<int> counts, int total)
    {
        double s = 0;
        foreach (int c in counts)
        {
            if (c > 0)
            {
                s += c * Math.Log2(c);
            }
        }

        return Math.Log2(total) - (s / total);
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
