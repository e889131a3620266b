using ScottPlot;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// A softmax classifier trained from scratch (hand-written gradients, full-batch gradient descent) on synthetic
/// data whose true p(y | x) is known. Its cross-entropy falls towards the true conditional entropy H(Y|X);
/// the remaining gap is the expected KL divergence E_x D(p(.|x) || q(.|x)).
/// </summary>
public sealed class CrossEntropyExperiment : IExperiment
{
    /// <summary>Number of classes.</summary>
    public const int Classes = 4;

    private const int Features = 2;

    // True scores s_k(x) = w_k . x + b_k: four classes pulling towards the four sides of the square.
    private static readonly double[,] TrueWeights = { { 3.0, 0.0 }, { 0.0, 3.0 }, { -3.0, 0.0 }, { 0.0, -3.0 } };
    private static readonly double[] TrueBias = [0.4, 0.0, -0.2, 0.1];

    /// <inheritdoc/>
    public string Name => "cross-entropy";

    /// <inheritdoc/>
    public string Title => "Cross-entropy: training loss approaches H(Y|X), the gap is the KL";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int trainSize = context.Quick ? 400 : 2000;
        int testSize = context.Quick ? 2000 : 10_000;
        int populationSize = context.Quick ? 4000 : 20_000;
        int epochs = context.Quick ? 60 : 200;
        const double learningRate = 2.0;

        var random = new Random(20240607);
        var (xTrain, yTrain) = Sample(random, trainSize);
        var (xTest, yTest) = Sample(random, testSize);
        var (xPop, _) = Sample(random, populationSize);

        // True conditional distributions on the population points, and H(Y|X) by Monte Carlo with its standard error.
        var pTrue = new double[populationSize][];
        var hPoint = new double[populationSize];
        for (int i = 0; i < populationSize; i++)
        {
            pTrue[i] = TrueProbabilities(xPop, i);
            hPoint[i] = Measures.Entropy(pTrue[i], InformationUnit.Nats).Value;
        }

        var (hYgivenX, hError) = MeanAndError(hPoint);

        var weights = new double[Classes * (Features + 1)]; // zeros: the first prediction is uniform, ln 4 nats
        var trainCurve = new double[epochs + 1];
        var testCurve = new double[epochs + 1];
        var populationCurve = new double[epochs + 1];
        var klCurve = new double[epochs + 1];
        var q = new double[Classes];
        var kl = new double[populationSize];
        for (int epoch = 0; epoch <= epochs; epoch++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var gradient = new double[weights.Length];
            trainCurve[epoch] = MeanLoss(weights, xTrain, yTrain, gradient);
            testCurve[epoch] = MeanLoss(weights, xTest, yTest, null);
            double ce = 0;
            for (int i = 0; i < populationSize; i++)
            {
                Predict(weights, xPop, i, q);
                ce += Measures.CrossEntropy(pTrue[i], q, InformationUnit.Nats).Value;
                kl[i] = Measures.KullbackLeibler(pTrue[i], q, InformationUnit.Nats).Value;
            }

            populationCurve[epoch] = ce / populationSize;
            klCurve[epoch] = kl.Average();
            if (epoch < epochs)
            {
                for (int j = 0; j < weights.Length; j++)
                {
                    weights[j] -= learningRate * gradient[j];
                }
            }

            if (epoch % 10 == 0)
            {
                context.Report(Name, $"epoch {epoch}/{epochs}", (double)epoch / epochs);
            }
        }

        var (_, klError) = MeanAndError(kl);
        var testLosses = new double[testSize];
        for (int i = 0; i < testSize; i++)
        {
            Predict(weights, xTest, i, q);
            testLosses[i] = -Math.Log(q[yTest[i]]);
        }

        var (_, testError) = MeanAndError(testLosses);

        var result = new ExperimentResult(Name, Title);
        result.Paragraphs.Add(
            $"Data: x uniform on the square [-1, 1]^2, and a label y in {Classes} classes drawn from the known softmax of linear scores. " +
            $"A softmax classifier (weights from zero, hand-written gradient (q - onehot(y)) x, full-batch gradient descent, step {F(learningRate)}) " +
            $"trains on {trainSize:N0} examples for {epochs} epochs and is tested on {testSize:N0} fresh ones.");
        result.Paragraphs.Add(
            $"No model can beat the true conditional entropy H(Y|X) = {F(hYgivenX, "0.0000")} ± {F(hError, "0.0000")} nats " +
            $"({F(InformationUnits.Convert(hYgivenX, InformationUnit.Nats, InformationUnit.Bits), "0.0000")} bits; Monte Carlo over {populationSize:N0} points, ± one standard error) " +
            "on average: the expected cross-entropy decomposes as E_x H(p, q) = H(Y|X) + E_x D(p(.|x) || q(.|x)), and the KL term is >= 0. " +
            $"After training the gap is {F(klCurve[epochs], "0.00000")} nats. The measured test loss, {F(testCurve[epochs], "0.0000")} ± {F(testError, "0.0000")} nats, " +
            "scatters around that expectation by its sampling error; the training loss can dip below H(Y|X) because the model fits the noise of its own sample.");

