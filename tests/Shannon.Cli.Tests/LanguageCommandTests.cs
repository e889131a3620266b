using System.Text;
using System.Text.Json;
using Shannon.Cli;

namespace Shannon.Cli.Tests;

public sealed class LanguageCommandTests : IDisposable
{
    private const string English =
        "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, " +
        "it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was the season of " +
        "Darkness, it was the spring of hope, it was the winter of despair, we had everything before us, we had nothing " +
        "before us, we were all going direct to Heaven, we were all going direct the other way.\n";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shannon-lm-" + Guid.NewGuid().ToString("N"));

    public LanguageCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void TrainEvalSampleRoundTrip()
    {
        string corpus = WriteFile("train.txt", string.Concat(Enumerable.Repeat(English, 5)));
        string heldOut = WriteFile("held.txt", "it was the age of hope, it was the season of wisdom.\n");
        string model = Path.Combine(_dir, "m.lm");
        var train = Run("lm", "train", "--corpus", corpus, "--order", "4", "--out", model);
        Assert.True(train.Code == 0, train.Err);
        Assert.True(File.Exists(model));

        var eval = Run("lm", "eval", "--model", model, "--text", heldOut, "--json");
        Assert.True(eval.Code == 0, eval.Err);
        using var doc = JsonDocument.Parse(eval.Out);
        var root = doc.RootElement;
        Assert.Equal("bits", root.GetProperty("unit").GetString());
        Assert.Equal(53, root.GetProperty("n").GetInt64());
        double bits = root.GetProperty("value").GetDouble();
        Assert.InRange(bits, 0.1, 4.0);
        Assert.Equal(4, root.GetProperty("by_order").GetArrayLength());

        var nats = Run("lm", "eval", "--model", model, "--text", heldOut, "--json", "--unit", "nats");
        using var natsDoc = JsonDocument.Parse(nats.Out);
        Assert.Equal(bits * Math.Log(2), natsDoc.RootElement.GetProperty("value").GetDouble(), 1e-12);

        var sample = Run("lm", "sample", "--model", model, "--temperature", "0.5", "--length", "80", "--seed", "3");
        Assert.True(sample.Code == 0, sample.Err);
        Assert.Equal(80, sample.Out.TrimEnd('\n').Length);
        Assert.Equal(sample.Out, Run("lm", "sample", "--model", model, "--temperature", "0.5", "--length", "80", "--seed", "3").Out);
    }

    [Fact]
    public void BadInputExitsWithTwoAndOneLine()
    {
        string corpus = WriteFile("train.txt", English);
        string empty = WriteFile("empty.txt", "");
        string binary = Path.Combine(_dir, "bin.dat");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF]);
        string model = Path.Combine(_dir, "m.lm");

        AssertUsage(Run("lm", "train", "--corpus", empty, "--order", "3", "--out", model), "empty");
        AssertUsage(Run("lm", "train", "--corpus", binary, "--order", "3", "--out", model), "NUL byte");
        AssertUsage(Run("lm", "train", "--corpus", corpus, "--order", "0", "--out", model), "`--order` must be in 1..10; got 0.");
        AssertUsage(Run("lm", "train", "--corpus", Path.Combine(_dir, "missing.txt"), "--order", "3", "--out", model), "not found");
        Assert.Equal(0, Run("lm", "train", "--corpus", corpus, "--order", "3", "--out", model).Code);
        AssertUsage(Run("lm", "sample", "--model", model, "--temperature", "0", "--length", "10"), "`--temperature` must be a finite number > 0; got 0.");
        AssertUsage(Run("lm", "sample", "--model", model, "--temperature", "-1", "--length", "10"), "got -1");
        AssertUsage(Run("lm", "eval", "--model", corpus, "--text", corpus), "not a Shannon language model");
        AssertUsage(Run("lm", "eval", "--model", model, "--text", binary), "NUL byte");
    }

    [Fact]
    public void PmiFindsTheAssociatedPairsAndReportsMutualInformation()
    {
        var random = new Random(5);
        var sb = new StringBuilder();
        string[] filler = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
        for (int i = 0; i < 3000; i++)
        {
            sb.Append(filler[random.Next(filler.Length)]).Append(' ');
            if (i % 10 == 0)
            {
                sb.Append("new york ");
            }
        }

        string file = WriteFile("pmi.txt", sb.ToString());
        var result = Run("pmi", file, "--window", "1", "--min-count", "5", "--top", "3", "--json");
        Assert.True(result.Code == 0, result.Err);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("mutual-information", root.GetProperty("measure").GetString());
        Assert.True(root.GetProperty("value").GetDouble() > 0);
        var top = root.GetProperty("pairs")[0];
        var words = new[] { top.GetProperty("x").GetString(), top.GetProperty("y").GetString() };
        Assert.Contains("new", words);
        Assert.Contains("york", words);

        AssertUsage(Run("pmi", file, "--window", "0"), "`--window` must be >= 1; got 0.");
        AssertUsage(Run("pmi", WriteFile("e.txt", "")), "empty");
    }

    private static void AssertUsage((int Code, string Out, string Err) result, string expected)
    {
        Assert.Equal(2, result.Code);
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.Single(result.Err.TrimEnd('\n').Split('\n'));
    }
}
