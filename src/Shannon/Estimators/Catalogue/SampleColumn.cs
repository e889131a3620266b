using System.Globalization;

namespace Shannon.Estimators.Catalogue;

/// <summary>
/// One column of a sample as the estimator catalogue sees it: its name, its values (numbers, or labels coded
/// 0..L-1), and its <see cref="VariableKind"/>, decided once by <see cref="ColumnKinds"/> or set by an override. Holds a
/// validated copy: the caller's arrays are never written to or kept.
/// </summary>
public sealed class SampleColumn
{
    private readonly double[]? _numbers;
    private int[]? _codes;
    private int _levelCount;
    private double _pluginNats = double.NaN;

    private SampleColumn(string name, double[]? numbers, int[]? codes, int levelCount, VariableKind kind, string reason)
    {
        Name = name;
        _numbers = numbers;
        _codes = codes;
        _levelCount = levelCount;
        Kind = kind;
        Decision = new ColumnKindDecision(name, kind, reason);
    }

    /// <summary>The column's name (used in messages and results).</summary>
    public string Name { get; }

    /// <summary>The kind of variable.</summary>
    public VariableKind Kind { get; }

    /// <summary>The kind with the reason it was given.</summary>
    public ColumnKindDecision Decision { get; }

    /// <summary>True for <see cref="VariableKind.Categorical"/>.</summary>
    public bool IsCategorical => Kind == VariableKind.Categorical;

    /// <summary>True when the values are numbers (every column but text labels).</summary>
    public bool IsNumeric => _numbers is not null;

    /// <summary>N, the number of rows.</summary>
    public int Count => _numbers?.Length ?? _codes!.Length;

    /// <summary>The numeric values; throws for a text column.</summary>
    public ReadOnlySpan<double> Numbers => _numbers ?? throw Preconditions.Error(Name, "numeric", "a column of text labels",
        "Text is categorical; use a discrete estimator, or --discrete.");

    /// <summary>The values as label codes 0..L-1 (text in order of first appearance; numbers in increasing order).</summary>
    public ReadOnlySpan<int> Codes => EnsureCodes();

    /// <summary>L, the number of distinct values.</summary>
    public int LevelCount
    {
        get
        {
            EnsureCodes();
            return _levelCount;
        }
    }

    internal double[] NumbersArray => _numbers ?? throw Preconditions.Error(Name, "numeric", "a column of text labels", "Text is categorical; use a discrete estimator.");

    internal int[] CodesArray => EnsureCodes();

    /// <summary>The plug-in entropy of the column's values in nats (computed once).</summary>
    internal double PluginEntropyNats
    {
        get
        {
            if (double.IsNaN(_pluginNats))
            {
                _pluginNats = CatalogueInput.PluginNats(EnsureCodes(), _levelCount);
            }

            return _pluginNats;
        }
    }

    /// <summary>The number of values that occur (at most <see cref="LevelCount"/>; a resample can miss some).</summary>
    internal int OccupiedLevelCount
    {
        get
        {
            var seen = new bool[Math.Max(1, LevelCount)];
            int occupied = 0;
            foreach (int c in EnsureCodes())
            {
                if (!seen[c])
                {
                    seen[c] = true;
                    occupied++;
                }
            }

            return occupied;
        }
    }

    /// <summary>A numeric column whose kind follows <see cref="ColumnKinds"/>, unless <paramref name="kind"/> overrides it.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="values">The values (non-empty, finite).</param>
    /// <param name="kind">An override (e.g. from <c>--discrete</c>), or null for the rule.</param>
    /// <returns>The column.</returns>
    public static SampleColumn FromNumbers(string name, ReadOnlySpan<double> values, VariableKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (values.IsEmpty)
        {
            throw Preconditions.Error(name, "non-empty", "no rows");
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw Preconditions.Error(name, "finite in every row", $"{Preconditions.Format(values[i])} at row {(i + 1).ToString(CultureInfo.InvariantCulture)}",
                    "Remove or fill the missing and non-finite values first.");
            }
        }

