using Shannon.Regularization;

namespace Shannon.Tests.Regularization;

public class KullbackLeiblerPenaltyTests
{
    [Fact]
    public void PenalizedRewardsSubtractBetaTimesTheLogRatio()
    {
        // Hand computation: r - beta (log pi - log ref): 1 - 0.1 (-1 + 1.5) = 0.95; 0 - 0.1 (-2 + 1) = 0.1.
        var d = new double[2];
        KullbackLeiblerPenalty.PenalizedRewards([1.0, 0.0], [-1.0, -2.0], [-1.5, -1.0], 0.1, d);
        Assert.Equal(0.95, d[0], 1e-15);
        Assert.Equal(0.1, d[1], 1e-15);
        KullbackLeiblerPenalty.PenalizedRewardsFromKullbackLeibler([1.0, 0.0], [0.5, 2.0], 0.25, d);
        Assert.Equal(0.875, d[0], 1e-15);
        Assert.Equal(-0.5, d[1], 1e-15);
    }

    [Fact]
    public void ControllerFollowsZieglerUpdate()
    {
        // Source: tools/reference/alignment_kl.py (the lm-human-preferences/TRL update in numpy), target 6,
        // horizon 10000, n = 512, beta_0 = 0.2; KL sequence 9 (clipped +0.2), 3 (clipped -0.2), 6.6 (+0.1), 6 (0), -1 (-0.2).
        var controller = new AdaptiveKullbackLeiblerController(new AdaptiveKullbackLeiblerControllerOptions(InitialBeta: 0.2, Target: 6, Horizon: 10000));
        double[] expected = [0.202048, 0.19997902848, 0.20100292110581758, 0.20100292110581758, 0.198944651193694];
        double[] kls = [9.0, 3.0, 6.6, 6.0, -1.0];
        for (int t = 0; t < kls.Length; t++)
        {
            Assert.Equal(expected[t], controller.Update(kls[t], 512), 1e-15);
        }

        Assert.Equal(5, controller.Updates);
    }

    [Fact]
    public void BadInputNamesParameterAndValue()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => KullbackLeiblerPenalty.PenalizedRewardsFromKullbackLeibler([1.0], [0.1], -0.5, new double[1]));
        Assert.Equal("beta", e1.ParamName);
        Assert.Contains("-0.5", e1.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveKullbackLeiblerController(new AdaptiveKullbackLeiblerControllerOptions(Target: 0)));
        Assert.Equal("Target", e2.ParamName);
        var controller = new AdaptiveKullbackLeiblerController();
        Assert.Throws<ArgumentOutOfRangeException>(() => controller.Update(double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => controller.Update(1, 0));
        var e3 = Assert.Throws<ArgumentException>(() => KullbackLeiblerPenalty.PenalizedRewards([1.0, 2.0], [-1.0], [-1.0], 0.1, new double[2]));
        Assert.Equal("policyLogProbabilities", e3.ParamName);
    }
}
