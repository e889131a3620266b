using Shannon.Lab.Experiments;

namespace Shannon.Lab.Tests;

/// <summary>
/// Each experiment in quick mode, checked against analytic values. Literal references come from
/// tools/reference/lab_experiments.py (Debian python3, numpy 1.24, scipy 1.10); tolerances are stated per check.
/// </summary>
[Collection("quick lab")]
public class ExperimentNumberTests(QuickLabFixture lab)
{
    [Fact]
    public void CatalogHoldsEveryExperimentOfTheLesson()
    {
        Assert.Equal(
            ["entropy", "binary-entropy", "coding", "cross-entropy", "kl", "mutual-information", "temperature", "key-exercise",
             "language", "information-bottleneck", "information-plane", "alignment", "estimator-trust", "wordle", "data-processing", "latent-knowledge", "vae"],
            ExperimentCatalog.All().Select(e => e.Name).ToArray());
        Assert.All(lab.Results, r => Assert.NotEmpty(r.Figures));
        Assert.All(lab.Results, r => Assert.NotEmpty(r.KeyNumbers));
        Assert.True(File.Exists(Path.Combine(lab.Directory, "results.json")));
    }

    [Fact]
    public void BinaryEntropyPeaksAtOneHalfWithOneBit()
    {
        // h(1/2) = 1 bit exactly (analytic); the grid contains p = 0.5 exactly (201 points in quick mode).
        Assert.Equal(0.5, lab.Number("binary-entropy", "argmax_p"));
        Assert.Equal(1.0, lab.Number("binary-entropy", "max_bits"), 15);
    }

    [Fact]
    public void EntropyOfSimpleSourcesMatchesAnalyticValues()
    {
        // log2 K for uniform sources and h(p) for coins; reference script values, tolerance 1e-13 (double rounding).
        Assert.Equal(1.0, lab.Number("entropy", "uniform_2_bits"), 13);
        Assert.Equal(2.0, lab.Number("entropy", "uniform_4_bits"), 13);
        Assert.Equal(3.0, lab.Number("entropy", "uniform_8_bits"), 13);
        Assert.Equal(6.643856189774724, lab.Number("entropy", "uniform_100_bits"), 12);
        Assert.Equal(0.46899559358928117, lab.Number("entropy", "coin_0.1_bits"), 13);
        Assert.Equal(1.0, lab.Number("entropy", "coin_0.5_bits"), 13);
        Assert.Equal(0.46899559358928117, lab.Number("entropy", "coin_0.9_bits"), 13);
        Assert.Equal(0.08079313589591124, lab.Number("entropy", "coin_0.99_bits"), 13);
        Assert.Equal(2.584962500721156, lab.Number("entropy", "die_bits"), 13);
        Assert.Equal(5.700439718141093, lab.Number("entropy", "card_bits"), 12);
        double h = lab.Number("entropy", "corpus_char_entropy_bits");
        Assert.InRange(h, 3.5, Math.Log2(lab.Number("entropy", "corpus_alphabet_size"))); // English letters: about 4 bits (Shannon 1951: 4.14 for 27 letters)
    }

    [Fact]
    public void HuffmanIsWithinOneBitAndArithmeticWithinOneHundredthOfEntropy()
    {
        double h = lab.Number("coding", "entropy_bits_per_char");
        double n = lab.Number("coding", "characters");
        double huffman = lab.Number("coding", "huffman_bits_per_char");
        Assert.InRange(huffman, h, h + 1); // Cover & Thomas (2006) theorem 5.8.1
        Assert.Equal(lab.Number("coding", "huffman_expected_bits_per_char"), huffman, 12); // the code is measured on the text it was built from
        Assert.Equal(1.0, lab.Number("coding", "huffman_kraft_sum"), 12);
        Assert.Equal(true, lab["coding"].KeyNumbers["huffman_round_trip"]);
        Assert.Equal(true, lab["coding"].KeyNumbers["arithmetic_round_trip"]);

        // With exact counts the ideal length is n H; the coder adds 2 closing bits plus < 1e-6 bit per symbol of
        // rounding (total <= 2^17 against ranges >= 2^30).
        double bits = lab.Number("coding", "arithmetic_total_bits");
        Assert.InRange(bits, (n * h) - 1e-6, (n * h) + 2 + (n * 1e-6));
        Assert.InRange(lab.Number("coding", "arithmetic_bits_per_char") - h, 0, 0.01);
    }

