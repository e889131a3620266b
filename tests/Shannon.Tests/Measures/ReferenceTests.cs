using Shannon.Distributions;

namespace Shannon.Tests.ExactMeasures;

/// <summary>
/// Exact measures against external tools. Every expected value was printed by tools/reference/foundation.py run with
/// Debian bookworm's /usr/bin/python3 (scipy 1.10.1, numpy 1.24.2, scikit-learn 1.2.1); the exact call is in each comment.
/// Tolerance 1e-12 absolute: both sides sum a handful of double terms, so they agree to a few ulps of values of order 1.
/// </summary>
public class ReferenceTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void KullbackLeiblerMatchesScipyDocumentedExample()
    {
        // scipy.stats.entropy([0.5, 0.5], [0.9, 0.1], base=2) = 0.7369655941662062 (also in scipy's docs).
        Assert.Equal(0.7369655941662062, Shannon.Measures.KullbackLeibler([0.5, 0.5], [0.9, 0.1], InformationUnit.Bits).Value, Tolerance);

        // scipy.stats.entropy([0.5, 0.5], [0.9, 0.1]) (nats)
        Assert.Equal(0.5108256237659907, Shannon.Measures.KullbackLeibler([0.5, 0.5], [0.9, 0.1], InformationUnit.Nats).Value, Tolerance);
    }

    [Fact]
    public void ReverseKullbackLeiblerSwapsTheArguments()
    {
        // scipy.stats.entropy([0.9, 0.1], [0.5, 0.5], base=2)
        Assert.Equal(0.5310044064107188, Shannon.Measures.ReverseKullbackLeibler([0.5, 0.5], [0.9, 0.1], InformationUnit.Bits).Value, Tolerance);
    }

    [Fact]
    public void EntropyMatchesScipy()
    {
        // scipy.stats.entropy([0.1, 0.2, 0.3, 0.4]) and base=10
        Assert.Equal(1.2798542258336676, Shannon.Measures.Entropy([0.1, 0.2, 0.3, 0.4], InformationUnit.Nats).Value, Tolerance);
        Assert.Equal(0.5558336279201201, Shannon.Measures.Entropy([0.1, 0.2, 0.3, 0.4], InformationUnit.Hartleys).Value, Tolerance);
    }

    [Fact]
    public void DivergencesWithAZeroInPMatchScipy()
    {
        double[] p = [0.2, 0.0, 0.5, 0.3], q = [0.1, 0.4, 0.25, 0.25];

        // scipy.stats.entropy(p, q)
        Assert.Equal(0.5398994934301481, Shannon.Measures.KullbackLeibler(p, q, InformationUnit.Nats).Value, Tolerance);

        // scipy.stats.entropy(p) + scipy.stats.entropy(p, q)
        Assert.Equal(1.5695525074947216, Shannon.Measures.CrossEntropy(p, q, InformationUnit.Nats).Value, Tolerance);

        // scipy.spatial.distance.jensenshannon(p, q) (natural log) and its square
        Assert.Equal(0.4117034146373909, Shannon.Measures.JensenShannonDistance(p, q, InformationUnit.Nats), Tolerance);
        Assert.Equal(0.16949970162408742, Shannon.Measures.JensenShannon(p, q, InformationUnit.Nats).Value, Tolerance);
    }

    [Fact]
    public void JensenShannonDistanceMatchesScipyInBits()
    {
        // scipy.spatial.distance.jensenshannon([1.0, 0.0], [0.5, 0.5], base=2)
        Assert.Equal(0.5579230452841438, Shannon.Measures.JensenShannonDistance([1.0, 0.0], [0.5, 0.5], InformationUnit.Bits), Tolerance);
    }

    [Fact]
    public void MutualInformationMatchesScikitLearnOnAContingencyTable()
    {
        // sklearn.metrics.mutual_info_score(None, None, contingency=np.array([[10, 5, 0], [2, 8, 4], [1, 1, 9]])) (nats)
        var joint = JointDistribution.FromCounts([10, 5, 0, 2, 8, 4, 1, 1, 9], 3, 3);
        Assert.Equal(0.35975886127975243, Shannon.Measures.MutualInformation(joint, InformationUnit.Nats).Value, Tolerance);
    }

    [Fact]
    public void SoftmaxWithTemperatureMatchesScipy()
    {
        double[] z = [2.0, 1.0, 0.1];
        var p = new double[3];
        var logp = new double[3];
        Shannon.Measures.Softmax(z, 0.7, p);
        Shannon.Measures.LogSoftmax(z, 0.7, logp);

        // scipy.special.softmax(np.array([2.0, 1.0, 0.1]) / 0.7) and log_softmax of the same
        double[] expected = [0.7657534852495442, 0.18351361639895536, 0.050732898351500376];
        double[] expectedLog = [-0.26689498186002897, -1.6954664104314576, -2.9811806961457434];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], p[i], Tolerance);
            Assert.Equal(expectedLog[i], logp[i], Tolerance);
        }

        // scipy.stats.entropy(scipy.special.softmax(np.array([2.0, 1.0, 0.1]) / 0.7))
        Assert.Equal(0.6667608722411806, Shannon.Measures.EntropyFromLogits(z, 0.7, InformationUnit.Nats).Value, Tolerance);

        // scipy.stats.entropy(softmax(np.array([3.0, -1.0, 0.5, 2.0]) / 2.5), base=2)
        Assert.Equal(1.7812148847825287, Shannon.Measures.EntropyFromLogits([3.0, -1.0, 0.5, 2.0], 2.5, InformationUnit.Bits).Value, Tolerance);
    }

    [Fact]
    public void LogSumExpMatchesScipyWhereNaiveExpOverflows()
    {
        // scipy.special.logsumexp(np.array([1000.0, 1000.0, 999.0])); exp(1000) overflows a double.
        Assert.Equal(1000.8619948040582, Shannon.Measures.LogSumExp([1000.0, 1000.0, 999.0]), 1e-10);
    }

    [Fact]
    public void GaussianEntropiesMatchScipy()
    {
        var cov = new double[,] { { 2.0, 0.3, 0.1 }, { 0.3, 1.0, -0.2 }, { 0.1, -0.2, 0.5 } };

        // scipy.stats.multivariate_normal(mean=[0, 0, 0], cov=cov).entropy()
        Assert.Equal(4.177317733868789, Shannon.Measures.DifferentialEntropy(MultivariateGaussian.WithCovariance(cov), InformationUnit.Nats).Value, Tolerance);

        // scipy.stats.multivariate_normal(mean=0, cov=4.0).entropy()
        Assert.Equal(2.112085713764618, Shannon.Measures.DifferentialEntropy(Gaussian.WithMeanStdDev(0, 2), InformationUnit.Nats).Value, Tolerance);

        // 1/2 ln(det S_xx det S_yy / det S) with numpy.linalg.det, X = {0}, Y = {1, 2}
        Assert.Equal(0.03780706127570352, Shannon.Measures.GaussianMutualInformation(cov, [0], [1, 2], InformationUnit.Nats).Value, Tolerance);
    }

    [Fact]
    public void MultivariateGaussianKullbackLeiblerMatchesAnIndependentNumpyFormula()
    {
        // kl_mvn in tools/reference/foundation.py: numpy.linalg.inv and det, not Cholesky.
        var p = MultivariateGaussian.WithMeanCovariance([0, 0], new double[,] { { 1, 0.5 }, { 0.5, 2 } });
        var q = MultivariateGaussian.WithMeanCovariance([1, -1], new double[,] { { 2, 0.3 }, { 0.3, 1 } });
        Assert.Equal(1.2165185961715055, Shannon.Measures.KullbackLeibler(p, q, InformationUnit.Nats).Value, Tolerance);
    }
}
