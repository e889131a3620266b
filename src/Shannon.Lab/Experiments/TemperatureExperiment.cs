using ScottPlot;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// Temperature: the entropy of softmax(z / T) of a real model's logits (a character bigram model of the corpus
/// text) for T from 0.1 to 5, and samples at several temperatures with their measured diversity.
/// </summary>
public sealed class TemperatureExperiment : IExperiment
{
    /// <summary>The additive smoothing of the bigram counts.</summary>
    public const double Smoothing = 0.1;

    /// <inheritdoc/>
    public string Name => "temperature";

    /// <inheritdoc/>
    public string Title => "Temperature: sharpening and flattening a model's predictions";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        var corpus = LoadCorpus(context, result);

        string text = context.Quick ? corpus.Text[..Math.Min(corpus.Text.Length, 200_000)] : corpus.Text;
        context.Report(Name, "training the bigram model", 0.1);
        var model = CharacterBigramModel.Train(text, Smoothing);

        var temperatures = Enumerable.Range(1, 50).Select(k => k / 10.0).ToArray();
        var entropies = new double[temperatures.Length];
        for (int t = 0; t < temperatures.Length; t++)
        {
            entropies[t] = model.MeanEntropy(temperatures[t]);
        }

        double maxEntropy = Math.Log2(model.Size);
        double atOne = entropies[9];
        context.Report(Name, "entropy against temperature", 0.3);

        var plot = Plots.Create("Entropy of softmax(z / T) of a character bigram model", "temperature T", "mean entropy of the next character (bits)");
        Line(plot, temperatures, entropies, "mean over contexts of H(softmax(z / T))", Colors.SteelBlue, 2.5f);
        var max = plot.Add.HorizontalLine(maxEntropy);
        max.Color = Colors.Gray;
        max.LegendText = $"log2 {model.Size} = {F(maxEntropy, "0.000")} bits (uniform, T -> infinity)";
        var one = plot.Add.Marker(1, atOne);
        one.MarkerSize = 10;
        one.Color = Colors.OrangeRed;
        one.LegendText = $"T = 1: the model itself, {F(atOne, "0.000")} bits";
        plot.Axes.SetLimits(0, 5.1, 0, maxEntropy * 1.08);
        plot.ShowLegend(Alignment.LowerRight);
        result.Figures.Add(new Figure("entropy", "The context-weighted mean entropy of the next-character distribution softmax(z / T) rises monotonically with T: from near 0 (always the likeliest character) to log2 K (uniform).", plot));

        double[] sampleTemperatures = [0.25, 0.5, 1.0, 1.5, 2.5, 5.0];
        int length = context.Quick ? 600 : 5000;
        var random = new Random(1951);
        var rows = new List<object[]>();
        var distinct3 = new double[sampleTemperatures.Length];
        var sampleEntropy = new double[sampleTemperatures.Length];
        var excerpts = new List<object[]>();
        for (int s = 0; s < sampleTemperatures.Length; s++)
        {
            double t = sampleTemperatures[s];
            string sample = model.Sample(t, length, ' ', random);
            double d2 = DistinctFraction(sample, 2), d3 = DistinctFraction(sample, 3);
            var (_, counts, _) = CharacterCounts(sample);
            double h = Measures.Entropy(Shannon.Distributions.Categorical.FromCounts(counts), InformationUnit.Bits).Value;
            distinct3[s] = d3;
            sampleEntropy[s] = h;
            rows.Add([t, model.MeanEntropy(t), h, d2, d3]);
            excerpts.Add([t, sample[..Math.Min(100, sample.Length)].Replace('\n', '/')]);
            result.KeyNumbers[$"sample_T{F(t)}_distinct_trigram_fraction"] = d3;
            result.KeyNumbers[$"sample_T{F(t)}_char_entropy_bits"] = h;
            context.Report(Name, "sampling", 0.4 + (0.5 * s / sampleTemperatures.Length));
        }