    [Fact]
    public void CompressorsRunOrAreNotedAsMissing()
    {
        var coding = lab["coding"];
        foreach (var program in new[] { "gzip", "bzip2", "xz" })
        {
            bool ran = coding.KeyNumbers.ContainsKey($"{program}_bits_per_char");
            bool noted = coding.Notes.Any(n => n.StartsWith(program + " was not run", StringComparison.Ordinal));
            Assert.True(ran ^ noted, $"{program}: ran = {ran}, noted = {noted}");
            if (ran)
            {
                Assert.InRange(lab.Number("coding", $"{program}_bits_per_char"), 0.5, 8);
            }
        }
    }

    [Fact]
    public void CrossEntropyApproachesTheConditionalEntropyFromAbove()
    {
        double h = lab.Number("cross-entropy", "h_y_given_x_nats");
        double expected = lab.Number("cross-entropy", "final_expected_cross_entropy_nats");
        double kl = lab.Number("cross-entropy", "final_kl_nats");
        // E_x H(p, q) = H(Y|X) + E_x KL on the same points: an identity, up to rounding.
        Assert.Equal(h + kl, expected, 10);
        Assert.True(kl > 0);
        Assert.Equal(Math.Log(4), lab.Number("cross-entropy", "initial_cross_entropy_nats"), 12); // zero weights: uniform over 4 classes
        var curve = (double[])lab["cross-entropy"].KeyNumbers["expected_curve"];
        Assert.All(curve, c => Assert.True(c >= h, $"expected cross-entropy {c} below H(Y|X) {h}"));
        // Training has closed most of the initial gap ln 4 - H(Y|X): at least 95 % after the quick run's 60 epochs.
        Assert.True(kl < 0.05 * (Math.Log(4) - h), $"KL {kl} vs initial gap {Math.Log(4) - h}");
        // The measured test loss estimates the expected one: within 4 standard errors (test SE plus the Monte Carlo SE of H).
        double se = lab.Number("cross-entropy", "final_test_standard_error_nats") + lab.Number("cross-entropy", "h_y_given_x_standard_error_nats");
        Assert.InRange(lab.Number("cross-entropy", "final_test_nats"), expected - (4 * se), expected + (4 * se));
    }

    [Fact]
    public void KlClosedFormAgreesWithMonteCarloWithinItsErrorBar()
    {
        // Closed form ln(s2/s1) + (s1^2 + (m1-m2)^2) / (2 s2^2) - 1/2 (reference script).
        Assert.Equal(0.4431471805599453, lab.Number("kl", "kl_pq_closed_nats"), 13);
        Assert.Equal(1.3068528194400546, lab.Number("kl", "kl_qp_closed_nats"), 13);
        // Monte Carlo within 4 standard errors (two-sided false-alarm rate 6e-5 for a normal mean).
        foreach (var (closed, mc, se) in new[] { ("kl_pq_closed_nats", "kl_pq_monte_carlo_nats", "kl_pq_standard_error_nats"), ("kl_qp_closed_nats", "kl_qp_monte_carlo_nats", "kl_qp_standard_error_nats") })
        {
            double s = lab.Number("kl", se);
            Assert.InRange(lab.Number("kl", mc), lab.Number("kl", closed) - (4 * s), lab.Number("kl", closed) + (4 * s));
        }
    }

    [Fact]
    public void ForwardKlCoversBothModesAndReverseKlLocksOntoOne()
    {
        // Forward KL to a Gaussian is minimised by moment matching: mean 0, sigma = sqrt(0.6^2 + 2^2) (reference script).
        Assert.Equal(0.0, lab.Number("kl", "forward_fit_mu"));
        Assert.Equal(2.08806130178211, lab.Number("kl", "forward_fit_sigma"), 13);
        Assert.True(lab.Number("kl", "forward_fit_kl_bits") <= lab.Number("kl", "landscape_forward_grid_min_bits") + 1e-12);
        // Reverse KL: one component N(+-2, 0.6^2); with modes 6.7 sigma apart the divergence is ln 2 nats = 1 bit up to
        // the overlap (< 1e-6), so the numerical minimum must be within the refinement's resolution of it.
        Assert.Equal(2.0, Math.Abs(lab.Number("kl", "reverse_fit_mu")), 1);
        Assert.Equal(0.6, lab.Number("kl", "reverse_fit_sigma"), 1);
        Assert.InRange(lab.Number("kl", "reverse_fit_kl_bits"), 0.99, 1.0);
    }

