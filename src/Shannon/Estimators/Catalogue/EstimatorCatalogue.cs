using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Estimators.Catalogue;

/// <summary>The estimator the catalogue picked for some columns, and why.</summary>
/// <param name="Name">The estimator's name.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record EstimatorChoice(string Name, string Reason);

/// <summary>
/// The one place that knows which estimators exist, what each can take (<see cref="EstimatorDescriptor"/>) and which
/// one fits the columns at hand. The command line, the explorer and the lab ask it by name; <c>auto</c> (or no name)
/// lets it choose from the columns' kinds:
/// <list type="bullet">
/// <item>H: every column categorical: <c>plugin</c>; every column real: <c>kozachenko-leonenko</c> (a differential h).</item>
/// <item>I(X;Y), I(X;Y|Z): all categorical: <c>plugin</c>; all real: <c>auto</c> without Z
/// (<see cref="AutoMutualInformationEstimator"/>), <c>ksg1</c> with Z; without Z, one side categorical and the other
/// real: <c>mixed-ross</c>; any other mixture of kinds: <c>binned</c>.</item>
/// </list>
/// Every result carries the columns' kinds, and an MI with a categorical side is checked against that side's
/// (plug-in) entropy, which no MI can exceed: a violation is reported as a warning naming the likely cause.
/// </summary>
public static class EstimatorCatalogue
{
    private static readonly ICatalogueEstimator[] Entries = CreateEntries();

    private static readonly Dictionary<string, ICatalogueEstimator> ByName = Index();

    /// <summary>Every catalogued estimator's descriptor, in the order DESIGN.md lists them.</summary>
    public static IReadOnlyList<EstimatorDescriptor> Descriptors { get; } = [.. Entries.Select(e => e.Descriptor)];

    /// <summary>Every estimator's one name.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Descriptor.Name)];

    /// <summary>The estimator with this name or alias (case-insensitive); "auto" names the auto estimator for real X and Y (the surfaces treat it as "let the catalogue choose", see <see cref="IsAutomatic"/>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="estimator">The estimator, when found.</param>
    /// <returns>Whether it was found.</returns>
    public static bool TryGet(string? name, out ICatalogueEstimator estimator)
    {
        estimator = null!;
        return name is not null && ByName.TryGetValue(name.Trim().ToLowerInvariant(), out estimator!);
    }

    /// <summary>The estimator with this name or alias, or an <see cref="ArgumentException"/> listing the names.</summary>
    /// <param name="estimator">The estimator's name or alias (the parameter is named as the error names it, and as the
    /// command line's `--estimator`).</param>
    /// <returns>The estimator.</returns>
    public static ICatalogueEstimator Get(string estimator) =>
        TryGet(estimator, out var e) ? e : throw Preconditions.Error(nameof(estimator), "one of " + string.Join(", ", Names), $"'{estimator}'");

