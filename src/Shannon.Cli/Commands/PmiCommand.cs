using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Shannon.Cli.Output;
using Shannon.Text;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon pmi FILE [--window W] [--min-count M] [--top N] [--json]`: word co-occurrence PMI, NPMI, PPMI with context
/// smoothing and shifted PPMI for the most associated pairs, and the mutual information I = E[PMI] of the pair table.
/// </summary>
internal static class PmiCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A UTF-8 text; words are lower-cased runs of letters and digits; blank lines separate documents." };
        var window = new Option<int>("--window") { Description = "Pairs at distance 1..W (default 5).", DefaultValueFactory = _ => 5 };
        var minCount = new Option<int>("--min-count") { Description = "Only list pairs seen at least M times (default 5).", DefaultValueFactory = _ => 5 };
        var top = new Option<int>("--top") { Description = "How many pairs to list (default 20).", DefaultValueFactory = _ => 20 };
        var alpha = new Option<double>("--alpha") { Description = "Context-distribution smoothing for PPMI (default 0.75).", DefaultValueFactory = _ => 0.75 };
        var shift = new Option<double>("--shift") { Description = "k of shifted PPMI, max(PMI - log k, 0) (default 5).", DefaultValueFactory = _ => 5.0 };
        var unit = CommonOptions.Unit();
        var json = CommonOptions.Json();
        var command = new Command("pmi", "Pointwise mutual information of co-occurring words, and I(X;Y) = E[PMI].") { file, window, minCount, top, alpha, shift, unit, json };
        ClusterCommands.AddTo(command);
        command.SetAction(result =>
        {
            if (ClusterCommands.Requested(result))
            {
                return ClusterCommands.Pmi(result);
            }

            var (u, w, m, n, a, k) = Settings(result);

            string text = TextInput.Read(result.GetValue(file), "FILE");
            var watch = Stopwatch.StartNew();
            var tokens = WordTokens.FromText(text);
            if (tokens.TokenCount < 2)
            {
                throw new UsageException($"`FILE` must hold at least 2 words; got {tokens.TokenCount}.");
            }

            var table = CooccurrenceTable.FromTokens(tokens, w);
            double scale = 1.0 / InformationUnits.NatsPer(u);
            double mi = table.MutualInformationNats() * scale;
            var smoothed = table.SmoothedContextProbabilities(a);
            var pairs = table.TopPairs(m, n);
            double seconds = watch.Elapsed.TotalSeconds;
            string unitName = InformationUnits.Name(u);
            if (result.GetValue(json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "mutual-information").String("estimator", "plugin").String("unit", unitName)
                    .Number("value", mi).Number("n", table.Total).String("n_counts", "pairs").Number("tokens", tokens.TokenCount)
                    .Number("vocabulary", (long)tokens.Words.Count).Number("distinct_pairs", (long)table.PairCount)
                    .Number("window", (long)w).Number("min_count", (long)m).Number("alpha", a).Number("shift", k)
                    .Number("seconds", seconds);
                var jw = o.Writer;
                jw.WriteStartArray("pairs");
                foreach (int i in pairs)
                {
                    PmiCommand.WritePair(jw, tokens.Words, table, i, scale, smoothed, k);
                }

                jw.WriteEndArray();
                o.Strings("warnings", pairs.Length == 0 ? [$"no pair occurs at least {m} times; lower --min-count"] : []);
            }
            else
            {
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{tokens.TokenCount:N0} words ({tokens.Words.Count:N0} distinct), window {w}: {table.Total:N0} pairs ({table.PairCount:N0} distinct) in {seconds:0.00} s"));
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"I(X;Y) = E[PMI] = {mi:0.######} {unitName} (plug-in)"));
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"x",-16} {"y",-16} {"count",8} {"PMI",9} {"NPMI",7} {"PPMI(a)",9} {"SPPMI(k)",9}   ({unitName}; a = {a}, k = {k})"));
                foreach (int i in pairs)
                {
                    result.Output().WriteLine(PmiCommand.PairLine(tokens.Words, table, i, scale, smoothed, k));
                }

                if (pairs.Length == 0)
                {
                    result.Output().WriteLine($"warning: no pair occurs at least {m} times; lower --min-count");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>--unit, --window, --min-count, --top, --alpha and --shift, validated once for `pmi` and `pmi --cluster`.</summary>
    internal static (InformationUnit Unit, int Window, int MinCount, int Top, double Alpha, double Shift) Settings(ParseResult result)
    {
        var u = CommonOptions.ParseUnit(result.GetValue<string>("--unit"));
        int w = result.GetValue<int>("--window"), m = result.GetValue<int>("--min-count"), n = result.GetValue<int>("--top");
        double a = result.GetValue<double>("--alpha"), k = result.GetValue<double>("--shift");
        if (w < 1)
        {
            throw new UsageException($"`--window` must be >= 1; got {w}.");
        }

        if (m < 1)
        {
            throw new UsageException($"`--min-count` must be >= 1; got {m}.");
        }

        if (n < 1)
        {
            throw new UsageException($"`--top` must be >= 1; got {n}.");
        }

        if (!(a > 0 && a <= 1))
        {
            throw new UsageException($"`--alpha` must be in (0, 1]; got {CommonOptions.Format(a)}.");
        }

        if (!(k >= 1) || !double.IsFinite(k))
        {
            throw new UsageException($"`--shift` must be a finite number >= 1; got {CommonOptions.Format(k)}.");
        }

        return (u, w, m, n, a, k);
    }

    /// <summary>One pair of the `pmi --json` list: the words, the count, PMI, NPMI, PPMI and SPPMI (in the unit).</summary>
    internal static void WritePair(System.Text.Json.Utf8JsonWriter jw, IReadOnlyList<string> words, CooccurrenceTable table, int i, double scale, double[] smoothed, double k)
    {
        jw.WriteStartObject();
        jw.WriteString("x", words[table.X[i]]);
        jw.WriteString("y", words[table.Y[i]]);
        jw.WriteNumber("count", table.PairCounts[i]);
        jw.WriteNumber("pmi", table.PointwiseMutualInformationNats(i) * scale);
        jw.WriteNumber("npmi", table.NormalizedPointwiseMutualInformation(i));
        jw.WriteNumber("ppmi", table.ShiftedPositivePointwiseMutualInformationNats(i, smoothed, 1) * scale);
        jw.WriteNumber("sppmi", table.ShiftedPositivePointwiseMutualInformationNats(i, smoothed, k) * scale);
        jw.WriteEndObject();
    }

    /// <summary>One pair of the `pmi` table as text.</summary>
    internal static string PairLine(IReadOnlyList<string> words, CooccurrenceTable table, int i, double scale, double[] smoothed, double k) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{words[table.X[i]],-16} {words[table.Y[i]],-16} {table.PairCounts[i],8} {table.PointwiseMutualInformationNats(i) * scale,9:0.000} {table.NormalizedPointwiseMutualInformation(i),7:0.000} {table.ShiftedPositivePointwiseMutualInformationNats(i, smoothed, 1) * scale,9:0.000} {table.ShiftedPositivePointwiseMutualInformationNats(i, smoothed, k) * scale,9:0.000}");
}
