using System.Collections.ObjectModel;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon.Cli.Commands;

/// <summary>
/// The continuous estimators the CLI offers by name: `ksg1`, `ksg2` (Kraskov et al. 2004; with --z, Frenzel-Pompe
/// conditional MI, algorithm 1 only), `kozachenko-leonenko` (MI as H(X) + H(Y) - H(X,Y) of three k-NN entropies),
/// `gaussian` and `gaussian-copula` (Ince et al. 2017). `binned` is not here: it bins inside DuckDB.
/// </summary>
internal static class ContinuousRegistrations
{
    public static Dictionary<string, ContinuousMutualInformation> Create() => new(StringComparer.Ordinal)
    {
        ["ksg1"] = (x, y, z, s, unit) => Ksg(x, y, z, s, unit, KsgAlgorithm.Algorithm1),
        ["ksg2"] = (x, y, z, s, unit) => Ksg(x, y, z, s, unit, KsgAlgorithm.Algorithm2),
        ["kozachenko-leonenko"] = KozachenkoLeonenkoMutualInformation,
        ["gaussian"] = (x, y, z, s, unit) =>
        {
            NoConditioning("gaussian", z);
            return Convert(new GaussianMutualInformationEstimator().Estimate(Samples.FromColumns(x), Samples.FromColumns(y), unit));
        },
        ["gaussian-copula"] = (x, y, z, s, unit) =>
        {
            NoConditioning("gaussian-copula", z);
            return Convert(new GaussianCopulaMutualInformationEstimator(GaussianCopulaOptions.Default).Estimate(Samples.FromColumns(x), Samples.FromColumns(y), unit));
        },
    };

    /// <summary>Differential entropy of real columns with Kozachenko-Leonenko.</summary>
    public static InformationEstimate KozachenkoLeonenkoEntropy(double[][] columns, EstimatorSettings settings, InformationUnit unit) =>
        Convert(new KozachenkoLeonenkoEntropyEstimator(KlOptions(settings)).Estimate(Samples.FromColumns(columns), unit));

    /// <summary>MI between real columns and one label column (Ross 2014).</summary>
    public static InformationEstimate Mixed(double[][] real, int[] labels, EstimatorSettings settings, InformationUnit unit)
    {
        var options = new KsgOptions { K = settings.K ?? KsgOptions.Default.K, Jitter = settings.Jitter ?? 0, Seed = settings.Seed };
        return Convert(new MixedMutualInformationEstimator(options).Estimate(Samples.FromColumns(real), labels, unit));
    }

    private static InformationEstimate Ksg(double[][] x, double[][] y, double[][] z, EstimatorSettings settings, InformationUnit unit, KsgAlgorithm algorithm)
    {
        if (settings.Norm != "max")
        {
            throw new UsageException("`--norm euclidean` does not apply to KSG, which uses the max-norm (Kraskov et al. 2004); it applies to kozachenko-leonenko.");
        }

        var options = new KsgOptions { K = settings.K ?? KsgOptions.Default.K, Algorithm = algorithm, Jitter = settings.Jitter ?? 0, Seed = settings.Seed };
        if (z.Length == 0)
        {
            return Convert(new KsgMutualInformationEstimator(options).Estimate(Samples.FromColumns(x), Samples.FromColumns(y), unit));
        }

        if (algorithm != KsgAlgorithm.Algorithm1)
        {
            throw new UsageException("`--estimator ksg2` has no conditional form here; use ksg1 (Frenzel-Pompe) with --z.");
        }

        return Convert(new KsgConditionalMutualInformationEstimator(options).Estimate(Samples.FromColumns(x), Samples.FromColumns(y), Samples.FromColumns(z), unit));
    }

    private static InformationEstimate KozachenkoLeonenkoMutualInformation(double[][] x, double[][] y, double[][] z, EstimatorSettings settings, InformationUnit unit)
    {
        NoConditioning("kozachenko-leonenko", z);
        var estimator = new KozachenkoLeonenkoEntropyEstimator(KlOptions(settings));
        var hx = estimator.Estimate(Samples.FromColumns(x), unit);
        var hy = estimator.Estimate(Samples.FromColumns(y), unit);
        var hxy = estimator.Estimate(Samples.FromColumns([.. x, .. y]), unit);
        var combined = hx with
        {
            Value = hx.Value + hy.Value - hxy.Value,
            Estimator = "kozachenko-leonenko",
            Warnings = [.. hx.Warnings, .. hy.Warnings, .. hxy.Warnings, "MI from three Kozachenko-Leonenko entropies H(X) + H(Y) - H(X,Y): their biases do not cancel as KSG's do; prefer ksg1."],
        };
        return Convert(combined);
    }

    private static KozachenkoLeonenkoOptions KlOptions(EstimatorSettings settings) => new()
    {
        K = settings.K ?? KozachenkoLeonenkoOptions.Default.K,
        Norm = settings.Norm == "euclidean" ? DistanceNorm.Euclidean : DistanceNorm.Maximum,
        Jitter = settings.Jitter ?? 0,
        Seed = settings.Seed,
    };

    private static void NoConditioning(string name, double[][] z)
    {
        if (z.Length > 0)
        {
            throw new UsageException($"`--estimator {name}` has no conditional form; use ksg1 with --z for I(X;Y|Z).");
        }
    }

    private static InformationEstimate Convert(ContinuousEstimate e)
    {
        var diagnostics = new Dictionary<string, double> { ["ties"] = e.TiedValueCount };
        if (e.K is int k)
        {
            diagnostics["k"] = k;
        }

        if (e.BinCount is int b)
        {
            diagnostics["bins"] = b;
        }

        return new InformationEstimate(e.Value, e.Unit, e.SampleCount, e.Estimator)
        {
            Diagnostics = new ReadOnlyDictionary<string, double>(diagnostics),
            Warnings = e.Warnings,
        };
    }
}
