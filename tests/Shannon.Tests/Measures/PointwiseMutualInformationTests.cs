namespace Shannon.Tests.ExactMeasures;

/// <summary>
/// PMI from counts, NPMI, shifted PPMI and context-distribution smoothing, the formulas the lab's co-occurrence table
/// and the `pmi` command use, against analytic values from the papers that define them. Tolerance 1e-15 where the
/// answer is one logarithm of an exact ratio; exact equality where the computation is exact.
/// </summary>
public sealed class PointwiseMutualInformationTests
{
    private const double Tolerance = 1e-15;

    [Fact]
    public void PmiFromCountsIsTheLogOfTheCountRatio()
    {
        // Church & Hanks (1990), eq. 1 with p = n / N: n(x,y) = 25, n(x) = 50, n(y) = 25, N = 100 gives
        // p(x,y) / (p(x) p(y)) = 0.25 / 0.125 = 2, one bit.
        Assert.Equal(1.0, Shannon.Measures.PointwiseMutualInformationFromCounts(25, 50, 25, 100, InformationUnit.Bits).Value, Tolerance);

        // Equal count ratios give equal PMI exactly: 1 * 8 / (2 * 2) = 2 * 16 / (4 * 4) = 2, so both are ln 2.
        Assert.Equal(Math.Log(2), Shannon.Measures.PointwiseMutualInformationFromCounts(1, 2, 2, 8, InformationUnit.Nats).Value);
        Assert.Equal(Math.Log(2), Shannon.Measures.PointwiseMutualInformationFromCounts(2, 4, 4, 16, InformationUnit.Nats).Value);

        // Independence, n(x,y) N = n(x) n(y): 12 * 100 = 30 * 40, PMI = 0; a pair never seen together: -infinity.
        Assert.Equal(0.0, Shannon.Measures.PointwiseMutualInformationFromCounts(12, 30, 40, 100, InformationUnit.Nats).Value, Tolerance);
        Assert.Equal(double.NegativeInfinity, Shannon.Measures.PointwiseMutualInformationFromCounts(0, 30, 40, 100, InformationUnit.Nats).Value);
    }

    [Fact]
    public void NormalizedPmiFromCountsHasBoumasThreeAnchors()
    {
        // Bouma (2009), sec. 2.2: npmi = -1 for pairs never together, 0 for independence, +1 for complete co-occurrence.
        Assert.Equal(-1.0, Shannon.Measures.NormalizedPointwiseMutualInformationFromCounts(0, 30, 40, 100));
        Assert.Equal(0.0, Shannon.Measures.NormalizedPointwiseMutualInformationFromCounts(12, 30, 40, 100), Tolerance);
        Assert.Equal(1.0, Shannon.Measures.NormalizedPointwiseMutualInformationFromCounts(30, 30, 30, 100), Tolerance);
        Assert.Equal(1.0, Shannon.Measures.NormalizedPointwiseMutualInformationFromCounts(100, 100, 100, 100));

        // Between: n(x,y) = 25, n(x) = 50, n(y) = 25, N = 100: pmi = ln 2, -ln p(x,y) = ln 4, npmi = 1/2.
        Assert.Equal(0.5, Shannon.Measures.NormalizedPointwiseMutualInformationFromCounts(25, 50, 25, 100), Tolerance);
    }

    [Fact]
    public void ShiftedPpmiIsPmiMinusLogKClippedAtZero()
    {
        // Levy & Goldberg (2014), sec. 5.1: SPPMI_k = max(PMI - log k, 0). p(x,y) = 0.25, p(x) = 0.5, p(y) = 0.25: PMI = ln 2.
        Assert.Equal(Math.Log(2), Shannon.Measures.ShiftedPositivePointwiseMutualInformation(0.25, 0.5, 0.25, 1, InformationUnit.Nats).Value, Tolerance);
        Assert.Equal(0.0, Shannon.Measures.ShiftedPositivePointwiseMutualInformation(0.25, 0.5, 0.25, 2, InformationUnit.Nats).Value, Tolerance);
        Assert.Equal(0.0, Shannon.Measures.ShiftedPositivePointwiseMutualInformation(0.25, 0.5, 0.25, 5, InformationUnit.Nats).Value);

        // p(x,y) = 0.4, p(x) = p(y) = 0.5: PMI = ln 1.6; k = 1.25 leaves ln(1.6 / 1.25) = ln 1.28.
        Assert.Equal(Math.Log(1.28), Shannon.Measures.ShiftedPositivePointwiseMutualInformation(0.4, 0.5, 0.5, 1.25, InformationUnit.Nats).Value, Tolerance);

        // A smoothed context probability may be below p(x,y): p(x,y) = 0.3, p(x) = 0.5, p_alpha(y) = 0.2 gives ln 3.
        Assert.Equal(Math.Log(3), Shannon.Measures.ShiftedPositivePointwiseMutualInformation(0.3, 0.5, 0.2, 1, InformationUnit.Nats).Value, Tolerance);

        // Never together: 0, not -infinity (Bullinaria & Levy 2007's PPMI).
        Assert.Equal(0.0, Shannon.Measures.ShiftedPositivePointwiseMutualInformation(0, 0.5, 0.2, 1, InformationUnit.Nats).Value);
    }

