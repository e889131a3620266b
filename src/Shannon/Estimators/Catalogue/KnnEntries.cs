using Shannon.Estimators.Continuous;

namespace Shannon.Estimators.Catalogue;

/// <summary>
/// <c>ksg1</c> and <c>ksg2</c>: Kraskov, Stoegbauer &amp; Grassberger (2004) algorithms 1 and 2 for real columns
/// (<see cref="KsgMutualInformationEstimator"/>), and the Frenzel-Pompe conditional form for I(X;Y|Z)
/// (<see cref="KsgConditionalMutualInformationEstimator"/>). A categorical side against real columns goes to Ross's
/// mixed estimator (<see cref="MixedEntry"/>), reported as <c>mixed-ross</c>.
/// </summary>
internal sealed class KsgEntry : IMutualInformationEntry, IConditionalMutualInformationEntry
{
    private readonly KsgAlgorithm _algorithm;
    private readonly MixedEntry _mixed;

    public KsgEntry(KsgAlgorithm algorithm, MixedEntry mixed, IReadOnlyList<string> aliases)
    {
        _algorithm = algorithm;
        _mixed = mixed;
        string name = algorithm == KsgAlgorithm.Algorithm1 ? "ksg1" : "ksg2";
        Descriptor = new EstimatorDescriptor(name, aliases, EstimatedQuantities.MutualInformation | EstimatedQuantities.ConditionalMutualInformation,
            EstimatorCapabilities.Continuous | EstimatorCapabilities.Conditional | EstimatorCapabilities.Multivariate | EstimatorCapabilities.TakesK | EstimatorCapabilities.Randomised,
            $"Kraskov, Stoegbauer & Grassberger (2004) algorithm {(algorithm == KsgAlgorithm.Algorithm1 ? 1 : 2)}, max-norm, z-scored columns; Frenzel & Pompe (2007) with Z.");
    }

    public EstimatorDescriptor Descriptor { get; }

    public InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        settings.Validate();
        if ((CatalogueInput.AllCategorical(x) && CatalogueInput.AllContinuous(y)) || (CatalogueInput.AllContinuous(x) && CatalogueInput.AllCategorical(y)))
        {
            var mixed = _mixed.MutualInformation(x, y, settings, unit);
            return mixed with { Warnings = [.. mixed.Warnings, $"{Descriptor.Name} with a categorical side is Ross (2014)'s mixed estimator (mixed-ross), the KSG idea for a discrete variable."] };
        }

        CatalogueInput.RequireContinuous(x, Descriptor.Name);
        CatalogueInput.RequireContinuous(y, Descriptor.Name);
        RequireMaxNorm(settings);
        var e = new KsgMutualInformationEstimator(CatalogueInput.Ksg(settings, _algorithm)).Estimate(CatalogueInput.Samples(x), CatalogueInput.Samples(y), unit);
        return CatalogueInput.From(e, Descriptor.Name);
    }

    public InformationEstimate ConditionalMutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, IReadOnlyList<SampleColumn> z, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        CatalogueInput.Group(z, nameof(z), n);
        settings.Validate();
        CatalogueInput.RequireContinuous([.. x, .. y, .. z], Descriptor.Name);
        RequireMaxNorm(settings);
        var e = new KsgConditionalMutualInformationEstimator(CatalogueInput.Ksg(settings, _algorithm))
            .Estimate(CatalogueInput.Samples(x), CatalogueInput.Samples(y), CatalogueInput.Samples(z), unit);
        return CatalogueInput.From(e, Descriptor.Name);
    }

    private static void RequireMaxNorm(EstimatorSettings settings)
    {
        if (settings.Norm != Spatial.DistanceNorm.Maximum)
        {
            throw Preconditions.Error("norm", "max for KSG, which is defined with the max-norm (Kraskov et al. 2004)", settings.Norm.ToString(),
                "The Euclidean norm applies to kozachenko-leonenko and knn-kl.");
        }
    }
}

/// <summary>
/// <c>mixed-ross</c> (alias <c>mixed</c>): Ross (2014)'s k-NN estimator of I(X;Y) between real columns and a
/// categorical variable (<see cref="MixedMutualInformationEstimator"/>); several categorical columns form one joint label.
/// </summary>
internal sealed class MixedEntry : IMutualInformationEntry
{
    public EstimatorDescriptor Descriptor { get; } = new("mixed-ross", ["mixed"], EstimatedQuantities.MutualInformation,
        EstimatorCapabilities.Mixed | EstimatorCapabilities.Multivariate | EstimatorCapabilities.TakesK | EstimatorCapabilities.Randomised,
        "Ross (2014), PLoS ONE 9(2): e87357: the KSG idea for real columns against a discrete label.");

    public InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        settings.Validate();
        var (real, label) = CatalogueInput.AllCategorical(y) ? (x, y) : CatalogueInput.AllCategorical(x) ? (y, x)
            : throw Preconditions.Error(nameof(y), "categorical (or `x` categorical) for mixed-ross", "real-valued columns on both sides",
                "mixed-ross takes one categorical side; use ksg1 for two real sides.");
        CatalogueInput.RequireContinuous(real, Descriptor.Name);
        var e = new MixedMutualInformationEstimator(CatalogueInput.Ksg(settings)).Estimate(CatalogueInput.Samples(real), CatalogueInput.JointCodes(label), unit);
        return CatalogueInput.From(e, Descriptor.Name);
    }
}

