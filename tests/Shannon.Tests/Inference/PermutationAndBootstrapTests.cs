using Shannon.Estimators.Discrete;
using Shannon.Inference;

namespace Shannon.Tests.Inference;

/// <summary>Statistical checks with fixed seeds; tolerances are stated as multiples of the Monte Carlo standard error.</summary>
public sealed class PermutationAndBootstrapTests
{
    private static DiscreteVariable Var(int[] codes) => DiscreteVariable.FromLabels(codes);

    [Fact]
    public void PermutationPValuesAreNearUniformUnderIndependence()
    {
        // 200 independent data sets (N = 80, 3 x 4 labels), B = 99 each. Under H0 the p-value (n_ge + 1)/(B + 1) is
        // uniform on {0.01, ..., 1} (ties only make it larger). Mean: 0.505, SE sqrt(1/12/200) = 0.0204 -> 4 SE = 0.082.
        // P(p <= 0.1) = 0.1, SE sqrt(0.09/200) = 0.0212 -> 4 SE = 0.085.
        var rng = new Random(11);
        var p = new double[200];
        for (int r = 0; r < p.Length; r++)
        {
            var x = Enumerable.Range(0, 80).Select(_ => rng.Next(3)).ToArray();
            var y = Enumerable.Range(0, 80).Select(_ => rng.Next(4)).ToArray();
            p[r] = PermutationTest.MutualInformation(Var(x), Var(y), PluginEntropyEstimator.Instance, InformationUnit.Bits,
                new PermutationTestOptions { Permutations = 99, Seed = r }).PValue;
        }

        Assert.InRange(p.Average(), 0.505 - 0.082, 0.505 + 0.082);
        Assert.InRange(p.Count(v => v <= 0.1) / 200.0, 0.1 - 0.085, 0.1 + 0.085);
    }

    [Fact]
    public void StrongDependenceGivesTheSmallestPValue()
    {
        var rng = new Random(5);
        var x = Enumerable.Range(0, 200).Select(_ => rng.Next(4)).ToArray();
        var y = x.Select(v => rng.NextDouble() < 0.8 ? v : rng.Next(4)).ToArray();
        var result = PermutationTest.MutualInformation(Var(x), Var(y), PluginEntropyEstimator.Instance, InformationUnit.Bits,
            new PermutationTestOptions { Permutations = 199, Seed = 1 });
        Assert.Equal(0, result.CountAtLeast);
        Assert.Equal(1.0 / 200, result.PValue, 1e-15);
    }

    [Fact]
    public void ConditionalTestShufflesWithinStrata()
    {
        // X and Y depend on each other only through Z: MI is significant, CMI given Z is not.
        var rng = new Random(9);
        int n = 600;
        var z = Enumerable.Range(0, n).Select(_ => rng.Next(3)).ToArray();
        var x = z.Select(v => rng.NextDouble() < 0.7 ? v : rng.Next(3)).ToArray();
        var y = z.Select(v => rng.NextDouble() < 0.7 ? v : rng.Next(3)).ToArray();
        var options = new PermutationTestOptions { Permutations = 199, Seed = 2 };
        var mi = PermutationTest.MutualInformation(Var(x), Var(y), PluginEntropyEstimator.Instance, InformationUnit.Bits, options);
        var cmi = PermutationTest.ConditionalMutualInformation(Var(x), Var(y), Var(z), PluginEntropyEstimator.Instance, InformationUnit.Bits, options);
        Assert.Equal(1.0 / 200, mi.PValue, 1e-15);
        Assert.True(cmi.PValue > 0.01, $"CMI p-value {cmi.PValue}");

        // Within-strata shuffles keep I(X; Z) fixed; a plain shuffle would destroy it, so the null mean of the CMI
        // statistic stays near the plug-in bias (about (kx-1)(ky-1)kz/(2N) nats = 0.01 nats = 0.014 bits).
        Assert.InRange(cmi.NullMean, 0, 0.05);
    }

    [Fact]
    public void TheNullStandardDeviationKeepsItsDigitsBesideALargeMean()
    {
        // Analytic: {c + 1, c + 2, c + 3} has mean c + 2 and sample standard deviation exactly 1 for every c. With
        // c = 1e8 the sum of squares (3e16, ulp 4) less 3 mean^2 cancels to 0 in doubles, so a sum-of-squares rule
        // reports 0; the two-pass rule every permutation test shares (Chan, Golub & LeVeque 1983) sums the exact
        // deviations -1, 0, 1 and gets 1 to the last bit. n_ge = 2 (c + 2 ties the observed value), p = 3/4.
        var observed = new Shannon.Estimators.InformationEstimate(1e8 + 2, InformationUnit.Bits, 10, "plugin");
        var test = PermutationTest.FromNull(observed, [1e8 + 1, 1e8 + 2, 1e8 + 3]);
        Assert.Equal(1e8 + 2, test.NullMean);
        Assert.Equal(1.0, test.NullStandardDeviation);
        Assert.Equal(2, test.CountAtLeast);
        Assert.Equal(0.75, test.PValue);

        // Resampling's row permutation test summarises its null by the same rule: a statistic that ignores the order
        // gives a null of B copies of one value, standard deviation 0, and every copy ties the observed value.
        var rows = Resampling.PermutationTest(observed, 5, _ => 1e8 + 2, new PermutationTestOptions { Permutations = 9 });
        Assert.Equal((1e8 + 2, 0.0, 9, 1.0), (rows.NullMean, rows.NullStandardDeviation, rows.CountAtLeast, rows.PValue));
    }

