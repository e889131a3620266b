using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScottPlot;
using Shannon.Estimators.Discrete;
using Shannon.Lab.Corpora;
using Shannon.Lab.Language;
using Shannon.Text;
using Shannon.Lab.Report;

namespace Shannon.Lab.Experiments;

/// <summary>
/// Language: a character Kneser-Ney model's held-out cross-entropy per order beside gzip, bzip2 and xz and the
/// published estimates of the entropy of English; arithmetic coding with the model; sampling temperature against
/// entropy; word PMI and mutual information; SVD embeddings of shifted PPMI; and a linear probe's variational bound
/// on what the embeddings know about part of speech, against the count-based I(word; tag).
/// </summary>
public sealed class LanguageExperiment : IExperiment
{
    private static readonly double[] ShownTemperatures = [0.2, 0.5, 1.0, 1.5, 2.0];

    /// <inheritdoc/>
    public string Name => "language";

    /// <inheritdoc/>
    public string Title => "Language: the entropy of English, PMI, embeddings and probes";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        bool quick = context.Quick;
        context.Report(Name, "loading the corpus", 0);
        var corpus = EnglishText.TryLoadBrown(context.CacheDirectory, out var reason);
        Data data = corpus is not null ? FromBrown(corpus, quick) : FromFallback(reason);
        if (data.Note is not null)
        {
            result.Notes.Add(data.Note);
        }

        result.Paragraphs.Add(data.Description);
        result.KeyNumbers["corpus"] = data.Source;
        result.KeyNumbers["train_characters"] = (double)data.Train.Length;
        result.KeyNumbers["heldout_characters"] = (double)data.HeldOut.Length;

