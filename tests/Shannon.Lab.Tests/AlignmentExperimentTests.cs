using Shannon.Lab.Experiments;
using Shannon.Lab.Report;

namespace Shannon.Lab.Tests;

public class AlignmentExperimentTests
{
    private static readonly Lazy<ExperimentResult> Quick = new(() => new AlignmentExperiment().Run(new ExperimentContext { Quick = true }));

    [Fact]
    public void QuickRunProducesTablesFiguresAndKeyNumbers()
    {
        var result = Quick.Value;
        Assert.Equal("alignment", result.Name);
        Assert.Equal(["estimators", "reward-kl", "calibration"], result.Tables.Select(t => t.Name));
        Assert.Equal(["estimator-bias", "estimator-spread", "reward-kl", "adaptive-kl", "reliability-before", "reliability-after"], result.Figures.Select(f => f.Name));
        Assert.Equal(24, result.Tables[0].Rows.Count);
        Assert.NotNull(ExperimentCatalog.Find("alignment"));
    }

    [Fact]
    public void UnbiasedEstimatorsStayWithinFourStandardErrors()
    {
        // 8 pairs x 2 unbiased estimators at 10^5 samples: |bias| / SE is approximately standard normal, so 4 SE
        // leaves a false-alarm rate of 16 x 6e-5 = 1e-3 (the seeds are fixed in any case).
        foreach (var row in Quick.Value.Tables[0].Rows)
        {
            string estimator = (string)row[2];
            double z = (double)row[5];
            if (estimator is "k1" or "k3")
            {
                Assert.True(Math.Abs(z) < 4, $"{row[0]} {estimator}: bias / SE = {z}");
            }
        }
    }

    [Fact]
    public void FixedBetaRunsApproachTheClosedFormOptimum()
    {
        // For beta >= 0.5 the REINFORCE runs end within 0.005 of the optimal objective E[r] - beta KL (the batch
        // noise of 256 samples moves the logits by about lr / sqrt(256) per step, which keeps a gap of order 1e-4).
        foreach (var row in Quick.Value.Tables[1].Rows)
        {
            double beta = (double)row[0], gap = (double)row[5];
            Assert.True(gap > -1e-12, $"beta {beta}: the trained policy cannot beat the optimum (gap {gap})");
            if (beta >= 0.5)
            {
                Assert.True(gap < 0.005, $"beta {beta}: gap {gap}");
            }
        }
    }

    [Fact]
    public void AdaptiveControllerSettlesNearTheTargetAndTemperatureScalingHelps()
    {
        var k = Quick.Value.KeyNumbers;
        double target = (double)k["adaptive_target_nats"];
        Assert.InRange((double)k["adaptive_final_kl_nats"], 0.8 * target, 1.2 * target);
        Assert.True((double)k["adaptive_peak_kl_nats"] > 2 * target);
        Assert.True((double)k["ece_after"] < (double)k["ece_before"] / 2);
        Assert.True((double)k["nll_after_nats"] < (double)k["nll_before_nats"]);
    }

    [Fact]
    public void ClosedFormOptimumMatchesTheTilt()
    {
        // pi_beta over two symbols with ref = (1/2, 1/2) and r = (1, 0): pi_1 = e^{1/beta} / (e^{1/beta} + 1).
        // beta = 1: pi_1 = e / (e + 1) = 0.7310585786300049; KL = ln 2 - H(pi) (numpy 1.24.2) = 0.6931471805599453 - 0.5822031088882179.
        var (reward, kl) = AlignmentExperiment.Optimum([0.5, 0.5], [1.0, 0.0], 1.0);
        Assert.Equal(0.7310585786300049, reward, 1e-15);
        Assert.Equal(0.6931471805599453 - 0.5822031088882179, kl, 1e-13);
    }
}
