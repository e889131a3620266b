using Shannon.Lab.Corpora;
using Shannon.Lab.Experiments;
using Shannon.Lab.Report;

namespace Shannon.Lab.Tests.Language;

public class LanguageExperimentTests
{
    [Fact]
    public void QuickRunOnTheCachedCorpusOrTheFallbackHoldsItsClaims()
    {
        // Uses the Brown corpus only when it is already cached (no network in tests); otherwise the run must fall
        // back to the built-in text, which the next test checks as well.
        string cache = ExperimentContext.DefaultCacheDirectory();
        bool cached = File.Exists(Path.Combine(cache, BrownCorpus.ArchiveName));
        var result = new LanguageExperiment().Run(new ExperimentContext { Quick = true, CacheDirectory = cached ? cache : EmptyCache() });
        CheckCommonClaims(result);
        if (cached)
        {
            Assert.Equal("brown-subset", result.KeyNumbers["corpus"]);
            double best = (double)result.KeyNumbers["lm_best_bits_per_char"];
            if (result.KeyNumbers["xz_bits_per_char"] is double xz)
            {
                Assert.True(best < xz, $"model {best} vs xz {xz}");
            }

            if (result.KeyNumbers["bzip2_bits_per_char"] is double bzip2)
            {
                Assert.True(best < bzip2, $"model {best} vs bzip2 {bzip2}");
            }

            // The embedding is a function of the word, so the probe's bound cannot exceed I(word; tag); both are
            // estimates on ~70 k held-out tokens, so allow 0.05 bits of estimation error.
            Assert.True((double)result.KeyNumbers["probe_bound_bits"] < (double)result.KeyNumbers["word_tag_mi_bits"] + 0.05);
            Assert.True((double)result.KeyNumbers["neighbour_pos_agreement"] > (double)result.KeyNumbers["neighbour_pos_random_baseline"]);
        }
    }

    [Fact]
    public void UnreadableCorpusFallsBackToTheBuiltInTextAndSaysSo()
    {
        var result = new LanguageExperiment().Run(new ExperimentContext { Quick = true, CacheDirectory = EmptyCache() });
        Assert.Equal("fallback", result.KeyNumbers["corpus"]);
        Assert.Contains(result.Notes, n => n.Contains("fallback", StringComparison.Ordinal) && n.Contains("unreadable", StringComparison.Ordinal));
        CheckCommonClaims(result);
    }

    private static void CheckCommonClaims(ExperimentResult result)
    {
        Assert.True((bool)result.KeyNumbers["arithmetic_code_round_trip"]);
        double code = (double)result.KeyNumbers["arithmetic_code_bits_per_char"];
        double crossEntropy = (double)result.KeyNumbers["arithmetic_code_cross_entropy_bits_per_char"];
        Assert.InRange(code - crossEntropy, 0, 0.01);
        Assert.Equal((double)result.KeyNumbers["pmi_mi_bits"], (double)result.KeyNumbers["pmi_mean_pmi_bits"], 1e-12);
        Assert.True((double)result.KeyNumbers["sample_entropy_T0.2"] < (double)result.KeyNumbers["sample_entropy_T2"]);
        Assert.NotEmpty(result.Figures);
        Assert.NotEmpty(result.Tables);
    }

    /// <summary>A cache folder holding a corrupt archive: loading fails without any network access.</summary>
    private static string EmptyCache()
    {
        string dir = Path.Combine(Path.GetTempPath(), "shannon-no-brown-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, BrownCorpus.ArchiveName), "not a gzip archive");
        return dir;
    }
}