    /// <summary>True for null, empty or "auto": let the catalogue choose.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether the choice is automatic.</returns>
    public static bool IsAutomatic(string? name) => string.IsNullOrWhiteSpace(name) || name.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);

    /// <summary>The estimator for the entropy of these columns.</summary>
    /// <param name="x">The columns.</param>
    /// <returns>The choice.</returns>
    public static EstimatorChoice ChooseEntropy(IReadOnlyList<SampleColumn> x)
    {
        CatalogueInput.Group(x, nameof(x));
        if (CatalogueInput.AllCategorical(x))
        {
            return new("plugin", "every column is categorical");
        }

        if (CatalogueInput.AllContinuous(x))
        {
            return new("kozachenko-leonenko", "every column is real-valued: the differential entropy h");
        }

        return new("binned", "the columns mix categorical and real-valued ones: real columns binned, H of the bins");
    }

    /// <summary>The estimator for I(X;Y) (or I(X;Y|Z)) of these columns.</summary>
    /// <param name="x">The columns of X.</param>
    /// <param name="y">The columns of Y.</param>
    /// <param name="z">The columns of Z (empty for MI).</param>
    /// <returns>The choice.</returns>
    public static EstimatorChoice ChooseMutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, IReadOnlyList<SampleColumn> z)
    {
        ArgumentNullException.ThrowIfNull(z);
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        SampleColumn[] all = [.. x, .. y, .. z];
        if (CatalogueInput.AllCategorical(all))
        {
            return new("plugin", "every column is categorical");
        }

        if (CatalogueInput.AllContinuous(all))
        {
            return z.Count == 0
                ? new("auto", "every column is real-valued: the auto estimator (Gaussian copula, Student-t copula or surrogate-corrected KSG by its diagnostics)")
                : new("ksg1", "every column is real-valued, with Z: KSG (Frenzel-Pompe)");
        }

        if (z.Count == 0 && ((CatalogueInput.AllCategorical(x) && CatalogueInput.AllContinuous(y)) || (CatalogueInput.AllContinuous(x) && CatalogueInput.AllCategorical(y))))
        {
            return new("mixed-ross", "one side is categorical, the other real-valued");
        }

        return new("binned", "the columns mix kinds within a variable or in Z: real columns binned, plug-in on the bins");
    }

    /// <summary>H or h of the columns taken jointly, by the named estimator (or the automatic choice).</summary>
    /// <param name="estimator">A name, alias, "auto" or null.</param>
    /// <param name="x">The columns.</param>
    /// <param name="settings">Parameters (null: defaults).</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The estimate, with the kinds and <see cref="InformationEstimate.Differential"/> set.</returns>
    public static InformationEstimate Entropy(string? estimator, IReadOnlyList<SampleColumn> x, EstimatorSettings? settings, InformationUnit unit)
    {
        var s = Settings(settings);
        var entry = IsAutomatic(estimator) ? Get(ChooseEntropy(x).Name) : Get(estimator!);
        InformationEstimate e = entry switch
        {
            IEntropyEntry h when !(entry is IDifferentialEntropyEntry && CatalogueInput.AllContinuous(x)) => h.Entropy(x, s, unit),
            IDifferentialEntropyEntry d => d.DifferentialEntropy(x, s, unit),
            _ => throw Preconditions.Error("estimator", "an estimator of entropy (" + string.Join(", ", Descriptors.Where(d => d.Estimates(EstimatedQuantities.Entropy) || d.Estimates(EstimatedQuantities.DifferentialEntropy)).Select(d => d.Name)) + ")",
                $"'{entry.Descriptor.Name}', which estimates {entry.Descriptor.Quantities}"),
        };
        return e with { Estimator = entry.Descriptor.Name, Kinds = [.. x.Select(c => c.Decision)] };
    }

    /// <summary>I(X;Y), or I(X;Y|Z) when <paramref name="z"/> is non-empty, by the named estimator (or the automatic choice).</summary>
    /// <param name="estimator">A name, alias, "auto" or null.</param>
    /// <param name="x">The columns of X.</param>
    /// <param name="y">The columns of Y.</param>
    /// <param name="z">The columns of Z (empty for MI).</param>
    /// <param name="settings">Parameters (null: defaults).</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The estimate, with the kinds and any bound warnings.</returns>
    public static InformationEstimate MutualInformation(string? estimator, IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, IReadOnlyList<SampleColumn> z, EstimatorSettings? settings, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(z);
        var s = Settings(settings);
        var entry = IsAutomatic(estimator) ? Get(ChooseMutualInformation(x, y, z).Name) : Get(estimator!);
        InformationEstimate e;
        if (z.Count == 0)
        {
            e = entry is IMutualInformationEntry mi ? mi.MutualInformation(x, y, s, unit)
                : throw Preconditions.Error("estimator", "an estimator of mutual information", $"'{entry.Descriptor.Name}', which estimates {entry.Descriptor.Quantities}");
        }
        else
        {
            e = entry is IConditionalMutualInformationEntry cmi ? cmi.ConditionalMutualInformation(x, y, z, s, unit)
                : throw Preconditions.Error("estimator", "an estimator with a conditional form (" + string.Join(", ", Descriptors.Where(d => d.Has(EstimatorCapabilities.Conditional)).Select(d => d.Name)) + ")",
                    $"'{entry.Descriptor.Name}'", "Drop --z, or pick one of those.");
        }

        var warnings = BoundWarnings(e, x, y, null, z);
        return e with
        {
            Kinds = [.. x.Select(c => c.Decision), .. y.Select(c => c.Decision), .. z.Select(c => c.Decision)],
            Warnings = warnings.Count == 0 ? e.Warnings : [.. e.Warnings, .. warnings],
        };
    }

    /// <summary>D(P||Q) from a sample of each, by the named estimator (default knn-kl).</summary>
    /// <param name="estimator">A name, "auto" or null.</param>
    /// <param name="p">The sample of P.</param>
    /// <param name="q">The sample of Q.</param>
    /// <param name="settings">Parameters (null: defaults).</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The estimate.</returns>
    public static InformationEstimate Divergence(string? estimator, IReadOnlyList<SampleColumn> p, IReadOnlyList<SampleColumn> q, EstimatorSettings? settings, InformationUnit unit)
    {
        var entry = IsAutomatic(estimator) ? Get("knn-kl") : Get(estimator!);
        var e = entry is IDivergenceEntry d ? d.Divergence(p, q, Settings(settings), unit)
            : throw Preconditions.Error("estimator", "an estimator of divergence (knn-kl)", $"'{entry.Descriptor.Name}'");
        return e with { Kinds = [.. p.Select(c => c.Decision), .. q.Select(c => c.Decision)] };
    }

    /// <summary>
    /// Warnings for an MI that breaks a known bound: above the entropy of a categorical side (impossible), or below -3
    /// standard errors of 0 (more negative than chance allows). The standard error is the given one (e.g. the
    /// bootstrap's) or, for the discrete estimators, that of the plug-in MI under independence, sqrt(2 df)/(2N) nats
    /// with df = (Lx - 1)(Ly - 1) (the chi-square limit of 2N I, Wilks 1938).
    /// </summary>
    /// <param name="estimate">The MI estimate.</param>
    /// <param name="x">The columns of X.</param>
    /// <param name="y">The columns of Y.</param>
    /// <param name="standardError">A standard error in the estimate's unit, or null.</param>
    /// <param name="z">The columns of Z for a CMI (df then grows by the levels of Z), or null.</param>
    /// <returns>The warnings (empty when the estimate is within the bounds).</returns>
    public static IReadOnlyList<string> BoundWarnings(InformationEstimate estimate, IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, double? standardError, IReadOnlyList<SampleColumn>? z = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var warnings = new List<string>();
        bool discrete = EntropyEstimators.Names.Contains(estimate.Estimator) || estimate.Estimator == "binned";
        foreach (var (side, label) in new[] { (x, "X"), (y, "Y") })
        {
            if (!CatalogueInput.AllCategorical(side))
            {
                continue;
            }

            double h = InformationUnits.FromNats(CatalogueInput.PluginNats(side), estimate.Unit);
            if (estimate.Value > h + (1e-9 * Math.Max(1, h)))
            {
                string names = string.Join(",", side.Select(c => c.Name));
                string cause = discrete
                    ? $"the bias correction of {estimate.Estimator} overshoots at this sample size; compare with plugin"
                    : "ties in the real-valued side (rounded values make k-NN distances 0, so the neighbour counts inflate the estimate); try --jitter 1e-10 or --estimator binned, or check whether the column is really categorical";
                warnings.Add($"I = {G6(estimate.Value)} exceeds H({names}) = {G6(h)} {InformationUnits.Name(estimate.Unit)}, which no mutual information can: likely cause: {cause}.");
            }
        }

        double? se = standardError;
        if (se is null && EntropyEstimators.Names.Contains(estimate.Estimator) && CatalogueInput.AllCategorical([.. x, .. y, .. (z ?? [])]))
        {
            double df = (Levels(x) - 1.0) * (Levels(y) - 1.0) * (z is { Count: > 0 } ? Levels(z) : 1);
            se = InformationUnits.FromNats(Math.Sqrt(2 * Math.Max(1, df)) / (2.0 * estimate.SampleCount), estimate.Unit);
        }

        if (se is double sd && sd > 0 && estimate.Value < -3 * sd)
        {
            warnings.Add($"I = {G6(estimate.Value)} {InformationUnits.Name(estimate.Unit)} is below -3 standard errors ({G6(-3 * sd)}): more negative than chance allows; likely cause: the estimator's bias correction at this sample size, or too few samples per neighbourhood (increase N or lower k).");
        }

        return warnings;
    }

    private static string G6(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    internal static EstimatorSettings Settings(EstimatorSettings? settings)
    {
        var s = settings ?? EstimatorSettings.Default;
        s.Validate();
        return s;
    }

    private static int Levels(IReadOnlyList<SampleColumn> group) => CatalogueInput.OccupiedLevels(group);

    private static ICatalogueEstimator[] CreateEntries()
    {
        var mixed = new MixedEntry();
        return
        [
            new DiscreteEntry("plugin", "The plug-in (maximum likelihood) estimator, 0 log 0 = 0; biased down by about (K - 1)/(2N) nats."),
            new DiscreteEntry("miller-madow", "Plug-in plus (K - 1)/(2N) nats for K occupied bins (Miller 1955)."),
            new DiscreteEntry("chao-shen", "Coverage-adjusted Horvitz-Thompson estimator (Chao & Shen 2003)."),
            new DiscreteEntry("james-stein", "Shrinkage towards the uniform (Hausser & Strimmer 2009)."),
            new DiscreteEntry("nsb", "Nemenman-Shafee-Bialek (2002) Bayesian estimator."),
            new DiscreteEntry("grassberger", "Grassberger (2003) digamma correction."),
            new DiscreteEntry("jeffreys", "Dirichlet posterior mean with a = 1/2."),
            new DiscreteEntry("laplace", "Dirichlet posterior mean with a = 1."),
            new DiscreteEntry("perks", "Dirichlet posterior mean with a = 1/K (R entropy's \"SG\")."),
            new DiscreteEntry("minimax", "Dirichlet posterior mean with a = sqrt(N)/K."),
            new KsgEntry(KsgAlgorithm.Algorithm1, mixed, ["ksg"]),
            new KsgEntry(KsgAlgorithm.Algorithm2, mixed, []),
            new KozachenkoLeonenkoEntry(),
            new BinnedEntry(),
            new GaussianEntry(),
            new GaussianCopulaEntry(),
            mixed,
            new KnnDivergenceEntry(),
            new LncEntry(),
            new AutoEntry(),
        ];
    }

    private static Dictionary<string, ICatalogueEstimator> Index()
    {
        var index = new Dictionary<string, ICatalogueEstimator>(StringComparer.Ordinal);
        foreach (var e in Entries)
        {
            index[e.Descriptor.Name] = e;
            foreach (var alias in e.Descriptor.Aliases)
            {
                index[alias] = e;
            }
        }

        // The discrete estimators' older spellings (EntropyEstimators.TryParse).
        foreach (var (alias, name) in new[] { ("plug-in", "plugin"), ("ml", "plugin"), ("empirical", "plugin"), ("mm", "miller-madow"), ("cs", "chao-shen"), ("shrink", "james-stein"), ("sg", "perks") })
        {
            index[alias] = index[name];
        }

        return index;
    }
}
