using Shannon.Lab.Experiments;

namespace Shannon.Lab.Tests;

/// <summary>Eliciting latent knowledge in the quick lab (issue 18).</summary>
[Collection("quick lab")]
public class LatentKnowledgeTests(QuickLabFixture lab)
{
    [Fact]
    public void TheHiddenLayerKnowsTheTruthThatTheReportedClassDoesNotSay()
    {
        double N(string key) => lab.Number("latent-knowledge", key);

        // The network learned the proxy (Bayes accuracy from four +-1.5 inputs with unit noise: Phi(3) = 0.99865, scipy 1.10
        // norm.cdf(3)) and is at chance on the truth, which is independent of the proxy (agreement 1/2).
        Assert.InRange(N("accuracy_on_proxy"), 0.95, 0.99865 + 0.01);
        Assert.InRange(N("accuracy_on_truth"), 0.42, 0.58);

        // I(hidden; truth) clearly positive by both estimators; the probe's bound above its random-features control.
        Assert.True(N("hidden_truth_knn_bits_low") > 0.15);
        Assert.True(N("hidden_truth_probe_bound_bits_low") > N("random_features_probe_bound_bits_high") + 0.02);
        Assert.True(N("random_features_probe_bound_bits") < 0.02);

        // The reported class says nothing (Miller-Madow on a 2 x 2 table of 600: |I| well under 0.01 bit), and the output
        // probability's k-NN estimate stays far under the hidden layer's.
        Assert.InRange(N("class_truth_miller_madow_bits"), -0.01, 0.01);
        Assert.True(N("output_truth_knn_bits_high") < N("hidden_truth_knn_bits_low"));
        Assert.True(N("class_truth_permutation_p") > 0.05);
    }

    [Fact]
    public void QuantileInterpolatesLikeNumpy()
    {
        // numpy 1.24: np.quantile([1, 2, 3, 4], [0.025, 0.975]) = [1.075, 3.925]; np.quantile([-1, 0.5, 3], [0.025, 0.975]) = [-0.925, 2.875].
        Assert.Equal(1.075, LatentKnowledgeExperiment.Quantile([1, 2, 3, 4], 0.025), 12);
        Assert.Equal(3.925, LatentKnowledgeExperiment.Quantile([1, 2, 3, 4], 0.975), 12);
        Assert.Equal(-0.925, LatentKnowledgeExperiment.Quantile([-1, 0.5, 3], 0.025), 12);
        Assert.Equal(2.875, LatentKnowledgeExperiment.Quantile([-1, 0.5, 3], 0.975), 12);
    }
}