        CharacterModel(context, result, data, quick);
        var (tokens, table) = Pmi(context, result, data, quick);
        Embeddings(context, result, data, tokens, table, quick);
        context.Report(Name, "done", 1);
        return result;
    }

    private sealed record Data(
        string Source, string Description, string? Note, string Train, string HeldOut,
        List<List<TaggedToken>> TrainDocuments, List<List<TaggedToken>> HeldOutDocuments, bool Tagged);

    private static Data FromBrown(BrownCorpus corpus, bool quick)
    {
        var docs = corpus.Documents;
        if (quick)
        {
            docs = docs.Where((_, i) => i % 10 == 0 || i % 10 == 9).Take(60).ToList();
        }

        var train = new StringBuilder();
        var held = new StringBuilder();
        var trainDocs = new List<List<TaggedToken>>();
        var heldDocs = new List<List<TaggedToken>>();
        for (int d = 0; d < docs.Count; d++)
        {
            bool isHeld = d % 10 == 9;
            var sb = isHeld ? held : train;
            var tokens = new List<TaggedToken>();
            foreach (var sentence in docs[d].Sentences)
            {
                for (int i = 0; i < sentence.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    string w = sentence[i].Word;
                    sb.Append(w is "``" or "''" ? "\"" : w);
                    tokens.Add(sentence[i]);
                }

                sb.Append('\n');
            }

            (isHeld ? heldDocs : trainDocs).Add(tokens);
        }

        string description = string.Create(CultureInfo.InvariantCulture,
            $"Corpus: the Brown corpus ({BrownCorpus.PackageSpec}){(quick ? ", quick mode: a 60-file subset" : "")}, detagged as one sentence per line. Every 10th file (the 10th, 20th, ... in file-id order, so every genre is represented) is held out: {docs.Count - heldDocs.Count} training files ({train.Length:N0} characters) and {heldDocs.Count} held-out files ({held.Length:N0} characters). Every model is fitted on the training files only.");
        return new Data(quick ? "brown-subset" : "brown", description, null, train.ToString(), held.ToString(), trainDocs, heldDocs, true);
    }

    private static Data FromFallback(string? reason)
    {
        string text = EnglishText.Fallback();
        int cut = text.LastIndexOf('\n', text.Length * 9 / 10);
        if (cut <= 0)
        {
            cut = text.Length * 9 / 10;
        }

        string train = text[..cut], held = text[cut..];
        List<TaggedToken> Untagged(string s) => WordTokens.Split(s).Select(w => new TaggedToken(w, "")).ToList();
        var note = new CorpusText(text, "fallback", true, reason).FallbackNote();
        string description = $"Corpus: Shannon's built-in fallback text; the first 90% ({train.Length:N0} characters, cut at a line end) trains, the last 10% is held out. It has no part-of-speech tags, so the probing sections are skipped.";
        return new Data("fallback", description, note, train, held, [Untagged(train)], [Untagged(held)], false);
    }

    private static void CharacterModel(ExperimentContext context, ExperimentResult result, Data data, bool quick)
    {
        int maxOrder = quick ? 5 : 10;
        context.Report("language", $"training the order-{maxOrder} character model", 0.05);
        var watch = Stopwatch.StartNew();
        var model = CharacterLanguageModel.Train(data.Train, maxOrder);
        double trainSeconds = watch.Elapsed.TotalSeconds;
        context.Report("language", "scoring the held-out text at every order", 0.2);
        var eval = model.EvaluateAllOrders(data.HeldOut);
        context.Report("language", "running gzip, bzip2 and xz", 0.25);
        var compressors = CompressorBaseline.Measure(data.HeldOut);
        int best = eval.BestOrder;
        double bestBits = eval.BitsPerCharacter[best - 1];

        var rows = new List<object[]>();
        for (int n = 1; n <= maxOrder; n++)
        {
            var (contexts, ngrams) = model.Size(n);
            rows.Add([n, Math.Round(eval.BitsPerCharacter[n - 1], 4), contexts, ngrams, model.Discounts(n, false).ToString()]);
        }

        result.Tables.Add(new ResultTable("orders", "Held-out cross-entropy of the character model by order (interpolated modified Kneser-Ney)",
            ["order", "bits/char", "contexts", "n-grams", "discounts of the top order"], rows));
        var compressorRows = compressors.Select(c => new object[] { c.Name, c.CompressedBytes?.ToString(CultureInfo.InvariantCulture) ?? "-", c.BitsPerCharacter is { } b ? Math.Round(b, 4) : (object)(c.Problem ?? "-") }).ToList();
        compressorRows.Add([$"Kneser-Ney order {best}", Math.Round(bestBits * data.HeldOut.Length / 8), Math.Round(bestBits, 4)]);
        result.Tables.Add(new ResultTable("compressors", "The same held-out text through general-purpose compressors", ["program", "bytes", "bits/char"], compressorRows));

        var plot = Plots.Create("Held-out bits per character", "model order n (context of n - 1 characters)", "bits per character");
        var xs = Enumerable.Range(1, maxOrder).Select(i => (double)i).ToArray();
        var line = plot.Add.Scatter(xs, eval.BitsPerCharacter.ToArray());
        line.LegendText = "Kneser-Ney character model";
        line.LineWidth = 2;
        var palette = new[] { Colors.Gray, Colors.OrangeRed, Colors.Purple };
        for (int i = 0; i < compressors.Count; i++)
        {
            if (compressors[i].BitsPerCharacter is { } b)
            {
                var h = plot.Add.HorizontalLine(b);
                h.LegendText = $"{compressors[i].Name}: {b:0.000}";
                h.Color = palette[i % palette.Length];
                h.LinePattern = LinePattern.Dashed;
            }
        }

        (string Label, double Bits)[] published =
        [
            ("Brown et al. 1992 (upper bound, printable ASCII): 1.75", 1.75),
            ("Cover & King 1978 (gambling, 27 symbols): 1.3", 1.3),
            ("Shannon 1951 (guessing, 27 symbols): 0.6 to 1.3", 0.6),
        ];
        foreach (var (label, bits) in published)
        {
            var h = plot.Add.HorizontalLine(bits);
            h.LegendText = label;
            h.Color = Colors.SeaGreen;
            h.LinePattern = LinePattern.Dotted;
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimits(0.5, maxOrder + 0.5, 0, Math.Max(5, eval.BitsPerCharacter[0] + 0.3));
        result.Figures.Add(new Figure("bits-per-char", "Held-out cross-entropy per order against the compressors' code lengths on the same text and the published estimates of the entropy of English (the human estimates use a 27-symbol alphabet, so they are lower bounds for full text).", plot));

        // Arithmetic coding at the best order: the code length is the cross-entropy, and the text comes back.
        context.Report("language", $"arithmetic-coding the held-out text at order {best}", 0.3);
        string coded = quick ? data.HeldOut[..Math.Min(20_000, data.HeldOut.Length)] : data.HeldOut;
        var codeWatch = Stopwatch.StartNew();
        var code = ModelArithmeticCoder.Encode(model, coded, best);
        bool roundTrip = ModelArithmeticCoder.Decode(model, code) == coded;
        double codeSeconds = codeWatch.Elapsed.TotalSeconds;
        double codedCrossEntropy = coded.Length == data.HeldOut.Length ? bestBits : EvaluateOrder(model, coded, best);

        double? xz = compressors.FirstOrDefault(c => c.Name.StartsWith("xz", StringComparison.Ordinal))?.BitsPerCharacter;
        double? bzip2 = compressors.FirstOrDefault(c => c.Name.StartsWith("bzip2", StringComparison.Ordinal))?.BitsPerCharacter;
        result.Paragraphs.Add(string.Create(CultureInfo.InvariantCulture,
            $"Training all orders 1..{maxOrder} took {trainSeconds:0.0} s. The best order is {best}: {bestBits:0.000} bits per character on the held-out text, against {Fmt(bzip2)} for bzip2 -9 and {Fmt(xz)} for xz -9e on exactly the same characters. Cross-entropy is a code length: an arithmetic coder driven by the order-{best} model wrote {code.BitCount:N0} bits for {coded.Length:N0} characters, {code.BitsPerCharacter:0.0000} bits per character against the model's cross-entropy of {codedCrossEntropy:0.0000}, and decoding gave back the text {(roundTrip ? "exactly" : "WITH ERRORS")} ({codeSeconds:0.0} s for both ways). Low orders lack context; beyond the best order the contexts become too rare in a few million characters, and the back-off cannot recover all of it."));
        result.KeyNumbers["lm_best_order"] = best;
        result.KeyNumbers["lm_best_bits_per_char"] = bestBits;
        result.KeyNumbers["lm_train_seconds"] = trainSeconds;
        result.KeyNumbers["lm_max_order"] = maxOrder;
        for (int n = 1; n <= maxOrder; n++)
        {
            result.KeyNumbers[$"lm_order{n}_bits_per_char"] = eval.BitsPerCharacter[n - 1];
        }

        foreach (var c in compressors)
        {
            result.KeyNumbers[c.Name.Split(' ')[0] + "_bits_per_char"] = c.BitsPerCharacter is { } b ? b : (object)(c.Problem ?? "not run");
        }

        result.KeyNumbers["arithmetic_code_bits_per_char"] = code.BitsPerCharacter;
        result.KeyNumbers["arithmetic_code_cross_entropy_bits_per_char"] = codedCrossEntropy;
        result.KeyNumbers["arithmetic_code_round_trip"] = roundTrip;

        // Temperature: the entropy of what is written.
        context.Report("language", "sampling at several temperatures", 0.4);
        int sampleOrder = Math.Min(best, maxOrder);
                var sampleRows = new List<object[]>();
        foreach (double t in ShownTemperatures)
        {
            var s = model.Sample(quick ? 120 : 240, new SamplingOptions(t), new Random(2026), order: sampleOrder);
            sampleRows.Add([t, Math.Round(s.MeanEntropyBits, 3), s.Text.Replace("\n", " / ", StringComparison.Ordinal)]);
        }

        result.Tables.Add(new ResultTable("samples", $"Text sampled from the order-{sampleOrder} model (seed 2026) and the mean entropy of the distributions it was drawn from",
            ["temperature", "bits/char", "text"], sampleRows));
        var temperatures = Enumerable.Range(1, quick ? 8 : 16).Select(i => i * (quick ? 0.3 : 0.15)).ToArray();
        var entropies = temperatures.Select(t => model.Sample(quick ? 150 : 400, new SamplingOptions(t), new Random(7), order: sampleOrder).MeanEntropyBits).ToArray();
        var tplot = Plots.Create("Temperature sets the entropy of generated text", "temperature T", "mean entropy of the next-character distribution (bits)");
        var tl = tplot.Add.Scatter(temperatures, entropies);
        tl.LegendText = $"order-{sampleOrder} model, p^(1/T) renormalised";
        tl.LineWidth = 2;
        var held = tplot.Add.HorizontalLine(eval.BitsPerCharacter[sampleOrder - 1]);
        held.LegendText = "held-out cross-entropy at T = 1";
        held.LinePattern = LinePattern.Dashed;
        tplot.ShowLegend(Alignment.UpperLeft);
        result.Figures.Add(new Figure("temperature", "Mean entropy of the sampling distribution along generated text, against temperature (seed 7). At T = 1 the model's own uncertainty; below it the text turns repetitive, above it the letters turn to noise.", tplot));
        for (int i = 0; i < ShownTemperatures.Length; i++)
        {
            result.KeyNumbers[$"sample_entropy_T{ShownTemperatures[i].ToString(CultureInfo.InvariantCulture)}"] = (double)sampleRows[i][1];
        }
    }

    private static double EvaluateOrder(CharacterLanguageModel model, string text, int order) => model.EvaluateAllOrders(text).BitsPerCharacter[order - 1];

    private static string Fmt(double? bits) => bits is { } b ? b.ToString("0.000", CultureInfo.InvariantCulture) : "n/a (not installed)";

    private static string Normalize(string word) => word.ToLowerInvariant();

    private static bool IsWord(string word) => word.Any(char.IsLetterOrDigit);

    private static (WordTokens Tokens, CooccurrenceTable Table) Pmi(ExperimentContext context, ExperimentResult result, Data data, bool quick)
    {
        context.Report("language", "counting word co-occurrences (window 5)", 0.55);
        var watch = Stopwatch.StartNew();
        var documents = data.TrainDocuments.Concat(data.HeldOutDocuments)
            .Select(d => d.Select(t => Normalize(t.Word)).Where(IsWord));
        var tokens = WordTokens.FromDocuments(documents);
        var table = CooccurrenceTable.FromTokens(tokens, 5);
        double seconds = watch.Elapsed.TotalSeconds;
        double miNats = table.MutualInformationNats();
        double meanPmi = 0;
        for (int i = 0; i < table.PairCount; i++)
        {
            meanPmi += table.PairCounts[i] * table.PointwiseMutualInformationNats(i);
        }

        meanPmi /= table.Total;
        var smoothed = table.SmoothedContextProbabilities(0.75);
        int minCount = quick || !data.Tagged ? 3 : 20;
        var rows = table.TopPairs(minCount, 15).Select(i => new object[]
        {
            tokens.Words[table.X[i]], tokens.Words[table.Y[i]], table.PairCounts[i],
            Math.Round(table.PointwiseMutualInformationNats(i) / Math.Log(2), 3), Math.Round(table.NormalizedPointwiseMutualInformation(i), 3),
            Math.Round(table.ShiftedPositivePointwiseMutualInformationNats(i, smoothed, 1) / Math.Log(2), 3), Math.Round(table.ShiftedPositivePointwiseMutualInformationNats(i, smoothed, 5) / Math.Log(2), 3),
        }).ToList();
        result.Tables.Add(new ResultTable("pmi", $"Most associated word pairs within 5 words (pairs seen at least {minCount} times)",
            ["x", "y", "count", "PMI (bits)", "NPMI", "PPMI, alpha = 0.75 (bits)", "SPPMI, k = 5 (bits)"], rows));
        result.Paragraphs.Add(string.Create(CultureInfo.InvariantCulture,
            $"Word co-occurrence: {tokens.TokenCount:N0} word tokens ({tokens.Words.Count:N0} distinct, lower-cased, punctuation dropped), every pair within 5 words inside a file counted in both orders: {table.Total:N0} pairs, {table.PairCount:N0} distinct, counted in parallel in {seconds:0.00} s. The mutual information of the pair table is I(X;Y) = {miNats / Math.Log(2):0.0000} bits, and the count-weighted mean of the PMI over all {table.PairCount:N0} pairs is {meanPmi / Math.Log(2):0.0000} bits: MI is the expected PMI. Rare pairs top a raw PMI ranking, hence the minimum count; NPMI rescales to [-1, 1], and PPMI with context smoothing (alpha = 0.75) and the shift log k are what word2vec's negative sampling implicitly factorises."));
        result.KeyNumbers["pmi_seconds"] = seconds;
        result.KeyNumbers["pmi_pairs"] = (double)table.Total;
        result.KeyNumbers["pmi_mi_bits"] = miNats / Math.Log(2);
        result.KeyNumbers["pmi_mean_pmi_bits"] = meanPmi / Math.Log(2);
        return (tokens, table);
    }

    private static void Embeddings(ExperimentContext context, ExperimentResult result, Data data, WordTokens tokens, CooccurrenceTable table, bool quick)
    {
        context.Report("language", "factorising the shifted PPMI matrix", 0.65);
        int vocabulary = quick ? 1500 : 10_000;
        int dimensions = quick ? 32 : 100;
        const double shift = 1;
        var watch = Stopwatch.StartNew();
        var embeddings = WordEmbeddings.FromCooccurrence(tokens, table, vocabulary, dimensions, shift, 0.75, seed: 11);
        double svdSeconds = watch.Elapsed.TotalSeconds;
        string[] probes = ["president", "money", "church", "she", "went", "blue", "three", "good", "city", "quickly"];
        var neighbourRows = new List<object[]>();
        foreach (var w in probes)
        {
            int id = tokens.IdOf(w);
            if (id < 0 || id >= embeddings.Words.Count)
            {
                continue;
            }

            var near = embeddings.Nearest(id, 6);
            neighbourRows.Add([w, string.Join(", ", near.Select(n => $"{embeddings.Words[n.Id]} ({n.Cosine:0.00})"))]);
        }

        if (neighbourRows.Count == 0)
        {
            for (int id = 20; id < Math.Min(embeddings.Words.Count, 26); id++)
            {
                neighbourRows.Add([embeddings.Words[id], string.Join(", ", embeddings.Nearest(id, 5).Select(n => $"{embeddings.Words[n.Id]} ({n.Cosine:0.00})"))]);
            }
        }

        result.Tables.Add(new ResultTable("neighbours", $"Nearest neighbours (cosine) in the SVD embedding of the PPMI matrix ({embeddings.Words.Count:N0} words, {embeddings.Dimensions} dimensions)",
            ["word", "nearest words"], neighbourRows));
        result.KeyNumbers["embedding_vocabulary"] = (double)embeddings.Words.Count;
        result.KeyNumbers["embedding_dimensions"] = (double)embeddings.Dimensions;
        result.KeyNumbers["embedding_seconds"] = svdSeconds;
        if (!data.Tagged)
        {
            result.Paragraphs.Add(string.Create(CultureInfo.InvariantCulture,
                $"Embeddings: randomized SVD (seed 11) of the PPMI matrix (alpha = 0.75) of the {embeddings.Words.Count:N0} most frequent words in {svdSeconds:0.00} s. Without tags there is no part-of-speech evaluation or probe."));
            return;
        }

        // Each word's most frequent coarse tag over the whole corpus.
        context.Report("language", "evaluating neighbours against part of speech", 0.75);
        var tagCounts = new Dictionary<(int Word, int Tag), long>();
        var tagIndex = BrownTags.Coarse.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        foreach (var doc in data.TrainDocuments.Concat(data.HeldOutDocuments))
        {
            foreach (var t in doc)
            {
                string w = Normalize(t.Word);
                int id = IsWord(w) ? tokens.IdOf(w) : -1;
                if (id >= 0 && id < embeddings.Words.Count)
                {
                    var key = (id, tagIndex[BrownTags.ToCoarse(t.Tag)]);
                    tagCounts[key] = tagCounts.GetValueOrDefault(key) + 1;
                }
            }
        }

        var majority = new int[embeddings.Words.Count];
        Array.Fill(majority, -1);
        foreach (var group in tagCounts.GroupBy(p => p.Key.Word))
        {
            majority[group.Key] = group.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Tag).First().Key.Tag;
        }

        int queries = quick ? 300 : 2000;
        var (agreement, baseline, used) = embeddings.LabelAgreement(majority, queries, 10);
        result.KeyNumbers["neighbour_pos_agreement"] = agreement;
        result.KeyNumbers["neighbour_pos_random_baseline"] = baseline;

        // Probe: train on the training files' tokens, test on the held-out files' tokens (words in the vocabulary).
        context.Report("language", "fitting the linear probe", 0.85);
        var (trainFeatures, trainCounts, trainTokens) = ProbeData(data.TrainDocuments, tokens, embeddings, tagIndex);
        var (testFeatures, testCounts, testTokens) = ProbeData(data.HeldOutDocuments, tokens, embeddings, tagIndex);
        int classes = BrownTags.Coarse.Count;
        var fit = SoftmaxProbe.Fit(trainFeatures.Features, trainCounts, embeddings.Dimensions, classes, maxIterations: quick ? 150 : 400, cancellationToken: context.CancellationToken);
        double probeCe = fit.CrossEntropyBits(testFeatures.Features, testCounts);
        var control = RandomFeatures(embeddings.Words.Count, embeddings.Dimensions, seed: 5);
        var controlFit = SoftmaxProbe.Fit(Gather(control, trainFeatures.Ids, embeddings.Dimensions), trainCounts, embeddings.Dimensions, classes, maxIterations: quick ? 150 : 400, cancellationToken: context.CancellationToken);
        double controlCe = controlFit.CrossEntropyBits(Gather(control, testFeatures.Ids, embeddings.Dimensions), testCounts);

        var (miHeld, hTagHeld, hTagGivenWordHeld) = MillerMadow(PairCounts(testFeatures.Ids, testCounts, classes, embeddings.Words.Count));
        var (miTrain, _, hTagGivenWordTrain) = MillerMadow(PairCounts(trainFeatures.Ids, trainCounts, classes, embeddings.Words.Count));
        double ln2 = Math.Log(2);
        double hTag = hTagHeld / ln2;
        double bound = hTag - probeCe, controlBound = hTag - controlCe;
        var rows = new List<object[]>
        {
            new object[] { "H(tag), held-out tokens (Miller-Madow)", Math.Round(hTag, 4) },
            new object[] { "I(word; tag), held-out tokens (Miller-Madow)", Math.Round(miHeld / ln2, 4) },
            new object[] { "I(word; tag), training tokens (Miller-Madow)", Math.Round(miTrain / ln2, 4) },
            new object[] { "H(tag | word), training tokens (Miller-Madow)", Math.Round(hTagGivenWordTrain / ln2, 4) },
            new object[] { "H(tag | word), held-out tokens (Miller-Madow)", Math.Round(hTagGivenWordHeld / ln2, 4) },
            new object[] { "probe held-out cross-entropy CE", Math.Round(probeCe, 4) },
            new object[] { "probe bound I(embedding; tag) >= H(tag) - CE", Math.Round(bound, 4) },
            new object[] { "control: random vectors per word, bound", Math.Round(controlBound, 4) },
        };
        result.Tables.Add(new ResultTable("probe", "What the embedding knows about part of speech (bits per token)", ["quantity", "bits"], rows));
        var bplot = Plots.Create("Part of speech: counts against a linear probe", "quantity (held-out tokens)", "bits per token");
        double[] values = [hTag, miHeld / ln2, bound, controlBound];
        string[] labels = ["H(tag)", "I(word; tag)\ncounts", "probe bound\nSVD embedding", "probe bound\nrandom vectors"];
        var bars = bplot.Add.Bars(values);
        for (int i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].Label = values[i].ToString("0.000", CultureInfo.InvariantCulture);
        }

        bars.ValueLabelStyle.FontSize = 14;
        bplot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
        bplot.Axes.Margins(bottom: 0);
        result.Figures.Add(new Figure("probe", "The entropy of the coarse tag, the count-based I(word; tag), and the variational lower bounds H(tag) - CE from linear probes on the SVD embedding and on random word vectors (held-out tokens).", bplot));
        result.Paragraphs.Add(string.Create(CultureInfo.InvariantCulture,
            $"Embeddings: randomized SVD (Halko et al. 2011, seed 11, 2 power iterations) of the PPMI matrix (alpha = 0.75{(shift > 1 ? $", shift log {shift}" : ", no shift: k = 1, which Levy et al. 2015 found best for SVD")}) of the {embeddings.Words.Count:N0} most frequent words, {embeddings.Dimensions} dimensions, in {svdSeconds:0.00} s. For the {used:N0} most frequent tagged words, {agreement:P1} of the 10 nearest neighbours share the word's most frequent coarse tag, against {baseline:P1} for neighbours drawn at random: distributional similarity is largely syntactic. A softmax probe on the embedding ({fit.Iterations} Adam steps{(fit.Converged ? ", converged" : "")}), trained on {trainTokens:N0} tokens of the training files and scored on {testTokens:N0} held-out tokens, reaches a cross-entropy of {probeCe:0.000} bits, so I(embedding; tag) >= H(tag) - CE = {hTag:0.000} - {probeCe:0.000} = {bound:0.000} bits, while counting gives I(word; tag) = {miHeld / ln2:0.000} bits (Miller-Madow; the embedding is a function of the word, so the bound cannot exceed it). Random word vectors of the same size give {controlBound:0.000} bits: a linear probe can only use what the geometry makes linear."));
        result.KeyNumbers["probe_cross_entropy_bits"] = probeCe;
        result.KeyNumbers["probe_bound_bits"] = bound;
        result.KeyNumbers["probe_control_bound_bits"] = controlBound;
        result.KeyNumbers["tag_entropy_bits"] = hTag;
        result.KeyNumbers["word_tag_mi_bits"] = miHeld / ln2;
        result.KeyNumbers["tag_given_word_entropy_bits"] = hTagGivenWordTrain / ln2;
    }

    private sealed record ProbeFeatures(double[] Features, int[] Ids);

    private static (ProbeFeatures Features, long[] Counts, long Tokens) ProbeData(List<List<TaggedToken>> documents, WordTokens tokens, WordEmbeddings embeddings, Dictionary<string, int> tagIndex)
    {
        int classes = tagIndex.Count;
        var counts = new Dictionary<int, long[]>();
        long n = 0;
        foreach (var doc in documents)
        {
            foreach (var t in doc)
            {
                string w = Normalize(t.Word);
                int id = IsWord(w) ? tokens.IdOf(w) : -1;
                if (id >= 0 && id < embeddings.Words.Count)
                {
                    if (!counts.TryGetValue(id, out var c))
                    {
                        counts[id] = c = new long[classes];
                    }

                    c[tagIndex[BrownTags.ToCoarse(t.Tag)]]++;
                    n++;
                }
            }
        }

        var ids = counts.Keys.Order().ToArray();
        var features = Gather(embeddings.Vectors, ids, embeddings.Dimensions);
        var flat = new long[ids.Length * classes];
        for (int e = 0; e < ids.Length; e++)
        {
            counts[ids[e]].CopyTo(flat, e * classes);
        }

        return (new ProbeFeatures(features, ids), flat, n);
    }

    private static double[] Gather(double[] vectors, int[] ids, int dimensions)
    {
        var x = new double[ids.Length * dimensions];
        for (int e = 0; e < ids.Length; e++)
        {
            Array.Copy(vectors, ids[e] * dimensions, x, e * dimensions, dimensions);
        }

        return x;
    }

    private static double[] RandomFeatures(int words, int dimensions, int seed)
    {
        var random = new Random(seed);
        var x = new double[words * dimensions];
        for (int w = 0; w < words; w++)
        {
            double norm = 0;
            for (int d = 0; d < dimensions; d++)
            {
                double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
                x[(w * dimensions) + d] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                norm += x[(w * dimensions) + d] * x[(w * dimensions) + d];
            }

            for (int d = 0; d < dimensions; d++)
            {
                x[(w * dimensions) + d] /= Math.Sqrt(norm);
            }
        }

        return x;
    }

    /// <summary>The (word, tag) count table of the probe's tokens: one cell per word and tag seen together.</summary>
    private static CountTable PairCounts(int[] ids, long[] counts, int classes, int wordCount)
    {
        var words = new List<int>();
        var tags = new List<int>();
        var cells = new List<long>();
        for (int e = 0; e < ids.Length; e++)
        {
            for (int c = 0; c < classes; c++)
            {
                if (counts[(e * classes) + c] > 0)
                {
                    words.Add(ids[e]);
                    tags.Add(c);
                    cells.Add(counts[(e * classes) + c]);
                }
            }
        }

        return CountTable.FromCells([words.ToArray(), tags.ToArray()], cells.ToArray(), [wordCount, classes]);
    }

    /// <summary>I(word; tag), H(tag) and H(tag | word) = H(word, tag) - H(word) in nats, each entropy Miller-Madow corrected.</summary>
    private static (double MutualInformation, double EntropyTag, double ConditionalEntropyTagGivenWord) MillerMadow(CountTable table)
    {
        var mi = DiscreteInformation.MutualInformation(table, [0], [1], MillerMadowEntropyEstimator.Instance, InformationUnit.Nats);
        double hWord = mi.Diagnostic("h_x")!.Value, hTag = mi.Diagnostic("h_y")!.Value, hJoint = mi.Diagnostic("h_xy")!.Value;
        return (mi.Value, hTag, hJoint - hWord);
    }
}