        var epochAxis = Enumerable.Range(0, epochs + 1).Select(e => (double)e).ToArray();
        var plot = Plots.Create("Cross-entropy during training", "epoch", "cross-entropy (nats per example)");
        var fill = plot.Add.FillY(epochAxis, populationCurve, Enumerable.Repeat(hYgivenX, epochs + 1).ToArray());
        fill.FillColor = Colors.Orange.WithAlpha(0.3);
        fill.LineWidth = 0;
        fill.LegendText = "gap = E_x KL(p || q)";
        Line(plot, epochAxis, trainCurve, "train cross-entropy", Colors.SteelBlue);
        Line(plot, epochAxis, testCurve, "test cross-entropy", Colors.Green);
        Line(plot, epochAxis, populationCurve, "expected cross-entropy E_x H(p, q)", Colors.OrangeRed);
        var h = plot.Add.HorizontalLine(hYgivenX);
        h.Color = Colors.Black;
        h.LineWidth = 1.5f;
        h.LegendText = $"H(Y|X) = {F(hYgivenX, "0.000")} nats";
        plot.Axes.SetLimitsY(Math.Min(trainCurve.Min(), hYgivenX) - 0.05, Math.Log(Classes) + 0.05);
        plot.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("training", "Train, test and expected cross-entropy per epoch, approaching the true conditional entropy from above; the shaded gap is the KL divergence.", plot));

        var klPlot = Plots.Create("The gap: expected KL divergence per epoch", "epoch", "E_x KL(p || q) (nats)");
        Line(klPlot, epochAxis.Skip(1).ToArray(), klCurve.Skip(1).ToArray(), "E_x KL(p(.|x) || q(.|x))", Colors.OrangeRed);
        klPlot.Axes.SetLimitsY(0, klCurve[1] * 1.05);
        klPlot.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("kl-gap", "The gap between the expected cross-entropy and H(Y|X): the KL divergence of the model from the truth.", klPlot));

        var rows = new List<object[]>();
        foreach (int e in new[] { 0, 1, 5, 10, 20, 50, 100, 200, 300 }.Where(e => e <= epochs))
        {
            rows.Add([e, trainCurve[e], testCurve[e], populationCurve[e], klCurve[e]]);
        }

        result.Tables.Add(new ResultTable("epochs", "Cross-entropy per epoch (nats per example)",
            ["epoch", "train", "test", "expected E_x H(p, q)", "gap E_x KL"], rows));
        result.KeyNumbers["h_y_given_x_nats"] = hYgivenX;
        result.KeyNumbers["h_y_given_x_standard_error_nats"] = hError;
        result.KeyNumbers["final_train_nats"] = trainCurve[epochs];
        result.KeyNumbers["final_test_nats"] = testCurve[epochs];
        result.KeyNumbers["final_test_standard_error_nats"] = testError;
        result.KeyNumbers["final_expected_cross_entropy_nats"] = populationCurve[epochs];
        result.KeyNumbers["final_kl_nats"] = klCurve[epochs];
        result.KeyNumbers["final_kl_standard_error_nats"] = klError;
        result.KeyNumbers["initial_cross_entropy_nats"] = populationCurve[0];
        result.KeyNumbers["epochs"] = epochs;
        result.KeyNumbers["expected_curve"] = populationCurve;
        context.Report(Name, "done", 1);
        return result;
    }

    private static (double[] X, int[] Y) Sample(Random random, int n)
    {
        var x = new double[n * Features];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i * Features] = (2 * random.NextDouble()) - 1;
            x[(i * Features) + 1] = (2 * random.NextDouble()) - 1;
            var p = TrueProbabilities(x, i);
            double u = random.NextDouble(), cumulative = 0;
            int label = Classes - 1;
            for (int k = 0; k < Classes; k++)
            {
                cumulative += p[k];
                if (u < cumulative)
                {
                    label = k;
                    break;
                }
            }

            y[i] = label;
        }

        return (x, y);
    }

    private static double[] TrueProbabilities(double[] x, int i)
    {
        var scores = new double[Classes];
        for (int k = 0; k < Classes; k++)
        {
            scores[k] = (TrueWeights[k, 0] * x[i * Features]) + (TrueWeights[k, 1] * x[(i * Features) + 1]) + TrueBias[k];
        }

        var p = new double[Classes];
        Measures.Softmax(scores, 1.0, p);
        return p;
    }

    private static void Predict(double[] weights, double[] x, int i, double[] q)
    {
        Span<double> logits = stackalloc double[Classes];
        for (int k = 0; k < Classes; k++)
        {
            int o = k * (Features + 1);
            logits[k] = (weights[o] * x[i * Features]) + (weights[o + 1] * x[(i * Features) + 1]) + weights[o + 2];
        }

        Measures.Softmax(logits, 1.0, q);
    }

    /// <summary>The mean cross-entropy -ln q(y|x) in nats; accumulates the mean gradient (q - onehot(y)) [x, 1] when asked.</summary>
    private static double MeanLoss(double[] weights, double[] x, int[] y, double[]? gradient)
    {
        int n = y.Length;
        var q = new double[Classes];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            Predict(weights, x, i, q);
            loss -= Math.Log(q[y[i]]);
            if (gradient is null)
            {
                continue;
            }

            for (int k = 0; k < Classes; k++)
            {
                double delta = (q[k] - (k == y[i] ? 1 : 0)) / n;
                int o = k * (Features + 1);
                gradient[o] += delta * x[i * Features];
                gradient[o + 1] += delta * x[(i * Features) + 1];
                gradient[o + 2] += delta;
            }
        }

        return loss / n;
    }
}
