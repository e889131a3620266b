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

    /// <summary>Named numbers that explain the estimate (snake_case keys, e.g. "lambda", "posterior_std", "alphabet_size").</summary>
    public IReadOnlyDictionary<string, double> Diagnostics { get; init; } = NoDiagnostics;

    /// <summary>Warnings about the estimate's reliability, one sentence each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

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
