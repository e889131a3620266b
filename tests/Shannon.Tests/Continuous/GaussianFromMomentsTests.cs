using CsCheck;
using Shannon.Estimators.Continuous;

namespace Shannon.Tests.Continuous;

/// <summary>
/// <see cref="GaussianMutualInformationEstimator.FromMoments"/>, the Gaussian MI of a table split over machines
/// (issue 19): from the co-moments of the samples it is the sample estimator's value up to the rounding of sums taken
/// in another order. An identity between two paths (a property test); the analytic reference values of the Gaussian
/// MI are in EstimatorReferenceTests.
/// </summary>
public class GaussianFromMomentsTests
{
    [Fact]
    public void CoMomentsOfSamplesGiveTheSampleEstimate()
    {
        Gen.Select(Gen.Int[10, 300], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[0, 1_000_000]).Sample((n, dx, dy, seed) =>
        {
            var random = new Random(seed);
            double[][] columns = [.. Enumerable.Range(0, dx + dy).Select(_ => Enumerable.Range(0, n).Select(_ => ColumnStatistics.StandardNormal(random)).ToArray())];
            for (int i = 0; i < n; i++)
            {
                columns[dx][i] += 0.7 * columns[0][i];
            }

            int d = dx + dy;
            double[] means = [.. columns.Select(c => c.Average())];
            var comoments = new double[d, d];
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    comoments[a, b] = columns[a].Select((v, i) => (v - means[a]) * (columns[b][i] - means[b])).Sum();
                }
            }

            if (n <= d)
            {
                return;
            }

            double expected = new GaussianMutualInformationEstimator().Estimate(Samples.FromColumns(columns[..dx]), Samples.FromColumns(columns[dx..]), InformationUnit.Nats).Value;
            double actual = GaussianMutualInformationEstimator.FromMoments(n, comoments, dx, InformationUnit.Nats).Value;
            // Both sum the same products; only the order and the scaling differ: 1e-12 relative is ~1e4 ulps of slack.
            Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"samples {expected:R}, moments {actual:R}");
        });
    }

    [Fact]
    public void AConstantColumnAndTooFewSamplesAreRefusedByName()
    {
        var constant = new double[,] { { 1.5, 0 }, { 0, 0 } };
        var error = Assert.ThrowsAny<ArgumentException>(() => GaussianMutualInformationEstimator.FromMoments(10, constant, 1, InformationUnit.Bits));
        Assert.Equal("comoments", error.ParamName);
        Assert.Contains("for column 1", error.Message, StringComparison.Ordinal);
        var fine = new double[,] { { 1.5, 0.2 }, { 0.2, 2 } };
        Assert.Equal("count", Assert.ThrowsAny<ArgumentException>(() => GaussianMutualInformationEstimator.FromMoments(2, fine, 1, InformationUnit.Bits)).ParamName);
        Assert.Equal("dimensionX", Assert.ThrowsAny<ArgumentException>(() => GaussianMutualInformationEstimator.FromMoments(10, fine, 2, InformationUnit.Bits)).ParamName);
        // Independent columns (zero co-moment): I = 0 exactly, as -1/2 ln(1 - r^2) with r = 0.
        Assert.Equal(0.0, GaussianMutualInformationEstimator.FromMoments(10, new double[,] { { 1.5, 0 }, { 0, 2 } }, 1, InformationUnit.Bits).Value, 15);
    }
}