        // Two quantities, two axes: a fraction on the left, the sample's character entropy in bits on the right (issue 18:
        // the old single axis read "fraction, or bits / 8").
        var diversity = Plots.Create($"Diversity of {length:N0}-character samples against temperature", "temperature T", "distinct 3-grams / all 3-grams (fraction)");
        var d3Line = Line(diversity, sampleTemperatures, distinct3, "distinct 3-grams / all 3-grams (left axis)", Colors.SteelBlue, 2.5f);
        d3Line.MarkerSize = 8;
        d3Line.MarkerShape = MarkerShape.FilledCircle;
        var hLine = Line(diversity, sampleTemperatures, sampleEntropy, "character entropy of the sample (right axis, bits)", Colors.OrangeRed, 2.5f);
        hLine.MarkerSize = 8;
        hLine.MarkerShape = MarkerShape.FilledSquare;
        OnRightAxis(diversity, hLine, "character entropy of the sample (bits)");
        // A two-point line on the right axis (a HorizontalLine would be read against the left axis's limits).
        var ceiling = Line(diversity, [0, 5.2], [maxEntropy, maxEntropy], "", Colors.OrangeRed.WithAlpha(0.5), 1.5f);
        ceiling.Axes.YAxis = diversity.Axes.Right;
        ceiling.LegendText = $"log2 {model.Size} = {F(maxEntropy, "0.00")} bits: the most a character can carry (right axis)";
        diversity.Axes.SetLimitsX(0, 5.2);
        diversity.Axes.SetLimitsY(0, 1.08, diversity.Axes.Left);
        diversity.Axes.SetLimitsY(0, maxEntropy * 1.08, diversity.Axes.Right);
        diversity.ShowLegend(Edge.Bottom);
        result.Figures.Add(new Figure("diversity", "Samples at low temperature repeat a few likely strings; at high temperature they approach uniform noise: nearly every 3-gram is new (left axis) and the character entropy climbs toward log2 K (right axis).", diversity, 800, 560));

        result.Tables.Add(new ResultTable("samples", "Samples at several temperatures and their diversity",
            ["T", "model entropy (bits/char)", "sample character entropy (bits)", "distinct 2-grams fraction", "distinct 3-grams fraction"], rows));
        result.Tables.Add(new ResultTable("excerpts", "The first 100 characters of each sample (/ = line break)", ["T", "sample"], excerpts));
        result.Paragraphs.Add(
            $"The model: character bigram probabilities of {corpus.Source} ({text.Length:N0} characters, {model.Size} distinct), " +
            $"counts smoothed by {F(Smoothing)}; its logits are z = ln p(next | previous). Sampling from softmax(z / T) divides the logits by T: " +
            $"T < 1 sharpens the distribution, T > 1 flattens it. At T = 1 the mean entropy is the model's conditional entropy, {F(atOne, "0.000")} bits per character; " +
            $"it falls to {F(entropies[0], "0.000")} bits at T = 0.1 and rises to {F(entropies[^1], "0.000")} bits at T = 5, towards log2 {model.Size} = {F(maxEntropy, "0.000")}.");
        result.KeyNumbers["alphabet_size"] = model.Size;
        result.KeyNumbers["entropy_T0.1_bits"] = entropies[0];
        result.KeyNumbers["entropy_T1_bits"] = atOne;
        result.KeyNumbers["entropy_T5_bits"] = entropies[^1];
        result.KeyNumbers["entropy_is_monotone_in_T"] = entropies.Zip(entropies.Skip(1)).All(pair => pair.Second >= pair.First);
        result.KeyNumbers["temperatures"] = temperatures;
        result.KeyNumbers["entropies_bits"] = entropies;
        context.Report(Name, "done", 1);
        return result;
    }

    private static double DistinctFraction(string text, int n)
    {
        int total = text.Length - n + 1;
        if (total <= 0)
        {
            return 0;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < total; i++)
        {
            seen.Add(text.Substring(i, n));
        }

        return (double)seen.Count / total;
    }
}
