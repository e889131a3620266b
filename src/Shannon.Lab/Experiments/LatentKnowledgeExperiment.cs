using ScottPlot;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Inference;
using Shannon.Lab.Language;
using Shannon.Lab.Models;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// Eliciting latent knowledge, in miniature: a network trained to report a proxy label that agrees with a hidden
/// truth bit only half of the time. Does its hidden layer carry the truth when its output does not? I(hidden; truth)
/// by a linear-probe lower bound (with a random-features control) and by Ross's k-NN estimator; I(output; truth) by
/// the same estimator and by Miller-Madow on the reported class; intervals over fresh test sets and permutation tests.
/// </summary>
public sealed class LatentKnowledgeExperiment : IExperiment
{
    /// <summary>Input dimensions: 4 carry the truth, 4 the proxy, 4 are noise.</summary>
    internal const int InputDimensions = 12;

    /// <summary>The network: 12 inputs, hidden layers of 16 and 8 tanh units, 2 outputs.</summary>
    internal static readonly int[] LayerSizes = [InputDimensions, 16, 8, 2];

    /// <inheritdoc/>
    public string Name => "latent-knowledge";

    /// <inheritdoc/>
    public string Title => "Eliciting latent knowledge: what a network knows but does not say";

    /// <summary>One draw of the data: truth Z, proxy P (agrees with Z with probability <paramref name="agreement"/>), inputs feature-major.</summary>
    internal static (double[] X, int[] Truth, int[] Proxy) Draw(int n, double agreement, Random random)
    {
        var standard = Shannon.Distributions.Gaussian.WithMeanStdDev(0, 1);
        var x = new double[InputDimensions * n];
        var truth = new int[n];
        var proxy = new int[n];
        for (int i = 0; i < n; i++)
        {
            truth[i] = random.Next(2);
            proxy[i] = random.NextDouble() < agreement ? truth[i] : 1 - truth[i];
            for (int d = 0; d < InputDimensions; d++)
            {
                double signal = d < 4 ? (2 * truth[i]) - 1 : d < 8 ? 1.5 * ((2 * proxy[i]) - 1) : 0;
                x[(d * n) + i] = signal + standard.Sample(random);
            }
        }

        return (x, truth, proxy);
    }

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        bool quick = context.Quick;
        const double agreement = 0.5;
        int nTrain = quick ? 2000 : 4000, nTest = quick ? 600 : 2000, epochs = quick ? 150 : 400, repeats = quick ? 3 : 10, permutations = quick ? 19 : 99;
        var random = new Random(2018);

        context.Report(Name, "training the network on the proxy label", 0.05);
        var (trainX, _, trainProxy) = Draw(nTrain, agreement, random);
        var net = new Mlp(new MlpOptions { LayerSizes = LayerSizes, LearningRate = 0.01, Seed = 3 });
        double loss = 0;
        for (int e = 0; e < epochs; e++)
        {
            loss = net.ComputeGradients(trainX, trainProxy);
            net.AdamStep();
        }

        // The probe is fitted once, on a separate draw passed through the trained network.
        context.Report(Name, "fitting the probes", 0.2);
        var (probeX, probeTruth, _) = Draw(nTrain, agreement, random);
        var probeHidden = RowMajorHidden(net, probeX, nTrain);
        var (centre, scale) = Standardiser(probeHidden, LayerSizes[2]);
        Standardise(probeHidden, centre, scale);
        var probeFit = SoftmaxProbe.Fit(probeHidden, Counts(probeTruth), LayerSizes[2], 2, maxIterations: 2000);
        var controlRandom = new Random(99);
        var controlFeatures = RandomFeatures(nTrain, LayerSizes[2], controlRandom);
        var controlFit = SoftmaxProbe.Fit(controlFeatures, Counts(probeTruth), LayerSizes[2], 2, maxIterations: 2000);

