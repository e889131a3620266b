using Shannon.Lab.Experiments;
using Shannon.Lab.Report;

namespace Shannon.Lab.Tests;

[CollectionDefinition("process environment", DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
}

/// <summary>Without npm (and without compressors) the lab still runs and says what it used instead.</summary>
[Collection("process environment")]
public class FallbackTests
{
    [Fact]
    public void WithoutNpmTheLabUsesTheFallbackTextAndSaysWhy()
    {
        string cache = Path.Combine(Path.GetTempPath(), "shannon-empty-cache-" + Guid.NewGuid().ToString("N"));
        string emptyBin = Path.Combine(Path.GetTempPath(), "shannon-empty-path-" + Guid.NewGuid().ToString("N"));
        string output = Path.Combine(Path.GetTempPath(), "shannon-fallback-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(emptyBin);
        string? path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", emptyBin); // no npm, no gzip/bzip2/xz
            var context = new ExperimentContext { Quick = true, CacheDirectory = cache };
            var results = new IExperiment[] { new EntropyExperiment(), new CodingExperiment(), new TemperatureExperiment(), new KeyExerciseExperiment() }
                .Select(e => e.Run(context)).ToList();
            foreach (var r in results)
            {
                Assert.Contains(r.Notes, n => n.Contains("fallback text", StringComparison.Ordinal) && n.Contains("npm is not installed", StringComparison.Ordinal));
            }

            var coding = results[1];
            Assert.Equal(true, coding.KeyNumbers["corpus_is_fallback"]);
            Assert.Equal("gzip,bzip2,xz", coding.KeyNumbers["compressors_missing"]);
            Assert.Contains(coding.Notes, n => n.StartsWith("xz was not run", StringComparison.Ordinal));
            Assert.Equal(true, coding.KeyNumbers["arithmetic_round_trip"]);
            string index = ReportWriter.Write(output, results, quick: true);
            Assert.Contains("built-in fallback text", File.ReadAllText(index), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            foreach (var dir in new[] { cache, emptyBin, output })
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }
    }
}
