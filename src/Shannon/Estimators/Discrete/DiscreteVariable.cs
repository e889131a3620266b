using System.Globalization;
using System.Numerics.Tensors;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// A column of categorical samples encoded as dense codes 0..<see cref="LevelCount"/>-1, with the original labels.
/// Immutable; built by <see cref="FromLabels(ReadOnlySpan{int})"/>, <see cref="FromLabels(IReadOnlyList{string})"/> or
/// <see cref="FromCodes"/>. Several columns make one joint variable through <see cref="CountTable"/>'s variable groups.
/// </summary>
public sealed class DiscreteVariable
{
    private readonly int[] _codes;

    private DiscreteVariable(int[] codes, int levelCount, IReadOnlyList<string> levels)
    {
        _codes = codes;
        LevelCount = levelCount;
        Levels = levels;
    }

    /// <summary>The codes, one per sample.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The number of samples.</summary>
    public int Length => _codes.Length;

    /// <summary>The number of distinct codes (levels), the alphabet size used by the estimators.</summary>
    public int LevelCount { get; }

    /// <summary>The label of each code, as text.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>
    /// Encodes integer labels. When the labels span a small range (max - min &lt; 2^24 and at most 4 N) each label's
    /// code is its offset from the minimum after removing unused values (two SIMD passes and one counting pass);
    /// otherwise labels are hashed. Codes follow the labels' numeric order.
    /// </summary>
    /// <param name="labels">The labels (non-empty).</param>
    /// <returns>The variable.</returns>
    public static DiscreteVariable FromLabels(ReadOnlySpan<int> labels)
    {
        if (labels.IsEmpty)
        {
            throw Preconditions.Error(nameof(labels), "non-empty", "an empty sequence");
        }

        var (min, max) = Histogram.MinMax(labels);
        long range = (long)max - min + 1;
        var codes = new int[labels.Length];
        if (range <= 1 << 24 && range <= 4L * labels.Length + 64)
        {
            // Offsets, then a map that drops unused values.
            if (min != 0)
            {
                TensorPrimitives.Subtract(labels, min, codes);
            }
            else
            {
                labels.CopyTo(codes);
            }

            var counts = new long[range];
            Histogram.CountUnchecked(codes, counts);
            var map = new int[range];
            var levels = new List<string>();
            for (int v = 0; v < range; v++)
            {
                map[v] = counts[v] > 0 ? levels.Count : -1;
                if (counts[v] > 0)
                {
                    levels.Add((v + (long)min).ToString(CultureInfo.InvariantCulture));
                }
            }

            if (levels.Count != range)
            {
                for (int i = 0; i < codes.Length; i++)
                {
                    codes[i] = map[codes[i]];
                }
            }

            return new DiscreteVariable(codes, levels.Count, levels);
        }

        var distinct = new SortedSet<int>();
        foreach (int v in labels)
        {
            distinct.Add(v);
        }

        var index = new Dictionary<int, int>(distinct.Count);
        var names = new List<string>(distinct.Count);
        foreach (int v in distinct)
        {
            index[v] = names.Count;
            names.Add(v.ToString(CultureInfo.InvariantCulture));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            codes[i] = index[labels[i]];
        }

        return new DiscreteVariable(codes, names.Count, names);
    }

    /// <summary>Encodes text labels (ordinal comparison; codes follow the sorted labels). Null labels are rejected.</summary>
    /// <param name="labels">The labels (non-empty).</param>
    /// <returns>The variable.</returns>
    public static DiscreteVariable FromLabels(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            throw Preconditions.Error(nameof(labels), "non-empty", "an empty sequence");
        }

        var distinct = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++)
        {
            distinct.Add(labels[i] ?? throw Preconditions.Error(nameof(labels), "free of nulls", $"null at index {i}"));
        }

        var index = new Dictionary<string, int>(distinct.Count, StringComparer.Ordinal);
        foreach (var s in distinct)
        {
            index[s] = index.Count;
        }

        var codes = new int[labels.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = index[labels[i]];
        }

        return new DiscreteVariable(codes, distinct.Count, [.. distinct]);
    }

    /// <summary>Wraps codes that are already dense (a copy is taken). Levels may be unused; they still count in the alphabet.</summary>
    /// <param name="codes">Codes in [0, levelCount) (non-empty).</param>
    /// <param name="levelCount">The alphabet size.</param>
    /// <returns>The variable.</returns>
    public static DiscreteVariable FromCodes(ReadOnlySpan<int> codes, int levelCount)
    {
        if (codes.IsEmpty)
        {
            throw Preconditions.Error(nameof(codes), "non-empty", "an empty sequence");
        }

        Preconditions.Positive(levelCount, nameof(levelCount));
        Histogram.CheckRange(codes, levelCount, nameof(codes));
        return new DiscreteVariable(codes.ToArray(), levelCount, new IndexLabels(levelCount));
    }

    /// <summary>
    /// One variable for a group of variables: mixed-radix codes, the first variable most significant, the alphabet the
    /// product of the level counts. It is the one rule every joint variable follows (the command's and the cluster's
    /// permutation tests shuffle these codes), so a replicate shuffles the same codes wherever it runs.
    /// </summary>
    /// <param name="variables">The variables (equal lengths, as from <see cref="CountTable.ToSamples"/>).</param>
    /// <param name="indices">The variables to join (at least one).</param>
    /// <returns>The joint variable (the variable itself for one index).</returns>
    public static DiscreteVariable Joint(IReadOnlyList<DiscreteVariable> variables, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count == 0)
        {
            throw Preconditions.Error(nameof(indices), "at least one variable", "none");
        }

        if (indices.Count == 1)
        {
            return variables[indices[0]];
        }

        long product = 1;
        foreach (int i in indices)
        {
            product *= variables[i].LevelCount;
            if (product > int.MaxValue)
            {
                throw Preconditions.Error(nameof(indices), "a joint variable with at most 2^31 - 1 values", "more");
            }
        }

        var codes = new int[variables[indices[0]].Length];
        foreach (int i in indices)
        {
            var c = variables[i].Codes;
            int radix = variables[i].LevelCount;
            for (int r = 0; r < codes.Length; r++)
            {
                codes[r] = codes[r] * radix + c[r];
            }
        }

        return new DiscreteVariable(codes, (int)product, new IndexLabels((int)product));
    }

    internal static DiscreteVariable Wrap(int[] codes, int levelCount, IReadOnlyList<string> levels) => new(codes, levelCount, levels);
}

/// <summary>The labels "0", "1", ... of codes without names, formatted on demand.</summary>
internal sealed class IndexLabels(int count) : IReadOnlyList<string>
{
    public int Count => count;

    public string this[int index] => (uint)index < (uint)count
        ? index.ToString(CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < count; i++)
        {
            yield return i.ToString(CultureInfo.InvariantCulture);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
