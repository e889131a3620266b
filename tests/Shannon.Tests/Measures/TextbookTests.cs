using Shannon.Distributions;

namespace Shannon.Tests.ExactMeasures;

/// <summary>
/// Worked examples with analytic answers: Cover &amp; Thomas, Elements of Information Theory, 2nd ed. (2006), and
/// closed forms. Tolerance 1e-12: the answers are exact rationals or single logarithms.
/// </summary>
public class TextbookTests
{
    private const double Tolerance = 1e-12;

    /// <summary>Cover &amp; Thomas example 2.2.1: rows are Y = 1..4, columns X = 1..4.</summary>
    private static JointDistribution Example221() => JointDistribution.FromProbabilities(
        [
            1 / 8.0, 1 / 16.0, 1 / 32.0, 1 / 32.0,
            1 / 16.0, 1 / 8.0, 1 / 32.0, 1 / 32.0,
            1 / 16.0, 1 / 16.0, 1 / 16.0, 1 / 16.0,
            1 / 4.0, 0, 0, 0,
        ],
        rows: 4,
        columns: 4);

    [Fact]
    public void Example221EntropiesAreTheBooksFractions()
    {
        var joint = Example221();
        const InformationUnit bits = InformationUnit.Bits;

        // H(X) = 7/4, H(Y) = 2, H(X|Y) = 11/8, H(Y|X) = 13/8, H(X,Y) = 27/8, I(X;Y) = 3/8 bits.
        Assert.Equal(7 / 4.0, Shannon.Measures.Entropy(joint.MarginalOf(1), bits).Value, Tolerance);
        Assert.Equal(2.0, Shannon.Measures.Entropy(joint.MarginalOf(0), bits).Value, Tolerance);
        Assert.Equal(11 / 8.0, Shannon.Measures.ConditionalEntropy(joint, bits).Value, Tolerance);
        Assert.Equal(13 / 8.0, Shannon.Measures.ConditionalEntropy(joint, [0], [1], bits).Value, Tolerance);
        Assert.Equal(27 / 8.0, Shannon.Measures.JointEntropy(joint, bits).Value, Tolerance);
        Assert.Equal(3 / 8.0, Shannon.Measures.MutualInformation(joint, bits).Value, Tolerance);

        // VI = H(X|Y) + H(Y|X) = 11/8 + 13/8 = 3 bits (Meila 2007's definition).
        Assert.Equal(3.0, Shannon.Measures.VariationOfInformation(joint, bits).Value, Tolerance);
    }

