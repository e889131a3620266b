using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using ScottPlot;
using Shannon.Coding;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// Entropy as a compression bound: a Huffman code and an arithmetic coder built from the measured character
/// distribution encode the text and decode it back exactly; gzip, bzip2 and xz compress the same text.
/// </summary>
public sealed class CodingExperiment : IExperiment
{
    /// <summary>Characters coded in quick mode (a prefix of the text).</summary>
    public const int QuickCharacters = 100_000;

    /// <inheritdoc/>
    public string Name => "coding";

    /// <inheritdoc/>
    public string Title => "Coding: entropy as the compression bound";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        var corpus = LoadCorpus(context, result);

        string text = context.Quick ? corpus.Text[..Math.Min(corpus.Text.Length, QuickCharacters)] : corpus.Text;
        int n = text.Length;
        var (alphabet, counts, symbols) = CharacterCounts(text);
        double total = counts.Sum();
        var p = counts.Select(c => c / total).ToArray();
        double h = Measures.Entropy(p, InformationUnit.Bits).Value;

        // The compressors run as separate processes while the coders work (they use the other core).
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var compressors = new (string Program, string Label, string[] Args)[]
        {
            ("gzip", "gzip -9", ["-9", "-c"]),
            ("bzip2", "bzip2 -9", ["-9", "-c"]),
            ("xz", "xz -6", ["-6", "-c", "-T1"]), // -6 (the default) already holds the whole text in its 8 MiB dictionary; -9 needs 674 MiB
        };
        var runs = compressors.Select(c => Task.Run(() => (Size: Compress(c.Program, c.Args, utf8, out string? why), Why: why))).ToArray();

        context.Report(Name, "Huffman code", 0.1);
        var huffman = HuffmanCode.FromWeights(counts.Select(c => (double)c).ToArray());
        double huffmanExpected = huffman.AverageLength(p);
        var huffmanBits = huffman.Encode(symbols);
        bool huffmanRoundTrip = huffman.Decode(huffmanBits, n).AsSpan().SequenceEqual(symbols);

        context.Report(Name, "arithmetic coder", 0.3);
        var model = FixedSymbolModel.FromFrequencies(counts);
        var encoder = new ArithmeticEncoder();
        for (int i = 0; i < n; i++)
        {
            encoder.Encode(model, symbols[i]);
            if ((i & 0xFFFFF) == 0xFFFFF)
            {
                context.Report(Name, "arithmetic coder: encoding", 0.3 + (0.1 * i / n));
            }
        }

        var arithmeticBits = encoder.Finish();
        var decoder = new ArithmeticDecoder(arithmeticBits);
        bool arithmeticRoundTrip = true;
        for (int i = 0; i < n; i++)
        {
            if (decoder.Decode(model) != symbols[i])
            {
                arithmeticRoundTrip = false;
                break;
            }

            if ((i & 0xFFFFF) == 0xFFFFF)
            {
                context.Report(Name, "arithmetic coder: decoding", 0.4 + (0.1 * i / n));
            }
        }

        double huffmanRate = (double)huffmanBits.BitCount / n;
        double arithmeticRate = (double)arithmeticBits.BitCount / n;
        var rows = new List<object[]>
        {
            new object[] { "order-0 entropy H (the bound for symbol-by-symbol codes)", h, "", "" },
            new object[] { "Huffman code (measured bits / characters)", huffmanRate, huffmanRate - h, huffmanRoundTrip ? "exact" : "FAILED" },
            new object[] { "arithmetic coder (measured bits / characters)", arithmeticRate, arithmeticRate - h, arithmeticRoundTrip ? "exact" : "FAILED" },
        };
        var labels = new List<string> { "H (order 0)", "Huffman", "arithmetic" };
        var rates = new List<double> { h, huffmanRate, arithmeticRate };

        var missing = new List<string>();
        for (int c = 0; c < compressors.Length; c++)
        {
            var (program, label, _) = compressors[c];
            context.Report(Name, $"waiting for {program}", 0.5 + (0.15 * c));
            var (size, why) = runs[c].GetAwaiter().GetResult();
            if (size is null)
            {
                missing.Add(program);
                result.Notes.Add($"{program} was not run: {why}. Its bar is missing from the comparison.");
                continue;
            }

            double rate = 8.0 * size.Value / n;
            rows.Add([$"{label} (a program; adapts to context)", rate, rate - h, "n/a"]);
            labels.Add(label);
            rates.Add(rate);
            result.KeyNumbers[$"{program}_bits_per_char"] = rate;
        }

