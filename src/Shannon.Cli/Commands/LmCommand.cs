using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Shannon.Cli.Output;
using Shannon.Data;
using Shannon.Lab.Language;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon lm train --corpus FILE --order N --out MODEL | eval --model MODEL --text FILE [--json]
/// | sample --model MODEL --temperature T --length L [--seed S]`: the character Kneser-Ney language model.
/// </summary>
internal static class LmCommand
{
    public static Command Create()
    {
        var command = new Command("lm", "A character n-gram language model (interpolated modified Kneser-Ney): train, eval, sample.");
        command.Add(Train());
        command.Add(Eval());
        command.Add(Sample());
        return command;
    }

    private static Command Train()
    {
        var corpus = new Option<string>("--corpus") { Description = "The training text (UTF-8).", Required = true };
        var order = new Option<int>("--order") { Description = $"The order N, 1..{CharacterLanguageModel.MaxOrder} (context of N-1 characters).", Required = true };
        var output = new Option<string>("--out") { Description = "The model file to write.", Required = true };
        var force = CommonOptions.Force();
        var json = CommonOptions.Json();
        var command = new Command("train", "Train a model on a text and save it.") { corpus, order, output, force, json };
        command.SetAction(result =>
        {
            int n = result.GetValue(order);
            if (n is < 1 or > CharacterLanguageModel.MaxOrder)
            {
                throw new UsageException($"`--order` must be in 1..{CharacterLanguageModel.MaxOrder}; got {n}.");
            }

            using var progress = StderrProgress.ForCommand(result, "lm train", result.GetValue(json));

            // The target is checked before the corpus is read: never the corpus itself, never through a link, and
            // never over a file that is not a Shannon model unless --force.
            string path = result.GetValue(output)!;
            string corpusPath = result.GetValue(corpus) ?? "";
            bool replace = result.GetValue(force);
            OutputFile.Check(path, "--out", replace, [corpusPath], IsModelFile);
            progress.Report("reading the corpus", double.NaN);
            string text = TextInput.Read(corpusPath, "--corpus");
            var watch = Stopwatch.StartNew();
            progress.Report($"counting n-grams of orders 1..{n}", 0);
            var model = CharacterLanguageModel.Train(text, n, progress);
            double seconds = watch.Elapsed.TotalSeconds;
            progress.Report("writing " + path, double.NaN);
            OutputFile.Write(path, "--out", replace, model.Save, [corpusPath], IsModelFile);

            progress.Clear();

            long bytes = new FileInfo(path).Length;
            if (result.GetValue(json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "lm-train").String("estimator", "kneser-ney").String("unit", "bits")
                    .Number("value", (double)n).Number("n", (long)text.Length).String("n_counts", "characters").Number("order", (long)n)
                    .Number("alphabet", (long)model.Alphabet.Count).Number("seconds", seconds).Number("bytes", bytes)
                    .String("model", path).Strings("warnings", Warnings(model));
            }
            else
            {
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Trained an order-{n} model on {text.Length:N0} characters ({model.Alphabet.Count} distinct kept) in {seconds:0.00} s; wrote {path} ({bytes:N0} bytes)."));
                for (int k = 1; k <= n; k++)
                {
                    var (contexts, ngrams) = model.Size(k);
                    result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  order {k,2}: {contexts,10:N0} contexts {ngrams,11:N0} n-grams  discounts {model.Discounts(k, false)}"));
                }

                foreach (var w in Warnings(model))
                {
                    result.Output().WriteLine("warning: " + w);
                }
            }

            return 0;
        });
        return command;
    }

    private static bool IsModelFile(string path) => OutputFile.StartsWith(path, "SHLM"u8);

    private static List<string> Warnings(CharacterLanguageModel model)
    {
        var warnings = new List<string>();
        for (int k = 1; k <= model.Order; k++)
        {
            if (model.Discounts(k, false).IsFallback)
            {
                warnings.Add($"order {k}: the count-of-counts n1..n4 do not define valid Kneser-Ney discounts (e.g. nothing seen exactly once, as for characters); the fallback D = 0.5, 1, 1.5 is used");
            }
        }

        return warnings;
    }

    private static CharacterLanguageModel LoadModel(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new UsageException($"`--model` must name a model file written by `shannon lm train`; got '{path}' (not found).");
        }

