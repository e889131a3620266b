using System.Globalization;
using Shannon.Data;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;

namespace Shannon.Cli.Commands;

/// <summary>Estimator settings shared by `entropy`, `mi`, `rank` and `matrix`, validated once.</summary>
internal sealed record EstimatorSettings(string? Estimator, int? K, int? Bins, double? Jitter, string Norm, int Seed);

/// <summary>A continuous MI estimator over columns as arrays (x, y, z groups of columns; z may be empty).</summary>
internal delegate InformationEstimate ContinuousMutualInformation(double[][] x, double[][] y, double[][] z, EstimatorSettings settings, InformationUnit unit);

/// <summary>What one MI (or entropy) computation returned, with what it needs for tests of significance and intervals.</summary>
internal sealed record MiOutcome(InformationEstimate Estimate, CountTable? Table, IEntropyEstimator? EntropyEstimator, int[] BinCounts);

/// <summary>
/// Resolves an estimator by name and dispatches a data file's columns to it: the one place where the CLI learns
/// which estimators exist. Discrete names (<see cref="EntropyEstimators.Names"/>) run on count tables computed inside
/// DuckDB; `binned` cuts real columns into equal-width bins inside DuckDB (Freedman-Diaconis unless --bins) and uses
/// the plug-in estimator; the other continuous names run the functions registered in <see cref="Continuous"/>.
/// The default is `plugin` when every column is discrete and `ksg1` when one is real; while `ksg1` is not registered
/// the default falls back to `binned` and says so in a warning.
/// </summary>
internal static class EstimatorRegistry
{
    /// <summary>The continuous estimator names of DESIGN.md.</summary>
    public static readonly string[] ContinuousNames = ["ksg1", "ksg2", "kozachenko-leonenko", "binned", "gaussian", "gaussian-copula"];

    /// <summary>Registered continuous MI estimators by name (the lead adds KSG and friends here).</summary>
    public static readonly Dictionary<string, ContinuousMutualInformation> Continuous = new(StringComparer.Ordinal);

    public static IEnumerable<string> AllNames => EntropyEstimators.Names.Concat(ContinuousNames);

    /// <summary>Parses and validates the shared options.</summary>
    public static EstimatorSettings Settings(string? estimator, int? k, int? bins, double? jitter, string? norm, int seed)
    {
        if (estimator is not null)
        {
            string e = estimator.Trim().ToLowerInvariant();
            if (!AllNames.Contains(e))
            {
                throw new UsageException($"`--estimator` must be one of {string.Join(", ", AllNames)}; got '{estimator}'.");
            }

            estimator = e;
        }

        if (k is int kv && kv < 1)
        {
            throw new UsageException($"`--k` must be >= 1; got {kv}.");
        }

        if (bins is int b && b < 1)
        {
            throw new UsageException($"`--bins` must be >= 1; got {b}.");
        }

        if (jitter is double j && !(j >= 0 && double.IsFinite(j)))
        {
            throw new UsageException($"`--jitter` must be a finite number >= 0; got {CommonOptions.Format(j)}.");
        }

        string n = (norm ?? "max").Trim().ToLowerInvariant();
        if (n is not ("max" or "euclidean"))
        {
            throw new UsageException($"`--norm` must be max or euclidean; got '{norm}'.");
        }

        return new EstimatorSettings(estimator, k, bins, jitter, n, seed);
    }

    /// <summary>The estimator to use for these columns, and warnings about the choice.</summary>
    public static string Resolve(EstimatorSettings settings, IReadOnlyList<ColumnInfo> columns, List<string> warnings)
    {
        var real = columns.FirstOrDefault(c => c.Kind == ColumnKind.Real);
        string name = settings.Estimator ?? (real is null ? "plugin" : "ksg1");
        if (EntropyEstimators.Names.Contains(name))
        {
            if (real is not null)
            {
                throw new UsageException(
                    $"`--estimator {name}` is a discrete estimator but column '{real.Name}' is real-valued ({real.SqlType}); use --estimator binned or a continuous estimator.");
            }

            if (settings.K is not null || settings.Jitter is not null)
            {
                warnings.Add($"--k and --jitter apply to k-NN estimators; ignored by {name}.");
            }

            return name;
        }

        if (name == "binned" || Continuous.ContainsKey(name))
        {
            return name;
        }

        if (settings.Estimator is null)
        {
            warnings.Add("ksg1 (the default for real-valued columns) is not available in this build; used binned (equal-width bins) instead.");
            return "binned";
        }

        throw new UsageException($"`--estimator {name}` is not available in this build yet; use binned for real-valued columns.");
    }

