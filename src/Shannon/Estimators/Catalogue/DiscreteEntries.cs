using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Estimators.Catalogue;

/// <summary>
/// A discrete entropy estimator of <see cref="EntropyEstimators"/> as a catalogue entry: H, I = H(X) + H(Y) - H(X,Y)
/// and I(X;Y|Z) from the count table of categorical columns (<see cref="DiscreteInformation"/>).
/// </summary>
internal sealed class DiscreteEntry : IEntropyEntry, IMutualInformationEntry, IConditionalMutualInformationEntry
{
    private readonly IEntropyEstimator _estimator;

    public DiscreteEntry(string name, string summary)
    {
        _estimator = EntropyEstimators.Parse(name);
        Descriptor = new EstimatorDescriptor(name, [],
            EstimatedQuantities.Entropy | EstimatedQuantities.MutualInformation | EstimatedQuantities.ConditionalMutualInformation,
            EstimatorCapabilities.Discrete | EstimatorCapabilities.Conditional | EstimatorCapabilities.Multivariate, summary);
    }

    public EstimatorDescriptor Descriptor { get; }

    public InformationEstimate Entropy(IReadOnlyList<SampleColumn> x, EstimatorSettings settings, InformationUnit unit)
    {
        CatalogueInput.Group(x, nameof(x));
        CatalogueInput.RequireCategorical(x, Descriptor.Name);
        var table = CatalogueInput.Table(x);
        return DiscreteInformation.Entropy(table, CatalogueInput.Range(0, x.Count), _estimator, unit) with { Estimator = Descriptor.Name };
    }

    public InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        CatalogueInput.RequireCategorical([.. x, .. y], Descriptor.Name);
        var table = CatalogueInput.Table(x, y);
        return DiscreteInformation.MutualInformation(table, CatalogueInput.Range(0, x.Count), CatalogueInput.Range(x.Count, y.Count), _estimator, unit)
            with { Estimator = Descriptor.Name };
    }

    public InformationEstimate ConditionalMutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, IReadOnlyList<SampleColumn> z, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        CatalogueInput.Group(z, nameof(z), n);
        CatalogueInput.RequireCategorical([.. x, .. y, .. z], Descriptor.Name);
        var table = CatalogueInput.Table(x, y, z);
        return DiscreteInformation.ConditionalMutualInformation(table, CatalogueInput.Range(0, x.Count), CatalogueInput.Range(x.Count, y.Count),
            CatalogueInput.Range(x.Count + y.Count, z.Count), _estimator, unit) with { Estimator = Descriptor.Name };
    }
}

/// <summary>
/// <c>binned</c>: real columns cut into equal-width bins (Freedman-Diaconis, numpy's "fd", unless a bin count is
/// given), categorical columns as they are, then the plug-in estimator on the count table. The entropy is the discrete
/// H of the bins (not a differential entropy). MI of real columns alone goes through
/// <see cref="BinnedMutualInformationEstimator"/>, so its warnings are reported.
/// </summary>
internal sealed class BinnedEntry : IEntropyEntry, IMutualInformationEntry, IConditionalMutualInformationEntry
{
    public EstimatorDescriptor Descriptor { get; } = new("binned", [],
        EstimatedQuantities.Entropy | EstimatedQuantities.MutualInformation | EstimatedQuantities.ConditionalMutualInformation,
        EstimatorCapabilities.Discrete | EstimatorCapabilities.Continuous | EstimatorCapabilities.Mixed | EstimatorCapabilities.Conditional
        | EstimatorCapabilities.Multivariate | EstimatorCapabilities.TakesBins,
        "Equal-width bins (Freedman-Diaconis unless --bins) and the plug-in estimator; biased up by about (Bx - 1)(By - 1)/(2N) nats (Miller 1955).");

    public InformationEstimate Entropy(IReadOnlyList<SampleColumn> x, EstimatorSettings settings, InformationUnit unit)
    {
        CatalogueInput.Group(x, nameof(x));
        var (vars, bins) = Bin(x, settings);
        var table = CountTable.FromSamples(vars);
        return Finish(DiscreteInformation.Entropy(table, CatalogueInput.Range(0, x.Count), PluginEntropyEstimator.Instance, unit), bins);
    }

    public InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        var (vars, bins) = Bin([.. x, .. y], settings);
        if (CatalogueInput.AllContinuous([.. x, .. y]))
        {
            var options = settings.Bins is int b ? new BinningOptions { Rule = BinningRule.EqualWidth, BinCount = b } : BinningOptions.Default;
            var e = new BinnedMutualInformationEstimator(options).Estimate(CatalogueInput.Samples(x), CatalogueInput.Samples(y), unit);
            return CatalogueInput.From(e, "binned", bins);
        }

        var table = CountTable.FromSamples(vars);
        return Finish(DiscreteInformation.MutualInformation(table, CatalogueInput.Range(0, x.Count), CatalogueInput.Range(x.Count, y.Count), PluginEntropyEstimator.Instance, unit), bins);
    }

    public InformationEstimate ConditionalMutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, IReadOnlyList<SampleColumn> z, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        CatalogueInput.Group(z, nameof(z), n);
        var (vars, bins) = Bin([.. x, .. y, .. z], settings);
        var table = CountTable.FromSamples(vars);
        return Finish(DiscreteInformation.ConditionalMutualInformation(table, CatalogueInput.Range(0, x.Count), CatalogueInput.Range(x.Count, y.Count),
            CatalogueInput.Range(x.Count + y.Count, z.Count), PluginEntropyEstimator.Instance, unit), bins);
    }

    private static InformationEstimate Finish(InformationEstimate e, Dictionary<string, int> bins)
    {
        var diagnostics = new Dictionary<string, double>(e.Diagnostics);
        if (bins.Count > 0)
        {
            diagnostics["bins"] = bins.Values.Max();
        }

        return e with
        {
            Estimator = "binned",
            BinCounts = bins,
            Diagnostics = new System.Collections.ObjectModel.ReadOnlyDictionary<string, double>(diagnostics),
        };
    }

    /// <summary>Each column as a discrete variable: bins for real columns (<see cref="Discretization"/>), codes for categorical ones.</summary>
    private static (DiscreteVariable[] Variables, Dictionary<string, int> Bins) Bin(IReadOnlyList<SampleColumn> columns, EstimatorSettings settings)
    {
        settings.Validate();
        var bins = new Dictionary<string, int>(StringComparer.Ordinal);
        var variables = new DiscreteVariable[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var (binned, count) = Discretization.Bin(columns[j], settings.Bins);
            if (count > 0)
            {
                bins[columns[j].Name] = count;
            }

            variables[j] = CatalogueInput.Variable(binned);
        }

        return (variables, bins);
    }
}