        var ross = new MixedMutualInformationEstimator();
        var probeBound = new double[repeats];
        var controlBound = new double[repeats];
        var rossHidden = new double[repeats];
        var rossOutput = new double[repeats];
        var classMi = new double[repeats];
        var rossHiddenProxy = new double[repeats];
        double accuracyProxy = 0, accuracyTruth = 0;
        double[] firstHidden = [];
        int[] firstTruth = [];
        double[] firstOutput = [];
        int[] firstClass = [];
        for (int r = 0; r < repeats; r++)
        {
            context.Report(Name, $"fresh test set {r + 1} of {repeats}", 0.25 + (0.55 * r / repeats));
            var (x, truth, proxy) = Draw(nTest, agreement, random);
            var (_, acc) = net.Evaluate(x, proxy);
            accuracyProxy += acc / repeats;
            accuracyTruth += net.Evaluate(x, truth).Accuracy / repeats;
            net.Forward(x, nTest);
            var hiddenFm = net.Activations(2).ToArray();
            var output = net.Activations(3).Slice(nTest, nTest).ToArray(); // p(reported = 1 | x)
            var reported = output.Select(p => p > 0.5 ? 1 : 0).ToArray();
            var hidden = Transpose(hiddenFm, LayerSizes[2], nTest);
            Standardise(hidden, centre, scale);
            // Variational bound: I(T; Z) >= H(Z) - CE(probe), with H(Z) = 1 bit by construction (Z a fair coin).
            probeBound[r] = 1 - probeFit.CrossEntropyBits(hidden, Counts(truth));
            controlBound[r] = 1 - controlFit.CrossEntropyBits(RandomFeatures(nTest, LayerSizes[2], controlRandom), Counts(truth));
            var columns = Enumerable.Range(0, LayerSizes[2]).Select(u => hiddenFm.AsSpan(u * nTest, nTest).ToArray()).ToArray();
            rossHidden[r] = ross.Estimate(Samples.FromColumns(columns), truth, InformationUnit.Bits).Value;
            rossHiddenProxy[r] = ross.Estimate(Samples.FromColumns(columns), proxy, InformationUnit.Bits).Value;
            rossOutput[r] = ross.Estimate(output, truth, InformationUnit.Bits).Value;
            classMi[r] = MillerMadowMi(reported, truth);
            if (r == 0)
            {
                firstHidden = hiddenFm;
                firstTruth = truth;
                firstOutput = output;
                firstClass = reported;
            }
        }

        context.Report(Name, "permutation tests", 0.85);
        var shuffled = (int[])firstTruth.Clone();
        var permRandom = new Random(7);
        var hiddenColumns = Enumerable.Range(0, LayerSizes[2]).Select(u => firstHidden.AsSpan(u * nTest, nTest).ToArray()).ToArray();
        var hiddenSamples = Samples.FromColumns(hiddenColumns);
        var outputSamples = Samples.FromColumn(firstOutput);
        int geHidden = 0, geOutput = 0;
        var nullHidden = new double[permutations];
        var nullOutput = new double[permutations];
        for (int b = 0; b < permutations; b++)
        {
            permRandom.Shuffle(shuffled);
            nullHidden[b] = ross.Estimate(hiddenSamples, shuffled, InformationUnit.Bits).Value;
            nullOutput[b] = ross.Estimate(outputSamples, shuffled, InformationUnit.Bits).Value;
            geHidden += nullHidden[b] >= rossHidden[0] ? 1 : 0;
            geOutput += nullOutput[b] >= rossOutput[0] ? 1 : 0;
        }

        double pHidden = (geHidden + 1.0) / (permutations + 1), pOutput = (geOutput + 1.0) / (permutations + 1);
        var classTest = PermutationTest.MutualInformation(DiscreteVariable.FromLabels(firstClass), DiscreteVariable.FromLabels(firstTruth), MillerMadowEntropyEstimator.Instance, InformationUnit.Bits,
            new PermutationTestOptions { Permutations = permutations, Seed = 7 });

        var rows = new List<object[]>
        {
            Row("I(hidden; truth), linear-probe bound H(Z) - CE", probeBound, "a lower bound: a better probe can only raise it"),
            Row("control: the same probe on random features", controlBound, "what a probe finds where there is nothing: about 0 or below"),
            Row("I(hidden; truth), Ross k-NN (k = 3)", rossHidden, $"permutation p = {F(pHidden, "0.000")} ({permutations} shuffles, first test set)"),
            Row("I(output; truth), Ross k-NN on p(reported = 1)", rossOutput, $"permutation p = {F(pOutput, "0.000")}"),
            Row("I(reported class; truth), Miller-Madow", classMi, $"permutation p = {F(classTest.PValue, "0.000")}"),
            Row("I(hidden; proxy), Ross k-NN (what the network was trained on)", rossHiddenProxy, "the network learned its task"),
        };
        result.Tables.Add(new ResultTable("estimates", $"What the network knows and what it says, in bits: mean and 95% range over {repeats} fresh test sets of {nTest:N0}",
            ["quantity", "mean (bits)", "2.5% (bits)", "97.5% (bits)", "note"], rows));