    [Fact]
    public void Example231KullbackLeiblerIsAsymmetric()
    {
        // p = (1/2, 1/2), q = (3/4, 1/4): D(p||q) = 1 - (1/2) log2 3, D(q||p) = (3/4) log2 3 - 1.
        Assert.Equal(0.20751874963942196, Shannon.Measures.KullbackLeibler([0.5, 0.5], [0.75, 0.25], InformationUnit.Bits).Value, Tolerance);
        Assert.Equal(0.18872187554086706, Shannon.Measures.KullbackLeibler([0.75, 0.25], [0.5, 0.5], InformationUnit.Bits).Value, Tolerance);
    }

    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(4, 2.0)]
    [InlineData(8, 3.0)]
    [InlineData(6, 2.584962500721156)] // a fair die: log2 6
    [InlineData(52, 5.700439718141092)] // one card of 52: log2 52
    public void UniformEntropyIsLogOfTheCount(int count, double bits)
    {
        Assert.Equal(bits, Shannon.Measures.Entropy(Categorical.Uniform(count), InformationUnit.Bits).Value, Tolerance);
    }

    [Fact]
    public void BinaryEntropyHasItsMaximumOfOneBitAtOneHalf()
    {
        Assert.Equal(1.0, Shannon.Measures.BinaryEntropy(0.5, InformationUnit.Bits).Value, 0);
        Assert.Equal(0.0, Shannon.Measures.BinaryEntropy(0.0, InformationUnit.Bits).Value, 0);
        Assert.Equal(0.0, Shannon.Measures.BinaryEntropy(1.0, InformationUnit.Bits).Value, 0);

        // scipy.stats.entropy([0.11, 0.89], base=2)
        Assert.Equal(0.499915958164528, Shannon.Measures.BinaryEntropy(0.11, InformationUnit.Bits).Value, Tolerance);
    }

    [Fact]
    public void InformationContentIsMinusLogP()
    {
        Assert.Equal(1.0, Shannon.Measures.InformationContent(0.5, InformationUnit.Bits).Value, 0);
        Assert.Equal(5.700439718141092, Shannon.Measures.InformationContent(1 / 52.0, InformationUnit.Bits).Value, Tolerance);
        Assert.Equal(double.PositiveInfinity, Shannon.Measures.InformationContent(0, InformationUnit.Bits).Value);
        Assert.Equal(0.0, Shannon.Measures.InformationContent(1, InformationUnit.Nats).Value);
    }

    [Fact]
    public void XorHasMinusOneBitOfCoInformation()
    {
        // Z = X xor Y with X, Y fair independent bits: I(X;Y) = 0, I(X;Y|Z) = 1, co-information -1 bit (dit's coinformation).
        var p = new double[8];
        for (int x = 0; x < 2; x++)
        {
            for (int y = 0; y < 2; y++)
            {
                p[(((x * 2) + y) * 2) + (x ^ y)] = 0.25;
            }
        }

        var joint = JointDistribution.FromProbabilities(p, 2, 2, 2);
        Assert.Equal(-1.0, Shannon.Measures.InteractionInformation(joint, InformationUnit.Bits).Value, Tolerance);
        Assert.Equal(1.0, Shannon.Measures.ConditionalMutualInformation(joint, InformationUnit.Bits).Value, Tolerance);
        Assert.Equal(1.0, Shannon.Measures.TotalCorrelation(joint, InformationUnit.Bits).Value, Tolerance);
    }

    [Fact]
    public void ThreeCopiesOfABitHaveTwoBitsOfTotalCorrelationAndOneOfCoInformation()
    {
        // X = Y = Z a fair bit: sum H(Xi) - H(X,Y,Z) = 3 - 1 = 2 bits; co-information 3 - 3 + 1 = 1 bit.
        var p = new double[8];
        p[0] = 0.5;
        p[7] = 0.5;
        var joint = JointDistribution.FromProbabilities(p, 2, 2, 2);
        Assert.Equal(2.0, Shannon.Measures.TotalCorrelation(joint, InformationUnit.Bits).Value, Tolerance);
        Assert.Equal(1.0, Shannon.Measures.InteractionInformation(joint, InformationUnit.Bits).Value, Tolerance);
        Assert.Equal(0.0, Shannon.Measures.ConditionalMutualInformation(joint, InformationUnit.Bits).Value, Tolerance);
    }

    [Fact]
    public void NormalizedPmiHasBoumasThreeAnchors()
    {
        // Bouma (2009): -1 never together, 0 independent, +1 always together.
        Assert.Equal(-1.0, Shannon.Measures.NormalizedPointwiseMutualInformation(0, 0.3, 0.4));
        Assert.Equal(0.0, Shannon.Measures.NormalizedPointwiseMutualInformation(0.12, 0.3, 0.4), Tolerance);
        Assert.Equal(1.0, Shannon.Measures.NormalizedPointwiseMutualInformation(0.3, 0.3, 0.3), Tolerance);
        Assert.Equal(1.0, Shannon.Measures.PointwiseMutualInformation(0.25, 0.5, 0.25, InformationUnit.Bits).Value, Tolerance);
        Assert.Equal(0.0, Shannon.Measures.PositivePointwiseMutualInformation(0.05, 0.5, 0.25, InformationUnit.Bits).Value);
    }

    [Fact]
    public void ShiftedPpmiSubtractsLogKAndContextSmoothingReweightsContexts()
    {
        // Independent 2x2 table: PMI = 0 everywhere, so PPMI = 0 and shifted PPMI (k = 5) = max(0 - ln 5, 0) = 0.
        var independent = JointDistribution.Independent(Categorical.FromProbabilities([0.5, 0.5]), Categorical.FromProbabilities([0.2, 0.8]));
        Assert.All(Shannon.Measures.PositivePointwiseMutualInformationMatrix(independent, InformationUnit.Nats, 1.0, 5.0), v => Assert.Equal(0.0, v));

        // Diagonal table [[0.5, 0], [0, 0.5]]: PMI = ln 2 on the diagonal; shifted by k = 2 gives 0; alpha = 0.75 leaves the
        // uniform context distribution unchanged (0.5^0.75 / (2 * 0.5^0.75) = 0.5).
        var diagonal = JointDistribution.FromProbabilities([0.5, 0, 0, 0.5], 2, 2);
        var ppmi = Shannon.Measures.PositivePointwiseMutualInformationMatrix(diagonal, InformationUnit.Nats, 0.75, 1.0);
        Assert.Equal(Math.Log(2), ppmi[0], Tolerance);
        Assert.Equal(0.0, ppmi[1]);
        Assert.Equal(0.0, Shannon.Measures.PositivePointwiseMutualInformationMatrix(diagonal, InformationUnit.Nats, 1.0, 2.0)[0], Tolerance);
    }

    [Fact]
    public void GaussianClosedForms()
    {
        // I = -1/2 ln(1 - rho^2): rho = 0.9 gives -1/2 ln 0.19 (Python: -0.5*math.log(1-0.81)).
        Assert.Equal(0.8303656034108255, Shannon.Measures.GaussianMutualInformation(0.9, InformationUnit.Nats).Value, Tolerance);

        // rho = 1e-8: -1/2 ln(1 - 1e-16) = 5e-17 (Python: -0.5*math.log1p(-1e-16)); a naive log(1 - rho^2) gives 5.55e-17.
        Assert.Equal(5e-17, Shannon.Measures.GaussianMutualInformation(1e-8, InformationUnit.Nats).Value, 1e-30);
        Assert.Equal(double.PositiveInfinity, Shannon.Measures.GaussianMutualInformation(-1, InformationUnit.Nats).Value);

        // D(N(0,1) || N(1,2^2)) = ln 2 + (1 + 1) / 8 - 1/2 = 0.4431471805599453.
        var kl = Shannon.Measures.KullbackLeibler(Gaussian.WithMeanStdDev(0, 1), Gaussian.WithMeanStdDev(1, 2), InformationUnit.Nats);
        Assert.Equal(0.4431471805599453, kl.Value, Tolerance);

        // A univariate Gaussian as a 1x1 multivariate one gives the same KL.
        var p1 = MultivariateGaussian.WithMeanCovariance([0], new double[,] { { 1 } });
        var q1 = MultivariateGaussian.WithMeanCovariance([1], new double[,] { { 4 } });
        Assert.Equal(0.4431471805599453, Shannon.Measures.KullbackLeibler(p1, q1, InformationUnit.Nats).Value, Tolerance);

        // h(N(0, sigma^2)) = 1/2 log2(2 pi e sigma^2); sigma = 1: 2.047095585180641 bits (Python: 0.5*math.log2(2*math.pi*math.e)).
        Assert.Equal(2.047095585180641, Shannon.Measures.DifferentialEntropy(Gaussian.WithMeanStdDev(3, 1), InformationUnit.Bits).Value, Tolerance);
    }
}
