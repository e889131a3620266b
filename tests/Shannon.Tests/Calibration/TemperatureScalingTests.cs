using Shannon.Calibration;
using Shannon.Distributions;

namespace Shannon.Tests.Calibration;

public class TemperatureScalingTests
{
    /// <summary>
    /// A synthetic 5-class problem whose true conditional distribution is softmax(z) (labels are drawn from it), and an
    /// over-confident model that reports softmax(3 z): the ideal temperature is exactly 3.
    /// </summary>
    private static (double[] Logits, int[] Labels) OverConfident(int n, int seed)
    {
        const int k = 5;
        var random = new Random(seed);
        var logits = new double[n * k];
        var labels = new int[n];
        var p = new double[k];
        for (int i = 0; i < n; i++)
        {
            var z = logits.AsSpan(i * k, k);
            for (int j = 0; j < k; j++)
            {
                z[j] = 1.2 * Gaussian.StandardNormal(random);
            }

            Measures.Softmax(z, 1.0, p);
            double u = random.NextDouble(), c = 0;
            labels[i] = k - 1;
            for (int j = 0; j < k; j++)
            {
                c += p[j];
                if (u < c)
                {
                    labels[i] = j;
                    break;
                }
            }

            for (int j = 0; j < k; j++)
            {
                z[j] *= 3;
            }
        }

        return (logits, labels);
    }

    [Fact]
    public void LowersHeldOutNegativeLogLikelihoodAndCalibrationError()
    {
        var (validation, validationLabels) = OverConfident(4000, 1);
        var (test, testLabels) = OverConfident(10000, 2);
        var fit = TemperatureScaling.Fit(validation, 5, validationLabels);
        Assert.True(fit.Converged);
        Assert.True(fit.NegativeLogLikelihoodAfter < fit.NegativeLogLikelihoodBefore);

        // The over-confident model wants T > 1; the data were made so that T = 3 is ideal (a fit on 4000 labels lands
        // within a few tenths; this is a sanity bound, not a precision claim).
        Assert.InRange(fit.Temperature, 2.0, 4.5);

        double nllBefore = TemperatureScaling.NegativeLogLikelihood(test, 5, testLabels, 1.0);
        double nllAfter = TemperatureScaling.NegativeLogLikelihood(test, 5, testLabels, fit.Temperature);
        var before = TemperatureScaling.Apply(test, 5, testLabels, 1.0);
        var after = TemperatureScaling.Apply(test, 5, testLabels, fit.Temperature);
        double eceBefore = CalibrationMetrics.ExpectedCalibrationError(before);
        double eceAfter = CalibrationMetrics.ExpectedCalibrationError(after);
        Assert.True(nllAfter < nllBefore, $"NLL {nllBefore} -> {nllAfter}");
        Assert.True(eceAfter < eceBefore / 2, $"ECE {eceBefore} -> {eceAfter}");
        Assert.Equal(CalibrationMetrics.LogLoss(after, InformationUnit.Nats).Value, nllAfter, 1e-12);
    }

    [Fact]
    public void FittedTemperatureIsAStationaryPoint()
    {
        var (logits, labels) = OverConfident(2000, 9);
        var fit = TemperatureScaling.Fit(logits, 5, labels);
        double f = fit.NegativeLogLikelihoodAfter;
        foreach (double factor in new[] { 0.999, 1.001, 0.9, 1.1 })
        {
            Assert.True(TemperatureScaling.NegativeLogLikelihood(logits, 5, labels, fit.Temperature * factor) >= f);
        }
    }

    [Fact]
    public void BinaryLogitColumnEqualsTwoClassLogits()
    {
        var random = new Random(4);
        const int n = 500;
        var z = new double[n];
        var pair = new double[2 * n];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            double t = Gaussian.StandardNormal(random);
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-t)) ? 1 : 0;
            z[i] = 4 * t;
            pair[(2 * i) + 1] = z[i];
        }

        var one = TemperatureScaling.Fit(z, 1, labels);
        var two = TemperatureScaling.Fit(pair, 2, labels);
        Assert.Equal(two.Temperature, one.Temperature, 1e-9);
        Assert.Equal(two.NegativeLogLikelihoodAfter, one.NegativeLogLikelihoodAfter, 1e-12);
        var applied = TemperatureScaling.Apply(z, 1, labels, one.Temperature);
        Assert.Equal(1 / (1 + Math.Exp(-z[0] / one.Temperature)), applied.Probabilities[0], 1e-15);
    }

    [Fact]
    public void SeparableDataReportNotConverged()
    {
        // Every label is the arg max: the NLL decreases all the way to T -> 0.
        var fit = TemperatureScaling.Fit([1.0, 0.0, 0.0, 1.0], 2, [0, 1]);
        Assert.False(fit.Converged);
        Assert.Equal(TemperatureScaling.MinimumTemperature, fit.Temperature);
    }

    [Fact]
    public void BadInputNamesParameter()
    {
        var e1 = Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([1.0, 0.0, 0.5], 2, [0, 1]));
        Assert.Equal("logits", e1.ParamName);
        var e2 = Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([1.0, 0.0], 2, [3]));
        Assert.Equal("labels", e2.ParamName);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => TemperatureScaling.NegativeLogLikelihood([1.0, 0.0], 2, [0], 0));
        Assert.Equal("temperature", e3.ParamName);
    }
}