        double Mean(double[] v) => v.Average();
        result.Paragraphs.Add(
            $"The set-up: a hidden truth bit Z (a fair coin) and a proxy label P that agrees with it only {F(100 * agreement)}% of the time, so P and Z are independent and I(P; Z) = 0. " +
            "The input has 12 dimensions: four carry Z (+-1 plus unit Gaussian noise), four carry P (+-1.5 plus noise), four are noise. " +
            $"A 12-16-8-2 tanh network is trained on P alone ({epochs} full-batch Adam steps on {nTrain:N0} examples, final loss {F(loss, "0.000")} nats): it reports P with accuracy {F(accuracyProxy, "0.000")} and Z with accuracy {F(accuracyTruth, "0.000")}, chance.");
        result.Paragraphs.Add(
            $"The lesson's claim, measured: the hidden layer (8 units) carries the truth, I(hidden; Z) = {F(Mean(rossHidden), "0.000")} bits by Ross's k-NN estimator (permutation p = {F(pHidden, "0.000")}), " +
            $"and a linear probe fitted on a separate draw proves at least {F(Mean(probeBound), "0.000")} bits on fresh data (the bound H(Z) - CE; the same probe on random features gives {F(Mean(controlBound), "0.000")}). " +
            $"What it says is another matter: the reported class carries I(reported class; Z) = {F(Mean(classMi), "0.0000")} bits (Miller-Madow, permutation p = {F(classTest.PValue, "0.00")}), nothing. " +
            $"The output probability, read to all its decimals, leaks a little: I(output; Z) = {F(Mean(rossOutput), "0.000")} bits by the k-NN estimator (p = {F(pOutput, "0.000")}), because the trained weights on the truth's inputs are small but not zero; that is {F(Mean(rossOutput) / Mean(rossHidden), "0.00")} of what the hidden layer holds. " +
            "So the network 'knows' Z in the information-theoretic sense, I(internal state; truth) > 0, and does not say it: I(reported answer; truth) = 0.");
        result.Paragraphs.Add(
            "The honest limits. A probe gives a lower bound, and only for the family it searches (here linear): a weak probe can miss information that is there, and the k-NN estimate, though not a bound, is biased in 8 dimensions at this sample size. " +
            "A positive bound shows that the information is decodable from the state, not that the network uses it, 'believes' it, or would report it under another prompt; the probe's own training can also find structure the model never computes, which is why the random-features control and fresh test data matter. " +
            "Here the truth reaches the hidden layer simply because the input carries it and training on P had no reason to remove it; in a real model the question is which of many decodable variables is the model's own answer, and information theory alone cannot tell.");