    /// <summary>I(X;Y) or I(X;Y|Z) of column groups of a file.</summary>
    public static MiOutcome MutualInformation(DataFile file, ColumnInfo[] x, ColumnInfo[] y, ColumnInfo[] z, string name, EstimatorSettings settings, InformationUnit unit)
    {
        ColumnInfo[] all = [.. x, .. y, .. z];
        int[] xi = [.. Enumerable.Range(0, x.Length)];
        int[] yi = [.. Enumerable.Range(x.Length, y.Length)];
        int[] zi = [.. Enumerable.Range(x.Length + y.Length, z.Length)];
        if (Continuous.TryGetValue(name, out var continuous))
        {
            double[][] Read(ColumnInfo[] cols) => [.. cols.Select(c => c.Kind == ColumnKind.Real ? file.ReadReal(c) : Codes(file, c))];
            return new MiOutcome(continuous(Read(x), Read(y), Read(z), settings, unit), null, null, new int[all.Length]);
        }

        CountTable table;
        int[] bins;
        IEntropyEstimator estimator;
        if (name == "binned")
        {
            (table, _, bins) = file.BinnedCountTable(all, settings.Bins);
            estimator = PluginEntropyEstimator.Instance;
        }
        else
        {
            (table, _) = file.CountTable(all);
            bins = new int[all.Length];
            estimator = EntropyEstimators.Parse(name);
        }

        var estimate = z.Length == 0
            ? DiscreteInformation.MutualInformation(table, xi, yi, estimator, unit)
            : DiscreteInformation.ConditionalMutualInformation(table, xi, yi, zi, estimator, unit);
        return new MiOutcome(estimate with { Estimator = name }, table, estimator, bins);
    }

    /// <summary>H of a group of columns of a file.</summary>
    public static MiOutcome Entropy(DataFile file, ColumnInfo[] columns, string name, EstimatorSettings settings, InformationUnit unit)
    {
        if (Continuous.ContainsKey(name))
        {
            throw new UsageException($"`shannon entropy FILE --column C` supports discrete estimators and binned; got '{name}'.");
        }

        CountTable table;
        int[] bins;
        IEntropyEstimator estimator;
        if (name == "binned")
        {
            (table, _, bins) = file.BinnedCountTable(columns, settings.Bins);
            estimator = PluginEntropyEstimator.Instance;
        }
        else
        {
            (table, _) = file.CountTable(columns);
            bins = new int[columns.Length];
            estimator = EntropyEstimators.Parse(name);
        }

        var estimate = DiscreteInformation.Entropy(table, [.. Enumerable.Range(0, columns.Length)], estimator, unit);
        return new MiOutcome(estimate with { Estimator = name }, table, estimator, bins);
    }

    /// <summary>Writes an estimate's diagnostics and bin counts as top-level JSON keys.</summary>
    public static void WriteDiagnostics(JsonOutput o, MiOutcome outcome, ColumnInfo[] columns)
    {
        foreach (var (key, value) in outcome.Estimate.Diagnostics)
        {
            o.Number(key, value);
        }

        for (int i = 0; i < columns.Length; i++)
        {
            if (outcome.BinCounts[i] > 0)
            {
                o.Number("bins_" + columns[i].Name, (long)outcome.BinCounts[i]);
            }
        }
    }

    /// <summary>Text lines for the diagnostics.</summary>
    public static string DiagnosticsText(MiOutcome outcome, ColumnInfo[] columns)
    {
        var parts = outcome.Estimate.Diagnostics
            .Where(d => d.Key is "lambda" or "posterior_std" or "coverage" or "a")
            .Select(d => $"{d.Key} {CommonOptions.Format(d.Value)}").ToList();
        for (int i = 0; i < columns.Length; i++)
        {
            if (outcome.BinCounts[i] > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{outcome.BinCounts[i]} bins for {columns[i].Name}"));
            }
        }

        return parts.Count == 0 ? "" : ", " + string.Join(", ", parts);
    }

    private static double[] Codes(DataFile file, ColumnInfo c)
    {
        _ = file;
        throw new UsageException($"column '{c.Name}' is discrete ({c.SqlType}); this estimator needs real-valued columns.");
    }
}
