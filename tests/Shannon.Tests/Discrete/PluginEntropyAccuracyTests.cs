using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Discrete;

/// <summary>
/// The library's one plug-in entropy of counts (used by the plug-in and Miller-Madow estimators, the clustering scores
/// and the lab) where the textbook form ln N - sum n ln n / N loses digits: a near point mass, where the two terms
/// cancel, and a million equal bins, where a plain sum drifts.
/// </summary>
public sealed class PluginEntropyAccuracyTests
{
    [Fact]
    public void NearPointMassKeepsItsDigits()
    {
        // tools/reference/plugin_entropy_accuracy.py (60-digit decimal arithmetic): H(10^12 - 1, 1) = 2.8631021115928048e-11
        // nats. ln N - sum n ln n / N would give it with about 3e-15 absolute error (ln N ~ 27.6 times eps), a relative
        // error near 1e-4; each term n ln(N / n) >= 0 leaves nothing to cancel, so 1e-13 relative is a loose bound.
        double h = PluginEntropyEstimator.Instance.Estimate([999_999_999_999, 1], InformationUnit.Nats).Value;
        Assert.Equal(2.86310211159280482e-11, h, 2.86310211159280482e-11 * 1e-13);
    }

    [Fact]
    public void PointMassIsExactlyZeroAndEqualBinsAreExactlyTheLogOfTheirNumber()
    {
        // A single occupied bin has H = 0 (Cover & Thomas 2006, sec. 2.1): ln(N / N) = 0 exactly.
        Assert.Equal(0.0, PluginEntropyEstimator.Instance.Estimate([0, 7, 0], InformationUnit.Nats).Value);

        // K equal bins: H = ln K (Cover & Thomas 2006, thm. 2.6.4). 10^6 bins of 3: every term is 3 ln(10^6), added
        // with compensation, so the result is ln(10^6) to within two units in the last place (ulp ~ 1.8e-15).
        var counts = new long[1_000_000];
        Array.Fill(counts, 3);
        double h = PluginEntropyEstimator.Instance.Estimate(counts, InformationUnit.Nats).Value;
        Assert.Equal(Math.Log(1e6), h, 4e-15);
    }
}