        result.Paragraphs.Add(
            $"The text ({n:N0} characters of {corpus.Source}{(context.Quick ? ", a prefix in quick mode" : "")}, " +
            $"{alphabet.Length} distinct characters) has an order-0 entropy of {F(h, "0.0000")} bits per character. " +
            $"A Huffman code built from these frequencies spends {F(huffmanRate, "0.0000")} bits per character: within " +
            $"[H, H + 1), as Shannon's source-coding theorem promises for whole-bit codewords. An arithmetic coder driven by the " +
            $"same counts spends {F(arithmeticRate, "0.00000")} bits per character, {(arithmeticRate - h).ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} above H " +
            "(two closing bits plus integer rounding), because it is not forced to whole bits per symbol. Both decode the text back exactly. " +
            "The code tables (one count per character) are not included in these sizes; they cost a few hundred bytes.");
        result.Paragraphs.Add(
            "gzip, bzip2 and xz beat the order-0 bound because they model context (repeated strings, block sorting, " +
            "long-range matches): H of single characters is a bound only for codes that ignore context. " +
            "Their rates are the compressed size in bits divided by the number of characters.");
        result.Tables.Add(new ResultTable("rates", "Code lengths against the entropy (bits per character)",
            ["code", "bits per character", "minus H (bits)", "round trip"], rows));

        var plot = Plots.Create("Bits per character: entropy bound, codes and compressors", "code", "bits per character");
        LabelledBars(plot, labels, rates, Colors.SteelBlue, "bits per character (lower is better)");
        var hl = plot.Add.HorizontalLine(h);
        hl.Color = Colors.OrangeRed;
        hl.LegendText = $"H = {F(h, "0.000")} bits/char (order 0)";
        plot.Axes.SetLimitsY(0, Math.Max(11, rates.Max() * 1.35)); // room above the 8-bit line for the legend, so the line is not drawn on the border
        var raw = plot.Add.HorizontalLine(8);
        raw.Color = Colors.Gray;
        raw.LegendText = "8 bits/char (plain ASCII)";
        plot.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("rates", "Bits per character of each code and compressor against the order-0 entropy.", plot));

        // Codeword length against information content, per character.
        var info = p.Select(x => -Math.Log2(x)).ToArray();
        var lengths = huffman.Lengths().Select(l => (double)l).ToArray();
        var scatter = Plots.Create("Huffman codeword length against information content", "-log2 p(c) (bits)", "codeword length (bits)");
        double maxInfo = Math.Ceiling(info.Max()) + 1;
        Line(scatter, [0, maxInfo], [0, maxInfo], "ideal length = -log2 p", Colors.Gray, 1);
        Points(scatter, info, lengths, "Huffman codeword of one character", Colors.SteelBlue, 7);
        scatter.ShowLegend(Alignment.UpperLeft);
        result.Figures.Add(new Figure("lengths", "Each character's Huffman codeword length against its information content -log2 p; arithmetic coding pays -log2 p exactly.", scatter));

        result.KeyNumbers["characters"] = n;
        result.KeyNumbers["alphabet_size"] = alphabet.Length;
        result.KeyNumbers["entropy_bits_per_char"] = h;
        result.KeyNumbers["huffman_bits_per_char"] = huffmanRate;
        result.KeyNumbers["huffman_expected_bits_per_char"] = huffmanExpected;
        result.KeyNumbers["huffman_kraft_sum"] = huffman.KraftSum();
        result.KeyNumbers["huffman_round_trip"] = huffmanRoundTrip;
        result.KeyNumbers["arithmetic_bits_per_char"] = arithmeticRate;
        result.KeyNumbers["arithmetic_total_bits"] = arithmeticBits.BitCount;
        result.KeyNumbers["arithmetic_round_trip"] = arithmeticRoundTrip;
        result.KeyNumbers["corpus_is_fallback"] = corpus.IsFallback;
        result.KeyNumbers["compressors_missing"] = string.Join(",", missing);
        context.Report(Name, "done", 1);
        return result;
    }

    /// <summary>Runs a compressor on the bytes (stdin to stdout); null with the reason when it cannot run.</summary>
    internal static long? Compress(string program, IEnumerable<string> args, byte[] input, out string? why)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception ex)
        {
            why = $"the program is not installed or not on PATH ({ex.Message})";
            return null;
        }

        if (process is null)
        {
            why = "the program could not be started";
            return null;
        }

        using (process)
        {
            var writer = Task.Run(() =>
            {
                try
                {
                    process.StandardInput.BaseStream.Write(input);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The program exited early; its exit code says why.
                }
            });
            var stderr = process.StandardError.ReadToEndAsync();
            long size = 0;
            var buffer = new byte[1 << 16];
            var output = process.StandardOutput.BaseStream;
            int read;
            while ((read = output.Read(buffer)) > 0)
            {
                size += read;
            }

            writer.Wait();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                why = $"it exited with code {process.ExitCode}: {stderr.Result.Trim()}";
                return null;
            }

            why = null;
            return size;
        }
    }
}
