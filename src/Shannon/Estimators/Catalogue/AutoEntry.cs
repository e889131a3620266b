using Shannon.Estimators.Continuous;

namespace Shannon.Estimators.Catalogue;

/// <summary>
/// <c>auto</c> for two real-valued sides: <see cref="AutoMutualInformationEstimator"/> (Gaussian copula, Student-t
/// copula or surrogate-corrected KSG, chosen by its documented diagnostics). The estimate carries the choice
/// (<see cref="InformationEstimate.Choice"/>), the reason, and the standard error as the diagnostic
/// <c>auto_standard_error</c>. It is what the catalogue's automatic choice runs for real X and Y without Z.
/// </summary>
internal sealed class AutoEntry : IMutualInformationEntry
{
    public EstimatorDescriptor Descriptor { get; } = new("auto", [], EstimatedQuantities.MutualInformation,
        EstimatorCapabilities.Continuous | EstimatorCapabilities.Multivariate | EstimatorCapabilities.TakesK | EstimatorCapabilities.Randomised,
        "The default for real X and Y: the Gaussian copula, a Student-t copula or KSG with its surrogate-measured bias removed, chosen by KSG's agreement with copula surrogates (issue 17).");

    public InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        settings.Validate();
        CatalogueInput.RequireContinuous([.. x, .. y], Descriptor.Name);
        var options = new AutoMutualInformationOptions { K = settings.KOrDefault, Seed = settings.Seed, MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism };
        var r = new AutoMutualInformationEstimator(options).EstimateWithDiagnostics(CatalogueInput.Samples(x), CatalogueInput.Samples(y), unit);
        var e = CatalogueInput.From(r.Estimate, Descriptor.Name);
        return e with
        {
            Choice = r.Choice,
            ChoiceReason = r.Reason,
            Diagnostics = InformationEstimate.MakeDiagnostics([.. e.Diagnostics.Select(p => (p.Key, p.Value)), (EstimateJson.AutoStandardErrorKey, r.StandardError)]),
        };
    }
}