        using var file = File.OpenRead(path);
        try
        {
            return CharacterLanguageModel.Load(file);
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException($"`--model` must name a model file written by `shannon lm train`; got '{path}': {ex.Message}.");
        }
    }

    private static Command Eval()
    {
        var modelOption = new Option<string>("--model") { Description = "A model file from `shannon lm train`.", Required = true };
        var textOption = new Option<string>("--text") { Description = "The held-out text to score (UTF-8).", Required = true };
        var unit = CommonOptions.Unit();
        var json = CommonOptions.Json();
        var command = new Command("eval", "Held-out cross-entropy per character (the code length an arithmetic coder driven by the model achieves).") { modelOption, textOption, unit, json };
        command.SetAction(result =>
        {
            var u = CommonOptions.ParseUnit(result.GetValue(unit));
            var model = LoadModel(result.GetValue(modelOption));
            string text = TextInput.Read(result.GetValue(textOption), "--text");
            var eval = model.EvaluateAllOrders(text);
            double scale = InformationUnits.NatsPer(InformationUnit.Bits) / InformationUnits.NatsPer(u);
            double value = eval.BitsPerCharacter[model.Order - 1] * scale;
            var warnings = new List<string>();
            if (eval.OtherCharacters > 0)
            {
                warnings.Add($"{eval.OtherCharacters} characters are outside the model's alphabet; each costs p(other) and {CharacterLanguageModel.OtherCharacterBits} bits");
            }

            if (result.GetValue(json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "cross-entropy-per-character").String("estimator", "kneser-ney").String("unit", InformationUnits.Name(u))
                    .Number("value", value).Number("n", eval.Characters).String("n_counts", "characters").Number("order", (long)model.Order)
                    .Numbers("by_order", eval.BitsPerCharacter.Select(b => b * scale))
                    .Number("perplexity", Math.Pow(2, eval.BitsPerCharacter[model.Order - 1]))
                    .Number("other_characters", eval.OtherCharacters).Strings("warnings", warnings);
            }
            else
            {
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"H = {CommonOptions.Format(value)} {InformationUnits.Name(u)} per character over {eval.Characters:N0} characters (order {model.Order}; perplexity {Math.Pow(2, eval.BitsPerCharacter[model.Order - 1]):0.###})"));
                for (int k = 1; k <= model.Order; k++)
                {
                    result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"  order {k,2}: {eval.BitsPerCharacter[k - 1] * scale:0.0000} {InformationUnits.Name(u)}/char"));
                }

                foreach (var w in warnings)
                {
                    result.Output().WriteLine("warning: " + w);
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Sample()
    {
        var modelOption = new Option<string>("--model") { Description = "A model file from `shannon lm train`.", Required = true };
        var temperature = new Option<double>("--temperature") { Description = "T > 0 (1 = the model; lower is safer, higher wilder).", DefaultValueFactory = _ => 1.0 };
        var length = new Option<int>("--length") { Description = "Characters to generate.", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var topK = new Option<int>("--top-k") { Description = "Keep the k most probable characters (0 = all).", DefaultValueFactory = _ => 0 };
        var topP = new Option<double>("--top-p") { Description = "Nucleus: keep the most probable characters up to mass p (1 = all).", DefaultValueFactory = _ => 1.0 };
        var prompt = new Option<string>("--prompt") { Description = "Text to continue.", DefaultValueFactory = _ => "" };
        var json = CommonOptions.Json();
        var command = new Command("sample", "Generate text from a model with temperature, top-k and top-p.") { modelOption, temperature, length, seed, topK, topP, prompt, json };
        command.SetAction(result =>
        {
            double t = result.GetValue(temperature);
            if (!(t > 0) || !double.IsFinite(t))
            {
                throw new UsageException($"`--temperature` must be a finite number > 0; got {CommonOptions.Format(t)}.");
            }

            int l = result.GetValue(length);
            if (l < 0)
            {
                throw new UsageException($"`--length` must be >= 0; got {l}.");
            }

            var options = new SamplingOptions(t, result.GetValue(topK), result.GetValue(topP));
            options.Validate();
            var model = LoadModel(result.GetValue(modelOption));
            var sample = model.Sample(l, options, new Random(result.GetValue(seed)), result.GetValue(prompt) ?? "");
            if (result.GetValue(json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "sample").String("estimator", "kneser-ney").String("unit", "bits")
                    .Number("value", sample.MeanEntropyBits).Number("n", (long)sample.Text.Length).String("n_counts", "characters")
                    .String("text", sample.Text).Number("temperature", t).Strings("warnings", []);
            }
            else
            {
                result.Output().WriteLine(sample.Text);
                result.Error().WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"(T = {t}, mean entropy of the sampling distribution {sample.MeanEntropyBits:0.000} bits/char)"));
            }

            return 0;
        });
        return command;
    }
}