    [Fact]
    public void MutualInformationExamplesMatchTheory()
    {
        const string mi = "mutual-information";
        Assert.Equal(0.0, lab.Number(mi, "xor_i_xy_bits"), 14);
        Assert.Equal(1.0, lab.Number(mi, "xor_i_xy_given_z_bits"), 14);
        Assert.Equal(0.31992295427172024, lab.Number(mi, "common_cause_i_xy_bits"), 13); // 1 - h(0.18)
        Assert.Equal(0.0, lab.Number(mi, "common_cause_i_xy_given_z_bits"), 14);
        Assert.Equal(true, lab[mi].KeyNumbers["dpi_holds"]);
        Assert.True(lab.Number(mi, "dpi_max_violation_bits") <= 1e-12);
        Assert.Equal(0.0, lab.Number(mi, "markov_max_cmi_bits"), 12);

        // The Venn table's quantities (reference script) and the drawn lens area equal to I.
        Assert.Equal(1.5394910703001343, lab.Number(mi, "venn_h_x_bits"), 13);
        Assert.Equal(0.9709505944546685, lab.Number(mi, "venn_h_y_bits"), 13);
        Assert.Equal(2.2037016960573483, lab.Number(mi, "venn_h_xy_bits"), 13);
        Assert.Equal(0.30673996869745457, lab.Number(mi, "venn_i_bits"), 13);
        Assert.Equal(lab.Number(mi, "venn_i_bits"), lab.Number(mi, "venn_lens_area"), 9);

        // At independence the plug-in bias grows with the number of cells (Miller-Madow: (B-1)^2 / (2 n ln 2) bits);
        // the Gaussian estimator's bias is about 1 / (2 n ln 2) = 0.0024 bits at n = 300.
        double b5 = lab.Number(mi, "bias_at_rho0_binned__5_x_5_equal_width_bins_bits");
        double b40 = lab.Number(mi, "bias_at_rho0_binned__40_x_40_equal_width_bins_bits");
        Assert.True(b40 > b5 && b5 > 0, $"binned bias 5 bins {b5}, 40 bins {b40}");
        Assert.InRange(lab.Number(mi, "bias_at_rho0_gaussian_bits"), 0, 0.02);
    }

    [Fact]
    public void TemperatureRaisesEntropyMonotonically()
    {
        Assert.Equal(true, lab["temperature"].KeyNumbers["entropy_is_monotone_in_T"]);
        double k = lab.Number("temperature", "alphabet_size");
        double low = lab.Number("temperature", "entropy_T0.1_bits"), one = lab.Number("temperature", "entropy_T1_bits"), high = lab.Number("temperature", "entropy_T5_bits");
        Assert.True(0 <= low && low < one && one < high && high <= Math.Log2(k), $"{low} {one} {high}");
        Assert.True(lab.Number("temperature", "sample_T0.25_distinct_trigram_fraction") < lab.Number("temperature", "sample_T5_distinct_trigram_fraction"));
    }

    [Fact]
    public void KeyExerciseConvertsTheLossExactly()
    {
        // 3.2 / ln 2, e^3.2, e^-3.2 and 3.2 / ln 2 / 4 (reference script); rounding only.
        Assert.Equal(4.616624130844683, lab.Number("key-exercise", "loss_bits"), 13);
        Assert.Equal(24.532530197109356, lab.Number("key-exercise", "perplexity"), 12);
        Assert.Equal(0.040762203978366204, lab.Number("key-exercise", "geometric_mean_probability"), 15);
        Assert.Equal(1.1541560327111708, lab.Number("key-exercise", "bits_per_char_at_4_chars_per_token"), 13);
        Assert.Equal(1.75, lab.Number("key-exercise", "brown_1992_upper_bound_bits_per_char"));
        var text = string.Join(" ", lab["key-exercise"].Paragraphs);
        foreach (var cited in new[] { "Shannon's (1951)", "Cover & King's (1978)", "Brown et al.'s (1992)" })
        {
            Assert.Contains(cited, text, StringComparison.Ordinal);
        }

        var sources = lab["key-exercise"].Tables.Single(t => t.Name == "estimates").Rows.Select(r => (string)r[0]).ToArray();
        Assert.Contains(sources, s => s.Contains("Bell System Technical Journal 30(1):50-64", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Contains("IEEE Trans. Inf. Theory 24(4):413-421", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Contains("Computational Linguistics 18(1):31-40", StringComparison.Ordinal));
    }
}
