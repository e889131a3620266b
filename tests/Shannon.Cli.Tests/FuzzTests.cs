using System.Globalization;
using Shannon.Fuzz;
using Xunit.Abstractions;

namespace Shannon.Cli.Tests;

/// <summary>
/// The quick form of the project's fuzzer (tools/fuzz/CliFuzzer.cs; the full form is tools/fuzz/run.sh): a few
/// hundred generated bad and odd invocations over every command, within about 45 s, must give no crash, no wrong
/// success, no hang and no memory blow-up outside the k-NN numerics. SHANNON_FUZZ_CASES, SHANNON_FUZZ_SECONDS, SHANNON_FUZZ_SEED and
/// SHANNON_FUZZ_TABLE (a file for the table and the failures) make it the full form.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void GeneratedInvocations_GiveOnlyCleanRefusalsAndCorrectSuccesses()
    {
        int cases = Env("SHANNON_FUZZ_CASES", 400);
        int seconds = Env("SHANNON_FUZZ_SECONDS", 45);
        int seed = Env("SHANNON_FUZZ_SEED", 15);
        using var fuzzer = new CliFuzzer(seed, TimeSpan.FromSeconds(Env("SHANNON_FUZZ_TIMEOUT", 30)));
        var results = fuzzer.Run(cases, TimeSpan.FromSeconds(seconds));
        string table = CliFuzzer.Table(results);
        var failures = results.Where(r => r.Outcome is not (Outcome.CleanRefusal or Outcome.CorrectSuccess)).ToList();
        var report = table + string.Concat(failures.Select(f =>
            $"{f.Outcome} (exit {f.Code}{(f.KnnNumerics ? ", k-NN numerics" : "")}, {f.Seconds:0.0} s): shannon {string.Join(' ', f.Args.Select(Quote))}\n    {f.Detail}\n"));
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("SHANNON_FUZZ_TABLE") is { Length: > 0 } path)
        {
            File.WriteAllText(path, report);
        }

        Assert.True(results.Count >= Math.Min(cases, 100), $"only {results.Count} invocations ran");

        // Failures in the k-NN numerics (values near 1e308 in the continuous estimators) belong to the work on ties
        // and scale (src/Shannon/Estimators/Continuous, src/Shannon/Spatial): listed in the report, not failed here.
        Assert.True(failures.All(f => f.KnnNumerics), report);
    }

    private static string Quote(string a) => a.Length == 0 || a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\0') ? "'" + a.Replace("\0", "\\0", StringComparison.Ordinal) + "'" : a;

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;
}