        var plot = Plots.Create("Known but not said: I(hidden; truth) against I(output; truth)", "quantity", "bits");
        string[] labels = ["probe bound", "random control", "Ross: hidden", "Ross: output", "MM: class"];
        double[][] series = [probeBound, controlBound, rossHidden, rossOutput, classMi];
        Color[] colors = [Colors.SteelBlue, Colors.Gray, Colors.Navy, Colors.OrangeRed, Colors.DarkOrange];
        for (int i = 0; i < series.Length; i++)
        {
            var s = series[i];
            var sorted = s.Order().ToArray();
            var bar = plot.Add.Bar(i, s.Average());
            bar.Color = colors[i];
            var err = plot.Add.Line(i, Quantile(sorted, 0.025), i, Quantile(sorted, 0.975));
            err.Color = Colors.Black;
            err.LineWidth = 2;
        }

        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < labels.Length; i++)
        {
            ticks.AddMajor(i, labels[i]);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimits(-0.6, labels.Length - 0.4, Math.Min(-0.1, series.Min(s => s.Min()) - 0.05), Math.Max(0.6, series.Max(s => s.Max()) + 0.1));
        result.Figures.Add(new Figure("known-not-said", $"Bars: means over {repeats} fresh test sets; whiskers: the 2.5% to 97.5% range. Left three: the hidden layer's information about the truth (a probe bound, its random-features control, the k-NN estimate); right two: the output's.", plot, 850, 480));

        var hplot = Plots.Create("Permutation null of the k-NN estimate (first test set)", "I (bits)", "shuffles");
        const double binWidth = 0.005;
        double low = Math.Floor(nullHidden.Min() / binWidth) * binWidth;
        var binCounts = new SortedDictionary<int, int>();
        foreach (double v in nullHidden)
        {
            int k = (int)Math.Floor((v - low) / binWidth);
            binCounts[k] = binCounts.GetValueOrDefault(k) + 1;
        }

        var hb = hplot.Add.Bars(binCounts.Keys.Select(k => low + ((k + 0.5) * binWidth)).ToArray(), binCounts.Values.Select(c => (double)c).ToArray());
        foreach (var bar in hb.Bars)
        {
            bar.Size = binWidth * 0.9;
        }

        hb.LegendText = "I(hidden; shuffled truth)";
        hb.Color = Colors.Gray.WithAlpha(0.6);
        var obs = hplot.Add.VerticalLine(rossHidden[0]);
        obs.Color = Colors.Navy;
        obs.LineWidth = 2;
        obs.LegendText = $"I(hidden; truth) = {F(rossHidden[0], "0.000")}";
        var obs2 = hplot.Add.VerticalLine(rossOutput[0]);
        obs2.Color = Colors.OrangeRed;
        obs2.LineWidth = 2;
        obs2.LegendText = $"I(output; truth) = {F(rossOutput[0], "0.000")}";
        hplot.ShowLegend(Alignment.UpperCenter);
        result.Figures.Add(new Figure("permutation", "The k-NN estimate under shuffled truth labels (what 'no information' looks like for this estimator) against the two observed values.", hplot, 800, 420));

        result.KeyNumbers["agreement"] = agreement;
        result.KeyNumbers["accuracy_on_proxy"] = accuracyProxy;
        result.KeyNumbers["accuracy_on_truth"] = accuracyTruth;
        Put(result, "hidden_truth_probe_bound_bits", probeBound);
        Put(result, "random_features_probe_bound_bits", controlBound);
        Put(result, "hidden_truth_knn_bits", rossHidden);
        Put(result, "output_truth_knn_bits", rossOutput);
        Put(result, "class_truth_miller_madow_bits", classMi);
        Put(result, "hidden_proxy_knn_bits", rossHiddenProxy);
        result.KeyNumbers["hidden_truth_permutation_p"] = pHidden;
        result.KeyNumbers["output_truth_permutation_p"] = pOutput;
        result.KeyNumbers["class_truth_permutation_p"] = classTest.PValue;
        context.Report(Name, "done", 1);
        return result;
    }

    private static object[] Row(string label, double[] values, string note)
    {
        var sorted = values.Order().ToArray();
        return [label, values.Average(), Quantile(sorted, 0.025), Quantile(sorted, 0.975), note];
    }

    private static void Put(ExperimentResult result, string key, double[] values)
    {
        var sorted = values.Order().ToArray();
        result.KeyNumbers[key] = values.Average();
        result.KeyNumbers[key + "_low"] = Quantile(sorted, 0.025);
        result.KeyNumbers[key + "_high"] = Quantile(sorted, 0.975);
    }

    /// <summary>The linear-interpolation quantile of sorted values (numpy's default).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static double MillerMadowMi(int[] a, int[] b)
    {
        return DiscreteInformation.MutualInformation(a, b, MillerMadowEntropyEstimator.Instance, InformationUnit.Bits).Value;
    }

    /// <summary>Each unit's mean and standard deviation over row-major examples (the probe's features are z-scored with the probe-training draw's values).</summary>
    private static (double[] Centre, double[] Scale) Standardiser(double[] rows, int units)
    {
        int n = rows.Length / units;
        var centre = new double[units];
        var scale = new double[units];
        for (int u = 0; u < units; u++)
        {
            double m = 0, ss = 0;
            for (int i = 0; i < n; i++)
            {
                m += rows[(i * units) + u];
            }

            m /= n;
            for (int i = 0; i < n; i++)
            {
                double d = rows[(i * units) + u] - m;
                ss += d * d;
            }

            centre[u] = m;
            scale[u] = ss > 0 ? Math.Sqrt(ss / n) : 1;
        }

        return (centre, scale);
    }

    private static void Standardise(double[] rows, double[] centre, double[] scale)
    {
        int units = centre.Length;
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = (rows[i] - centre[i % units]) / scale[i % units];
        }
    }

    private static double[] RowMajorHidden(Mlp net, double[] x, int n)
    {
        net.Forward(x, n);
        return Transpose(net.Activations(2).ToArray(), LayerSizes[2], n);
    }

    private static double[] Transpose(double[] featureMajor, int units, int n)
    {
        var rows = new double[units * n];
        for (int u = 0; u < units; u++)
        {
            for (int i = 0; i < n; i++)
            {
                rows[(i * units) + u] = featureMajor[(u * n) + i];
            }
        }

        return rows;
    }

    private static double[] RandomFeatures(int n, int dimensions, Random random)
    {
        var standard = Shannon.Distributions.Gaussian.WithMeanStdDev(0, 1);
        return Enumerable.Range(0, n * dimensions).Select(_ => standard.Sample(random)).ToArray();
    }

    private static long[] Counts(int[] labels)
    {
        var counts = new long[labels.Length * 2];
        for (int i = 0; i < labels.Length; i++)
        {
            counts[(2 * i) + labels[i]] = 1;
        }

        return counts;
    }
}
