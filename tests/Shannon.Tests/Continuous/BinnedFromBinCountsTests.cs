using CsCheck;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Continuous;

/// <summary>
/// <see cref="BinnedMutualInformationEstimator.FromBinCounts"/>, the binned MI of a table too large for one machine
/// (issue 19): on the bin counts of samples it is the sample estimator's value to the last bit, with its warnings. An
/// identity between two paths, so a property test; the estimator's own reference values are in EstimatorReferenceTests.
/// </summary>
public class BinnedFromBinCountsTests
{
    private static readonly Gen<(double[][] X, double[][] Y, int Bins)> Cases =
        Gen.Select(Gen.Int[20, 400], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 12], Gen.Int[0, 1_000_000])
            .Select((n, dx, dy, bins, seed) =>
            {
                var random = new Random(seed);
                double[][] Columns(int d) => [.. Enumerable.Range(0, d).Select(_ => Enumerable.Range(0, n).Select(_ => Math.Round(ColumnStatistics.StandardNormal(random), 2)).ToArray())];
                var x = Columns(dx);
                var y = Columns(dy);
                // A dependence the bins can see: y's first column leans on x's first.
                for (int i = 0; i < n; i++)
                {
                    y[0][i] += x[0][i];
                }

                return (x, y, bins);
            });

    [Fact]
    public void BinCountsOfSamplesGiveTheSampleEstimateExactly()
    {
        Cases.Sample(c =>
        {
            var options = new BinningOptions { Rule = BinningRule.EqualWidth, BinCount = c.Bins };
            var x = Samples.FromColumns(c.X);
            var y = Samples.FromColumns(c.Y);
            if (x.Columns.Concat(y.Columns).Any(col => col.Min() == col.Max()))
            {
                return; // a constant column is refused by the sample estimator
            }

            var expected = new BinnedMutualInformationEstimator(options).Estimate(x, y, InformationUnit.Nats);
            double[][] columns = [.. c.X, .. c.Y];
            var variables = columns.Select(col => DiscreteVariable.FromCodes(Binning.Codes(col, options), c.Bins)).ToArray();
            var table = CountTable.FromSamples(variables);
            var actual = BinnedMutualInformationEstimator.FromBinCounts(table, [.. Enumerable.Range(0, c.X.Length)], [.. Enumerable.Range(c.X.Length, c.Y.Length)], InformationUnit.Nats);
            Assert.True(expected.Value == actual.Value, $"samples {expected.Value:R}, bin counts {actual.Value:R}");
            Assert.Equal(expected.SampleCount, actual.SampleCount);
            Assert.Equal(expected.BinCount, actual.BinCount);
            Assert.Equal(expected.Warnings, actual.Warnings);
        });
    }

    [Fact]
    public void AVariableInBothGroupsIsRefusedByName()
    {
        var table = CountTable.FromSamples(DiscreteVariable.FromCodes([0, 1, 1, 0], 2), DiscreteVariable.FromCodes([0, 1, 0, 1], 2));
        var error = Assert.ThrowsAny<ArgumentException>(() => BinnedMutualInformationEstimator.FromBinCounts(table, [0], [0], InformationUnit.Bits));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("got 0", error.Message, StringComparison.Ordinal);
        Assert.Equal("x", Assert.ThrowsAny<ArgumentException>(() => BinnedMutualInformationEstimator.FromBinCounts(table, [0], [2], InformationUnit.Bits)).ParamName);
    }
}
