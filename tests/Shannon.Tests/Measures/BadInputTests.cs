using Shannon.Distributions;

namespace Shannon.Tests.ExactMeasures;

/// <summary>Every contract violation throws an ArgumentException naming the parameter and the bad value.</summary>
public class BadInputTests
{
    private static void AssertNames<T>(Action act, string parameter, params string[] fragments)
        where T : ArgumentException
    {
        var ex = Assert.ThrowsAny<T>(act);
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains($"`{parameter}`", ex.Message, StringComparison.Ordinal);
        foreach (var f in fragments)
        {
            Assert.Contains(f, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NaNAndInfinityAreRejectedWithTheirIndex()
    {
        AssertNames<ArgumentException>(() => Shannon.Measures.Entropy([0.5, double.NaN, 0.5], InformationUnit.Bits), "probabilities", "NaN", "index 1");
        AssertNames<ArgumentException>(() => Shannon.Measures.Entropy([double.PositiveInfinity, 0.5], InformationUnit.Bits), "probabilities", "Infinity", "index 0");
        AssertNames<ArgumentException>(() => Shannon.Measures.KullbackLeibler([0.5, 0.5], [0.5, double.NaN], InformationUnit.Bits), "q", "NaN", "index 1");
    }

    [Fact]
    public void NegativeEntriesAreRejected() =>
        AssertNames<ArgumentException>(() => Shannon.Measures.Entropy([1.5, -0.5], InformationUnit.Bits), "probabilities", "-0.5", "index 1");

    [Fact]
    public void ASumOffOneNamesTheToleranceAndIsNotRenormalised()
    {
        AssertNames<ArgumentException>(() => Shannon.Measures.Entropy([0.5, 0.2], InformationUnit.Bits), "probabilities", "0.7", "tolerance 1E-09");
        AssertNames<ArgumentException>(() => Shannon.Measures.CrossEntropy([0.5, 0.5], [0.6, 0.6], InformationUnit.Bits), "q", "1.2");

        // Within the tolerance it is accepted as given.
        Assert.Equal(1.0, Shannon.Measures.Entropy([0.5, 0.5 + 1e-12], InformationUnit.Bits).Value, 1e-9);
    }

    [Fact]
    public void MismatchedLengthsNameBothArguments() =>
        AssertNames<ArgumentException>(() => Shannon.Measures.KullbackLeibler([0.5, 0.5], [0.2, 0.3, 0.5], InformationUnit.Bits), "q", "`p`", "length 3");

    [Fact]
    public void EmptyInputThrowsInsteadOfReturningNaN()
    {
        AssertNames<ArgumentException>(() => Shannon.Measures.Entropy([], InformationUnit.Bits), "probabilities", "empty");
        AssertNames<ArgumentException>(() => Shannon.Measures.EntropyFromLogits([], 1.0, InformationUnit.Bits), "logits", "empty");
        AssertNames<ArgumentException>(() => Categorical.FromCounts(ReadOnlySpan<double>.Empty), "counts", "empty");
    }

    [Fact]
    public void CountsMustHaveAPositiveTotal()
    {
        AssertNames<ArgumentException>(() => Categorical.FromCounts([0.0, 0.0]), "counts", "all zeros");
        AssertNames<ArgumentException>(() => Categorical.FromCounts([3L, -1L]), "counts", "-1", "index 1");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TemperatureMustBePositiveAndFinite(double temperature)
    {
        var dest = new double[2];
        AssertNames<ArgumentOutOfRangeException>(() => Shannon.Measures.Softmax([1.0, 2.0], temperature, dest), "temperature", "> 0");
        AssertNames<ArgumentOutOfRangeException>(() => Categorical.FromLogits([1.0, 2.0], temperature), "temperature");
    }

    [Fact]
    public void ANonPositiveDefiniteCovarianceIsNamed()
    {
        // Perfectly correlated variables: a singular matrix.
        AssertNames<ArgumentException>(() => MultivariateGaussian.WithCovariance(new double[,] { { 1, 1 }, { 1, 1 } }), "covariance", "positive definite", "pivot 1");
        AssertNames<ArgumentException>(() => MultivariateGaussian.WithCovariance(new double[,] { { 1, 0.2 }, { 0.3, 1 } }), "covariance", "symmetric");
        AssertNames<ArgumentException>(() => Shannon.Measures.GaussianMutualInformation(new double[,] { { 1, 2 }, { 2, 1 } }, [0], [1], InformationUnit.Bits), "covariance", "positive definite");
        AssertNames<ArgumentOutOfRangeException>(() => Gaussian.WithMeanStdDev(0, 0), "stdDev", "> 0");
    }

    [Fact]
    public void AnUndefinedUnitIsRejected() =>
        AssertNames<ArgumentOutOfRangeException>(() => Shannon.Measures.Entropy([1.0], default), "unit", "Bits, Nats or Hartleys");

    [Fact]
    public void JointShapesAreChecked()
    {
        AssertNames<ArgumentException>(() => JointDistribution.FromProbabilities([0.5, 0.5], 2, 2), "probabilities", "length 4", "length 2");
        AssertNames<ArgumentOutOfRangeException>(() => JointDistribution.FromProbabilities([1.0], 0, 1), "shape");
        var three = JointDistribution.FromProbabilities([0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0], 2, 2, 2);
        AssertNames<ArgumentException>(() => Shannon.Measures.MutualInformation(three, InformationUnit.Bits), "joint", "2 variables");
    }

    [Fact]
    public void PmiArgumentsAreConsistent() =>
        AssertNames<ArgumentException>(() => Shannon.Measures.PointwiseMutualInformation(0.5, 0.2, 0.9, InformationUnit.Bits), "jointProbability", "0.5");

    [Fact]
    public void InputsAreNotMutated()
    {
        double[] p = [0.2, 0.0, 0.5, 0.3], q = [0.1, 0.4, 0.25, 0.25], z = [1e308, -1e308, 3];
        double[] p0 = (double[])p.Clone(), q0 = (double[])q.Clone(), z0 = (double[])z.Clone();
        _ = Shannon.Measures.KullbackLeibler(p, q, InformationUnit.Bits);
        _ = Shannon.Measures.JensenShannon(p, q, InformationUnit.Bits);
        _ = Shannon.Measures.LocalCrossEntropy(p, q, InformationUnit.Bits);
        _ = Categorical.FromLogits(z, 0.5);
        Assert.Equal(p0, p);
        Assert.Equal(q0, q);
        Assert.Equal(z0, z);
    }
}
