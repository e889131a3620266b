using CsCheck;
using Shannon.Distributions;
using Shannon.Lab.Models;

namespace Shannon.Lab.Tests.Models;

public sealed class SoftmaxFitTests
{
    [Fact]
    public void OneStep_OnABinaryTarget_IsTheLogisticOfOne()
    {
        // P = (1, 0), z0 = 0: q0 = (1/2, 1/2), z1 = z0 - (q0 - p) = (1/2, -1/2), so q1 = (sigma(1), 1 - sigma(1)) with
        // sigma(1) = 1 / (1 + e^-1) = 0.7310585786300049 (the logistic function at 1, to 16 digits).
        var path = SoftmaxFit.Trajectory(Categorical.FromProbabilities([1.0, 0.0]), 1, 1.0);
        Assert.Equal([0.5, 0.5], path[0]);
        Assert.Equal(0.7310585786300049, path[1][0], 1e-15);
        Assert.Equal(1 - 0.7310585786300049, path[1][1], 1e-15);
    }

    [Fact]
    public void TheLoss_NeverRises_ForAStepOfAtMostTwo()
    {
        // The Hessian of H(P, softmax(z)) in z is diag(q) - q q^T, whose largest eigenvalue is at most 1/2, so gradient
        // descent with a step <= 2 = 1 / L never raises the loss (the descent lemma for an L-smooth convex function).
        Gen.Select(Gen.Double[0, 1].Array[2, 10], Gen.Double[0.01, 2]).Sample((weights, rate) =>
        {
            if (weights.Sum() <= 0)
            {
                return;
            }

            var target = Categorical.FromWeights(weights);
            var p = target.Probabilities.ToArray();
            var path = SoftmaxFit.Trajectory(target, 60, rate);
            for (int t = 1; t < path.Length; t++)
            {
                Assert.True(Measures.CrossEntropy(p, path[t], InformationUnit.Nats).Value <= Measures.CrossEntropy(p, path[t - 1], InformationUnit.Nats).Value + 1e-12);
            }
        });
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        var target = Categorical.FromProbabilities([0.5, 0.5]);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxFit.Trajectory(target, -1, 1)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxFit.Trajectory(target, 1, 0)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxFit.Trajectory(target, 1, double.NaN)).ParamName);
    }
}
