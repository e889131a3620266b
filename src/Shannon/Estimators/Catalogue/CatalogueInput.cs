using System.Collections.ObjectModel;
using System.Globalization;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Estimators.Catalogue;

/// <summary>Checks and conversions shared by the catalogue's entries.</summary>
internal static class CatalogueInput
{
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Checks a group: non-null, at least one column, every column with <paramref name="rows"/> rows (or the first's).</summary>
    public static int Group(IReadOnlyList<SampleColumn> group, string name, int rows = -1, string? firstName = null)
    {
        ArgumentNullException.ThrowIfNull(group, name);
        if (group.Count == 0)
        {
            throw Preconditions.Error(name, "at least one column", "none");
        }

        foreach (var c in group)
        {
            ArgumentNullException.ThrowIfNull(c, name);
            if (rows >= 0 && c.Count != rows)
            {
                throw Preconditions.Error(name, $"as many rows as `{firstName ?? "x"}` ({Text(rows)})", $"{Text(c.Count)} rows in column '{c.Name}'");
            }

            rows = c.Count;
        }

        return rows;
    }

    public static void RequireCategorical(IReadOnlyList<SampleColumn> group, string estimator)
    {
        foreach (var c in group)
        {
            if (!c.IsCategorical)
            {
                throw Preconditions.Error(c.Name, $"categorical for the discrete estimator `{estimator}`",
                    $"column '{c.Name}' is real-valued ({ColumnKinds.Name(c.Kind)}: {c.Decision.Reason})",
                    $"Use --estimator binned or a continuous estimator, or declare the column with --discrete {c.Name}.");
            }
        }
    }

    public static void RequireContinuous(IReadOnlyList<SampleColumn> group, string estimator)
    {
        foreach (var c in group)
        {
            if (c.IsCategorical || !c.IsNumeric)
            {
                throw Preconditions.Error(c.Name, $"real-valued for the continuous estimator `{estimator}`",
                    $"column '{c.Name}' is categorical ({c.Decision.Reason})",
                    c.IsNumeric
                        ? $"Use a discrete estimator (plugin), mixed-ross for a label against real columns, or declare it with --continuous {c.Name}."
                        : "Text labels are categorical; use a discrete estimator (plugin) or mixed-ross against real columns.");
            }
        }
    }

    public static bool AllCategorical(IReadOnlyList<SampleColumn> group) => group.All(c => c.IsCategorical);

    public static bool AllContinuous(IReadOnlyList<SampleColumn> group) => group.All(c => !c.IsCategorical && c.IsNumeric);

    public static Samples Samples(IReadOnlyList<SampleColumn> group) => Continuous.Samples.FromColumns([.. group.Select(c => c.NumbersArray)]);

    /// <summary>The joint codes of a categorical group (mixed radix over the columns' levels, then made dense).</summary>
    public static int[] JointCodes(IReadOnlyList<SampleColumn> group)
    {
        if (group.Count == 1)
        {
            return group[0].CodesArray;
        }

        int n = group[0].Count;
        var map = new Dictionary<long, int>();
        var codes = new int[n];
        for (int i = 0; i < n; i++)
        {
            long key = 0;
            foreach (var c in group)
            {
                key = checked((key * c.LevelCount) + c.CodesArray[i]);
            }

            if (!map.TryGetValue(key, out int code))
            {
                code = map.Count;
                map[key] = code;
            }

            codes[i] = code;
        }

        return codes;
    }

    /// <summary>The plug-in entropy in nats of dense codes 0..levelCount-1.</summary>
    public static double PluginNats(int[] codes, int levelCount)
    {
        var counts = new long[Math.Max(1, levelCount)];
        foreach (int c in codes)
        {
            counts[c]++;
        }

        return PluginEntropyEstimator.Instance.Estimate(counts, InformationUnit.Nats).Value;
    }

    /// <summary>The plug-in entropy in nats of a categorical group taken jointly.</summary>
    public static double PluginNats(IReadOnlyList<SampleColumn> group)
    {
        if (group.Count == 1)
        {
            return group[0].PluginEntropyNats;
        }

        var codes = JointCodes(group);
        return PluginNats(codes, codes.Length == 0 ? 1 : codes.Max() + 1);
    }

    /// <summary>The number of occupied joint values of a categorical group.</summary>
    public static int OccupiedLevels(IReadOnlyList<SampleColumn> group) =>
        group.Count == 1 ? group[0].OccupiedLevelCount : JointCodes(group).Distinct().Count();

    public static DiscreteVariable Variable(SampleColumn c) => DiscreteVariable.FromCodes(c.CodesArray, Math.Max(1, c.LevelCount));

    /// <summary>The count table of several groups' columns, in order.</summary>
    public static CountTable Table(params IReadOnlyList<SampleColumn>[] groups) =>
        CountTable.FromSamples([.. groups.SelectMany(g => g).Select(Variable)]);

    public static int[] Range(int start, int count) => [.. Enumerable.Range(start, count)];

    /// <summary>A continuous estimator's result in the catalogue's result type.</summary>
    public static InformationEstimate From(ContinuousEstimate e, string? name = null, IReadOnlyDictionary<string, int>? bins = null, bool differential = false)
    {
        var diagnostics = new Dictionary<string, double> { ["ties"] = e.TiedValueCount, ["tied_points"] = e.TiedPointCount };
        if (e.K is int k)
        {
            diagnostics["k"] = k;
        }

        if (e.BinCount is int b)
        {
            diagnostics["bins"] = b;
        }

        return new InformationEstimate(e.Value, e.Unit, e.SampleCount, name ?? e.Estimator)
        {
            Diagnostics = new ReadOnlyDictionary<string, double>(diagnostics),
            Warnings = e.Warnings,
            K = e.K,
            TiedValueCount = e.TiedValueCount,
            TieRule = e.TieRule,
            TiedPointCount = e.TiedPointCount,
            BinCounts = bins ?? new ReadOnlyDictionary<string, int>(new Dictionary<string, int>()),
            Differential = differential,
        };
    }

    public static KsgOptions Ksg(EstimatorSettings s, KsgAlgorithm algorithm = KsgAlgorithm.Algorithm1) => new()
    {
        K = s.KOrDefault,
        Algorithm = algorithm,
        Jitter = s.Jitter,
        Dequantize = s.Dequantize,
        Seed = s.Seed,
        MaxDegreeOfParallelism = s.MaxDegreeOfParallelism,
    };

    public static KozachenkoLeonenkoOptions Kl(EstimatorSettings s) => new()
    {
        K = s.KOrDefault,
        Norm = s.Norm,
        Jitter = s.Jitter,
        Dequantize = s.Dequantize,
        Seed = s.Seed,
        MaxDegreeOfParallelism = s.MaxDegreeOfParallelism,
    };
}
