using Shannon.Estimators.Continuous;

namespace Shannon.Estimators.Catalogue;

/// <summary>
/// <c>gaussian</c>: the MI of the Gaussian fitted to the data, -1/2 ln(det C / (det Cx det Cy))
/// (<see cref="GaussianMutualInformationEstimator"/>), and the differential entropy of the fitted Gaussian,
/// h = 1/2 ln((2 pi e)^d det C) with the unbiased (N - 1) covariance. Exact for Gaussian data, a lower bound
/// otherwise for the MI (it sees only linear dependence).
/// </summary>
internal sealed class GaussianEntry : IMutualInformationEntry, IDifferentialEntropyEntry
{
    public EstimatorDescriptor Descriptor { get; } = new("gaussian", [], EstimatedQuantities.MutualInformation | EstimatedQuantities.DifferentialEntropy,
        EstimatorCapabilities.Continuous | EstimatorCapabilities.Multivariate,
        "The fitted Gaussian: MI -1/2 ln(det C / (det Cx det Cy)); h = 1/2 ln((2 pi e)^d det C) (Cover & Thomas, Theorem 8.4.1).");

    public InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        CatalogueInput.RequireContinuous([.. x, .. y], Descriptor.Name);
        var e = new GaussianMutualInformationEstimator().Estimate(CatalogueInput.Samples(x), CatalogueInput.Samples(y), unit);
        return CatalogueInput.From(e, Descriptor.Name);
    }

    public InformationEstimate DifferentialEntropy(IReadOnlyList<SampleColumn> x, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        Preconditions.Unit(unit, nameof(unit));
        CatalogueInput.RequireContinuous(x, Descriptor.Name);
        if (n < 2)
        {
            throw Preconditions.Error(nameof(x), "at least 2 rows for a covariance", $"{CatalogueInput.Text(n)} row");
        }

        int d = x.Count;
        var means = x.Select(c => c.NumbersArray.Average()).ToArray();
        var covariance = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double s = 0;
                var ca = x[a].NumbersArray;
                var cb = x[b].NumbersArray;
                for (int i = 0; i < n; i++)
                {
                    s += (ca[i] - means[a]) * (cb[i] - means[b]);
                }

                covariance[a, b] = covariance[b, a] = s / (n - 1);
            }
        }

        for (int a = 0; a < d; a++)
        {
            if (!(covariance[a, a] > 0))
            {
                throw Preconditions.Error(x[a].Name, "non-constant", $"the value {Preconditions.Format(x[a].NumbersArray[0])} in all {CatalogueInput.Text(n)} rows",
                    "A constant column has no density; drop it.");
            }
        }

        var l = LinearAlgebra.Cholesky(covariance, nameof(x));
        double nats = 0.5 * ((d * Math.Log(2 * Math.PI * Math.E)) + LinearAlgebra.LogDeterminantFromCholesky(l));
        return new InformationEstimate(InformationUnits.FromNats(nats, unit), unit, n, Descriptor.Name) { Differential = true };
    }
}

/// <summary><c>gaussian-copula</c>: Ince et al. (2017)'s Gaussian-copula MI (<see cref="GaussianCopulaMutualInformationEstimator"/>): ranks to normal scores, then the Gaussian MI.</summary>
internal sealed class GaussianCopulaEntry : IMutualInformationEntry
{
    public EstimatorDescriptor Descriptor { get; } = new("gaussian-copula", [], EstimatedQuantities.MutualInformation,
        EstimatorCapabilities.Continuous | EstimatorCapabilities.Multivariate,
        "Ince et al. (2017), Hum. Brain Mapp. 38: 1541: copula-normalised columns, Gaussian MI with bias correction; a lower bound.");

    public InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit)
    {
        int n = CatalogueInput.Group(x, nameof(x));
        CatalogueInput.Group(y, nameof(y), n);
        CatalogueInput.RequireContinuous([.. x, .. y], Descriptor.Name);
        var e = new GaussianCopulaMutualInformationEstimator(GaussianCopulaOptions.Default).Estimate(CatalogueInput.Samples(x), CatalogueInput.Samples(y), unit);
        return CatalogueInput.From(e, Descriptor.Name);
    }
}
