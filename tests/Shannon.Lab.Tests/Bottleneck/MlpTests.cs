using Shannon.Estimators.InformationPlane;
using Shannon.Lab.Models;

namespace Shannon.Lab.Tests.Bottleneck;

public class MlpTests
{
    [Theory]
    [InlineData(HiddenActivation.Tanh)]
    [InlineData(HiddenActivation.Relu)]
    public void GradientsAgreeWithCentralFiniteDifferences(HiddenActivation activation)
    {
        var net = new Mlp(new MlpOptions { Activation = activation, Seed = 3 });
        var random = new Random(11);
        int batch = 9;
        var x = new double[12 * batch];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (2 * random.NextDouble()) - 1;
        }

        var y = Enumerable.Range(0, batch).Select(_ => random.Next(2)).ToArray();
        net.ComputeGradients(x, y);
        var analytic = Enumerable.Range(0, net.WeightLayerCount).Select(l => (W: net.WeightGradients(l).ToArray(), B: net.BiasGradients(l).ToArray())).ToArray();
        const double h = 1e-6;
        for (int l = 0; l < net.WeightLayerCount; l++)
        {
            for (int i = 0; i < analytic[l].W.Length; i++)
            {
                Check(analytic[l].W[i], () => net.Weights(l)[i], v => net.Weights(l)[i] = v);
            }

            for (int j = 0; j < analytic[l].B.Length; j++)
            {
                Check(analytic[l].B[j], () => net.Biases(l)[j], v => net.Biases(l)[j] = v);
            }
        }

        void Check(double expected, Func<double> get, Action<double> set)
        {
            double w = get();
            set(w + h);
            double up = net.Evaluate(x, y).Loss;
            set(w - h);
            double down = net.Evaluate(x, y).Loss;
            set(w);
            double numeric = (up - down) / (2 * h);
            // Central differences: truncation O(h^2) ~ 1e-12, rounding ~ 1e-16 / h ~ 1e-10 (losses of order 1).
            Assert.InRange(expected - numeric, -1e-7, 1e-7);
        }
    }

    [Fact]
    public void SoftmaxOutputsAreProbabilities()
    {
        var net = new Mlp(new MlpOptions { Seed = 1 });
        var x = InformationPlaneData.Inputs();
        net.Forward(x, InformationPlaneData.Count);
        var p = net.Activations(net.LayerSizes.Count - 1);
        for (int b = 0; b < InformationPlaneData.Count; b++)
        {
            Assert.Equal(1.0, p[b] + p[InformationPlaneData.Count + b], 1e-12);
        }
    }

    [Fact]
    public void SameSeedGivesIdenticalRunsAndAnotherSeedDoesNot()
    {
        var options = new InformationPlaneOptions { Epochs = 12, TrackedEpochs = 6, Estimators = [PlaneEstimator.FixedWidthBinning], Seed = 4 };
        var a = InformationPlaneTraining.Run(options);
        var b = InformationPlaneTraining.Run(options);
        var c = InformationPlaneTraining.Run(options with { Seed = 5 });
        Assert.Equal(a.TrainLossPerEpoch, b.TrainLossPerEpoch);
        Assert.Equal(a.TestAccuracy, b.TestAccuracy);
        Assert.Equal(a.Planes[PlaneEstimator.FixedWidthBinning].Cast<PlanePoint>(), b.Planes[PlaneEstimator.FixedWidthBinning].Cast<PlanePoint>());
        Assert.NotEqual(a.TrainLossPerEpoch, c.TrainLossPerEpoch);
    }

    [Fact]
    public void TrainingLowersTheLoss()
    {
        var run = InformationPlaneTraining.Run(new InformationPlaneOptions { Epochs = 60, TrackedEpochs = 5, Estimators = [], Seed = 1 });
        Assert.True(run.TrainLossPerEpoch[^1] < 0.8 * run.TrainLossPerEpoch[0], $"loss {run.TrainLossPerEpoch[0]} -> {run.TrainLossPerEpoch[^1]}");
    }

    [Fact]
    public void LogSpacedEpochsStartAtZeroAndEndAtTheLastEpoch()
    {
        var e = InformationPlaneTraining.LogSpacedEpochs(10_000, 130);
        Assert.Equal(0, e[0]);
        Assert.Equal(10_000, e[^1]);
        Assert.True(e.Length >= 100, $"{e.Length} tracked epochs");
        Assert.True(e.Zip(e.Skip(1)).All(p => p.First < p.Second));
    }
}
