using System.Collections.ObjectModel;

namespace Shannon.Estimators;

/// <summary>
/// An estimate of an information quantity from samples: the value with its unit, the number of samples it rests on,
/// the estimator that produced it, and the estimator's diagnostics (e.g. James-Stein's shrinkage intensity
/// <c>lambda</c>, NSB's <c>posterior_std</c>) and warnings.
/// </summary>
/// <param name="Value">The estimate in <paramref name="Unit"/>. Bias-corrected estimates may be negative (e.g. MI near 0); nothing is clipped.</param>
/// <param name="Unit">The unit of <paramref name="Value"/> and of every diagnostic that is an amount of information.</param>
/// <param name="SampleCount">The number of samples (the total count N).</param>
/// <param name="Estimator">The estimator's name as the CLI spells it (e.g. "miller-madow").</param>
public sealed record InformationEstimate(double Value, InformationUnit Unit, long SampleCount, string Estimator)
{
    private static readonly IReadOnlyDictionary<string, double> NoDiagnostics =
        new ReadOnlyDictionary<string, double>(new Dictionary<string, double>());

    private static readonly IReadOnlyDictionary<string, int> NoBins =
        new ReadOnlyDictionary<string, int>(new Dictionary<string, int>());

    /// <summary>Named numbers that explain the estimate (snake_case keys, e.g. "lambda", "posterior_std", "alphabet_size").</summary>
    public IReadOnlyDictionary<string, double> Diagnostics { get; init; } = NoDiagnostics;

    /// <summary>Warnings about the estimate's reliability, one sentence each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>For an estimator that picks among methods (<c>auto</c>), the method it used (e.g. "gaussian-copula");
    /// null for the others.</summary>
    public string? Choice { get; init; }

    /// <summary>Why <see cref="Choice"/> was made, in one sentence with the diagnostics' numbers; null without a choice.</summary>
    public string? ChoiceReason { get; init; }

    /// <summary>The number of neighbours k of a k-NN estimator; null for the others.</summary>
    public int? K { get; init; }

    /// <summary>For binned estimators, the bin count of each binned column by name; empty otherwise.</summary>
    public IReadOnlyDictionary<string, int> BinCounts { get; init; } = NoBins;

    /// <summary>The number of values that repeat an earlier value of the same column, summed over the real-valued
    /// input columns (0 when there are none); ties make k-NN distances zero.</summary>
    public int TiedValueCount { get; init; }

    /// <summary>The rule a k-NN estimator applied at zero neighbour distances (for example <c>gao-2017</c>, Gao, Kannan,
    /// Oh and Viswanath 2017), or null when the estimator has none or the data had no ties.</summary>
    public string? TieRule { get; init; }

    /// <summary>The number of sample points whose k-th neighbour distance was zero, to which <see cref="TieRule"/>
    /// applied (0 for estimators without neighbours).</summary>
    public int TiedPointCount { get; init; }

    /// <summary>Each input column's kind and why (filled by the estimator catalogue; empty when an estimator is called directly).</summary>
    public IReadOnlyList<Catalogue.ColumnKindDecision> Kinds { get; init; } = [];

    /// <summary>True when the value is a differential entropy h (of a density; may be negative, changes with the
    /// scale of the data), false for the entropy H of a discrete variable and for every MI, CMI and divergence.</summary>
    public bool Differential { get; init; }

    /// <summary>The value as an <see cref="Information"/> amount.</summary>
    public Information Information => new(Value, Unit);

    /// <summary>A diagnostic by name, or null when the estimator does not report it.</summary>
    /// <param name="name">The diagnostic's key.</param>
    /// <returns>The number, or null.</returns>
    public double? Diagnostic(string name) => Diagnostics.TryGetValue(name, out double v) ? v : null;

    internal static IReadOnlyDictionary<string, double> MakeDiagnostics(params (string Key, double Value)[] items)
    {
        var d = new Dictionary<string, double>(items.Length);
        foreach (var (k, v) in items)
        {
            d[k] = v;
        }

        return new ReadOnlyDictionary<string, double>(d);
    }
}