    [Fact]
    public void PermutationTestsAreReproducibleWithASeed()
    {
        var rng = new Random(1);
        var x = Var([.. Enumerable.Range(0, 100).Select(_ => rng.Next(3))]);
        var y = Var([.. Enumerable.Range(0, 100).Select(_ => rng.Next(3))]);
        var o = new PermutationTestOptions { Permutations = 50, Seed = 42 };
        var a = PermutationTest.MutualInformation(x, y, MillerMadowEntropyEstimator.Instance, InformationUnit.Nats, o);
        var b = PermutationTest.MutualInformation(x, y, MillerMadowEntropyEstimator.Instance, InformationUnit.Nats, o);
        Assert.Equal(a, b with { Observed = a.Observed });
        Assert.Equal(a.PValue, b.PValue);
    }

    [Fact]
    public void BootstrapIntervalsCoverTheTrueEntropyNearTheNominalRate()
    {
        // p = (1/2, 1/4, 1/8, 1/8): H = 1.75 bits. 200 data sets of N = 200, a 90% percentile interval from 100
        // replicates each, Miller-Madow (bias O(1/N^2) here). Coverage SE sqrt(0.9 * 0.1 / 200) = 0.021; we accept
        // 0.9 +- 4 SE (+-0.085), the percentile method's own O(1/N) error being far smaller.
        var rng = new Random(21);
        double[] cumulative = [0.5, 0.75, 0.875, 1.0];
        int covered = 0;
        for (int r = 0; r < 200; r++)
        {
            var counts = new long[4];
            for (int i = 0; i < 200; i++)
            {
                double u = rng.NextDouble();
                counts[Array.FindIndex(cumulative, c => u < c)]++;
            }

            var ci = Bootstrap.Entropy(counts, MillerMadowEntropyEstimator.Instance, InformationUnit.Bits,
                new BootstrapOptions { Replicates = 100, Confidence = 0.9, Seed = r });
            covered += ci.Lower <= 1.75 && 1.75 <= ci.Upper ? 1 : 0;
        }

        Assert.InRange(covered / 200.0, 0.9 - 0.085, 0.9 + 0.085);
    }

    [Fact]
    public void BootstrapWorksWithEveryEstimatorAndIsSeeded()
    {
        long[] counts = [30, 12, 0, 5, 3, 1];
        foreach (var name in EntropyEstimators.Names)
        {
            var e = EntropyEstimators.Parse(name);
            var o = new BootstrapOptions { Replicates = name == "nsb" ? 5 : 100, Seed = 4 };
            var a = Bootstrap.Entropy(counts, e, InformationUnit.Bits, o);
            var b = Bootstrap.Entropy(counts, e, InformationUnit.Bits, o);
            Assert.Equal(a, b);
            Assert.True(a.Lower <= a.Upper);
            Assert.True(a.StandardError > 0, name);
        }
    }

    [Fact]
    public void BootstrapOfMutualInformationOnACountTable()
    {
        var rng = new Random(8);
        var x = Enumerable.Range(0, 300).Select(_ => rng.Next(3)).ToArray();
        var y = x.Select(v => rng.NextDouble() < 0.6 ? v : rng.Next(3)).ToArray();
        var table = CountTable.FromSamples(Var(x), Var(y));
        var ci = Bootstrap.MutualInformation(table, [0], [1], [], PluginEntropyEstimator.Instance, InformationUnit.Bits,
            new BootstrapOptions { Replicates = 300, Seed = 3 });
        Assert.True(ci.Lower < ci.Estimate && ci.Estimate < ci.Upper);
        Assert.True(ci.Lower > 0.2, $"lower {ci.Lower}");
    }

    [Fact]
    public void BadOptionsNameTheParameter()
    {
        var x = Var([0, 1, 0, 1]);
        Assert.Equal("Permutations", Assert.Throws<ArgumentOutOfRangeException>(() =>
            PermutationTest.MutualInformation(x, x, PluginEntropyEstimator.Instance, InformationUnit.Bits, new PermutationTestOptions { Permutations = 0 })).ParamName);
        Assert.Equal("Confidence", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Bootstrap.Entropy([1, 2], PluginEntropyEstimator.Instance, InformationUnit.Bits, new BootstrapOptions { Confidence = 1 })).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() =>
            PermutationTest.MutualInformation(x, Var([0, 1]), PluginEntropyEstimator.Instance, InformationUnit.Bits)).ParamName);
    }
}