/// <summary>
/// <c>kozachenko-leonenko</c>: the k-NN differential entropy of Kozachenko &amp; Leonenko (1987)
/// (<see cref="KozachenkoLeonenkoEntropyEstimator"/>); MI as h(X) + h(Y) - h(X,Y) of three such entropies.
/// </summary>
internal sealed class KozachenkoLeonenkoEntry : IDifferentialEntropyEntry, IMutualInformationEntry
{
    public EstimatorDescriptor Descriptor { get; } = new("kozachenko-leonenko", ["kl"], EstimatedQuantities.DifferentialEntropy | EstimatedQuantities.MutualInformation,
        EstimatorCapabilities.Continuous | EstimatorCapabilities.Multivariate | EstimatorCapabilities.TakesK | EstimatorCapabilities.Randomised,
        "Kozachenko & Leonenko (1987) k-NN differential entropy (max or Euclidean norm); MI from three entropies.");

    public InformationEstimate DifferentialEntropy(IReadOnlyList<SampleColumn> x, EstimatorSettings settings, InformationUnit unit)
    {
        CatalogueInput.Group(x, nameof(x));
        settings.Validate();
        CatalogueInput.RequireContinuous(x, Descriptor.Name);
        var e = new KozachenkoLeonenkoEntropyEstimator(CatalogueInput.Kl(settings)).Estimate(CatalogueInput.Samples(x), unit);
        return CatalogueInput.From(e, Descriptor.Name, differential: true);
    }

    public InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        var hx = DifferentialEntropy(x, settings, unit);
        var hy = DifferentialEntropy(y, settings, unit);
        var hxy = DifferentialEntropy([.. x, .. y], settings, unit);
        return hx with
        {
            Value = hx.Value + hy.Value - hxy.Value,
            Differential = false,
            TiedValueCount = hx.TiedValueCount + hy.TiedValueCount,
            Warnings = [.. hx.Warnings, .. hy.Warnings, .. hxy.Warnings, "MI from three Kozachenko-Leonenko entropies H(X) + H(Y) - H(X,Y): their biases do not cancel as KSG's do; prefer ksg1."],
        };
    }
}

/// <summary><c>knn-kl</c>: the k-NN estimator of D(P||Q) (Wang, Kulkarni &amp; Verdu 2009; <see cref="KnnKullbackLeiblerEstimator"/>).</summary>
internal sealed class KnnDivergenceEntry : IDivergenceEntry
{
    public EstimatorDescriptor Descriptor { get; } = new("knn-kl", [], EstimatedQuantities.Divergence,
        EstimatorCapabilities.Continuous | EstimatorCapabilities.Multivariate | EstimatorCapabilities.TakesK,
        "Wang, Kulkarni & Verdu (2009) k-NN estimator of D(P||Q) from two samples.");

    public InformationEstimate Divergence(IReadOnlyList<SampleColumn> p, IReadOnlyList<SampleColumn> q, EstimatorSettings settings, InformationUnit unit)
    {
        CatalogueInput.Group(p, nameof(p));
        CatalogueInput.Group(q, nameof(q));
        if (q.Count != p.Count)
        {
            throw Preconditions.Error(nameof(q), $"as many columns as `p` ({CatalogueInput.Text(p.Count)})", $"{CatalogueInput.Text(q.Count)} columns");
        }

        settings.Validate();
        CatalogueInput.RequireContinuous([.. p, .. q], Descriptor.Name);
        var options = new KnnKullbackLeiblerOptions { K = settings.KOrDefault, Norm = settings.Norm, MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism };
        var e = new KnnKullbackLeiblerEstimator(options).Estimate(CatalogueInput.Samples(p), CatalogueInput.Samples(q), unit);
        return CatalogueInput.From(e, Descriptor.Name);
    }
}

/// <summary>
/// <c>lnc</c>: KSG1 with the local non-uniformity correction of Gao, Ver Steeg and Galstyan (AISTATS 2015)
/// (<see cref="LncMutualInformationEstimator"/>), for strongly dependent real columns; k defaults to 5 (their code's).
/// </summary>
internal sealed class LncEntry : IMutualInformationEntry
{
    public EstimatorDescriptor Descriptor { get; } = new("lnc", [], EstimatedQuantities.MutualInformation,
        EstimatorCapabilities.Continuous | EstimatorCapabilities.Multivariate | EstimatorCapabilities.TakesK,
        "Gao, Ver Steeg & Galstyan (2015), AISTATS: KSG1 plus the local non-uniformity correction (local PCA boxes), for strongly dependent variables.");

    public InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        settings.Validate();
        CatalogueInput.RequireContinuous([.. x, .. y], Descriptor.Name);
        if (settings.Norm != Spatial.DistanceNorm.Maximum)
        {
            throw Preconditions.Error("norm", "max for LNC, which corrects KSG's max-norm boxes (Gao et al. 2015)", settings.Norm.ToString());
        }

        var options = new LncOptions { K = settings.K ?? LncOptions.Default.K, MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism };
        var e = new LncMutualInformationEstimator(options).Estimate(CatalogueInput.Samples(x), CatalogueInput.Samples(y), unit);
        return CatalogueInput.From(e, Descriptor.Name);
    }
}