        var (decided, reason) = ColumnKinds.Classify(values);
        if (kind is VariableKind k && k != decided)
        {
            if (k == VariableKind.Categorical)
            {
                return new SampleColumn(name, values.ToArray(), null, 0, k, $"declared categorical (--discrete); the data alone say {ColumnKinds.Name(decided)}: {reason}");
            }

            // Continuous and continuous-with-ties are one override: ties are a fact of the data.
            var continuous = decided == VariableKind.Categorical
                ? (ColumnKinds.DistinctCount(values) == values.Length ? VariableKind.Continuous : VariableKind.ContinuousWithTies)
                : decided;
            return new SampleColumn(name, values.ToArray(), null, 0, continuous, $"declared continuous (--continuous); the data alone say {ColumnKinds.Name(decided)}: {reason}");
        }

        return new SampleColumn(name, values.ToArray(), null, 0, decided, reason);
    }

    /// <summary>A column of text labels: always categorical.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="labels">The labels (non-empty, no nulls).</param>
    /// <param name="reason">Why it is categorical (default "text values").</param>
    /// <returns>The column.</returns>
    public static SampleColumn FromLabels(string name, IReadOnlyList<string> labels, string reason = "text values")
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            throw Preconditions.Error(name, "non-empty", "no rows");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[labels.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            string label = labels[i] ?? throw Preconditions.Error(name, "free of missing values", $"a missing value at row {(i + 1).ToString(CultureInfo.InvariantCulture)}");
            if (!index.TryGetValue(label, out int code))
            {
                code = index.Count;
                index[label] = code;
            }

            codes[i] = code;
        }

        return new SampleColumn(name, null, codes, index.Count, VariableKind.Categorical, reason);
    }

    /// <summary>A categorical column from label codes (any integers; recoded 0..L-1 in increasing order).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="codes">The codes (non-empty).</param>
    /// <returns>The column.</returns>
    public static SampleColumn FromCodes(string name, ReadOnlySpan<int> codes)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (codes.IsEmpty)
        {
            throw Preconditions.Error(name, "non-empty", "no rows");
        }

        var values = new double[codes.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = codes[i];
        }

        return new SampleColumn(name, values, null, 0, VariableKind.Categorical, "label codes");
    }

    /// <summary>A categorical column of bin indices 0..binCount-1 (the alphabet is every bin, occupied or not).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="bins">Each row's bin.</param>
    /// <param name="binCount">The number of bins.</param>
    /// <param name="reason">How the bins were made.</param>
    /// <returns>The column.</returns>
    internal static SampleColumn FromBins(string name, int[] bins, int binCount, string reason) =>
        new(name, null, bins, binCount, VariableKind.Categorical, reason);

    /// <summary>The rows <paramref name="rows"/> of this column (a bootstrap resample or a permutation), with the same kind and reason.</summary>
    /// <param name="rows">Row indices into this column, any length, repeats allowed.</param>
    /// <returns>The new column.</returns>
    public SampleColumn Select(ReadOnlySpan<int> rows)
    {
        if (_numbers is not null && !IsCategorical && _codes is null)
        {
            // A real column's codes are rarely needed: leave them to be made on demand.
            var values = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                values[i] = _numbers[rows[i]];
            }

            return new SampleColumn(Name, values, null, 0, Kind, Decision.Reason);
        }

        int[] codes = EnsureCodes();
        var newCodes = new int[rows.Length];
        double[]? numbers = _numbers is null ? null : new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i];
            newCodes[i] = codes[r];
            if (numbers is not null)
            {
                numbers[i] = _numbers![r];
            }
        }

        // Codes keep the original alphabet: a resample that misses a level does not renumber the others.
        return new SampleColumn(Name, numbers, newCodes, _levelCount, Kind, Decision.Reason);
    }

    private int[] EnsureCodes()
    {
        if (_codes is not null)
        {
            return _codes;
        }

        var numbers = _numbers!;
        var distinct = (double[])numbers.Clone();
        Array.Sort(distinct);
        int m = 0;
        for (int i = 0; i < distinct.Length; i++)
        {
            if (m == 0 || distinct[i] != distinct[m - 1])
            {
                distinct[m++] = distinct[i];
            }
        }

        var codes = new int[numbers.Length];
        for (int i = 0; i < numbers.Length; i++)
        {
            codes[i] = Array.BinarySearch(distinct, 0, m, numbers[i]);
        }

        _levelCount = m;
        Volatile.Write(ref _codes, codes);
        return codes;
    }
}