    [Fact]
    public void ContextSmoothingRaisesRareContextsByThePowerAlpha()
    {
        // Levy, Goldberg & Dagan (2015), sec. 3.2, alpha = 0.75: p_alpha(y) = n(y)^0.75 / sum n^0.75. Counts (1, 16):
        // 1^0.75 = 1 and 16^0.75 = 8, so p_alpha = (1/9, 8/9) where p = (1/17, 16/17): the rare context gains.
        var fromCounts = Shannon.Measures.SmoothedContextDistributionFromCounts([1, 16], 0.75);
        Assert.Equal(1 / 9.0, fromCounts[0], Tolerance);
        Assert.Equal(8 / 9.0, fromCounts[1], Tolerance);

        // The same from probabilities (the smoothing does not depend on the scale); 81^0.75 = 27 gives (27/28, 1/28).
        var fromProbabilities = Shannon.Measures.SmoothedContextDistribution([1 / 17.0, 16 / 17.0], 0.75);
        Assert.Equal(1 / 9.0, fromProbabilities[0], Tolerance);
        Assert.Equal(8 / 9.0, fromProbabilities[1], Tolerance);
        var second = Shannon.Measures.SmoothedContextDistributionFromCounts([81, 0, 1], 0.75);
        Assert.Equal(27 / 28.0, second[0], Tolerance);
        Assert.Equal(0.0, second[1]);
        Assert.Equal(1 / 28.0, second[2], Tolerance);

        // alpha = 1 is no smoothing: p itself (0.25 and 0.75 are exact, and so is their normaliser 1).
        Assert.Equal([0.25, 0.75], Shannon.Measures.SmoothedContextDistribution([0.25, 0.75], 1));
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("jointCount", Assert.Throws<ArgumentOutOfRangeException>(() => Shannon.Measures.PointwiseMutualInformationFromCounts(31, 30, 40, 100, InformationUnit.Nats)).ParamName);
        Assert.Equal("countX", Assert.Throws<ArgumentOutOfRangeException>(() => Shannon.Measures.NormalizedPointwiseMutualInformationFromCounts(0, 0, 40, 100)).ParamName);
        Assert.Equal("countY", Assert.Throws<ArgumentOutOfRangeException>(() => Shannon.Measures.NormalizedPointwiseMutualInformationFromCounts(0, 30, 101, 100)).ParamName);
        Assert.Equal("shift", Assert.Throws<ArgumentOutOfRangeException>(() => Shannon.Measures.ShiftedPositivePointwiseMutualInformation(0.25, 0.5, 0.25, 0.5, InformationUnit.Nats)).ParamName);
        Assert.Equal("jointProbability", Assert.Throws<ArgumentException>(() => Shannon.Measures.ShiftedPositivePointwiseMutualInformation(0.6, 0.5, 0.25, 1, InformationUnit.Nats)).ParamName);
        Assert.Equal("contextSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => Shannon.Measures.SmoothedContextDistributionFromCounts([1, 2], 0)).ParamName);
        Assert.Equal("contextCounts", Assert.Throws<ArgumentException>(() => Shannon.Measures.SmoothedContextDistributionFromCounts([1, -2], 0.75)).ParamName);
        Assert.Equal("contextCounts", Assert.Throws<ArgumentException>(() => Shannon.Measures.SmoothedContextDistributionFromCounts([0, 0], 0.75)).ParamName);
        Assert.Equal("contextProbabilities", Assert.Throws<ArgumentException>(() => Shannon.Measures.SmoothedContextDistribution([0.5, 0.6], 0.75)).ParamName);
    }
}
