using Shannon.Bottleneck;
using Shannon.Distributions;
using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Internal;

/// <summary>
/// Issue 15, the library's part: validation that overflow cannot bypass, subnormals as the positive numbers they are,
/// compensated sums where the last digits matter, count totals beyond a long refused, and the information bottleneck
/// bounded on huge alphabets and huge betas.
/// </summary>
public sealed class HardeningTests
{
    [Fact]
    public void ProbabilityVectorsWhoseSumOverflows_AreRefused()
    {
        // 1e308 + 1e308 overflows to infinity and the compensated sum to NaN, which passed |sum - 1| > tol.
        var e = Assert.Throws<ArgumentException>(() => Measures.Entropy([1e308, 1e308], InformationUnit.Bits));
        Assert.Equal("probabilities", e.ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => Measures.KullbackLeibler([0.5, 0.5], [1e308, 1e308], InformationUnit.Bits)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => Measures.JensenShannon([0.5, 0.5], [1e308, 1e308], InformationUnit.Bits)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => Measures.CrossEntropy([0.5, 0.5], [1e308, 1e308], InformationUnit.Bits)).ParamName);
        Assert.Throws<ArgumentException>(() => Measures.Entropy([double.MaxValue, -double.MaxValue, 1], InformationUnit.Bits));
    }

    [Fact]
    public void SubnormalProbability_IsPositive_AndKlIsFinite()
    {
        // D(P||Q) for P = (1/2, 1/2), Q = (2^-1074, 1) (5e-324 is 2^-1074 exactly):
        // 1/2 log2(2^-1 / 2^-1074) + 1/2 log2(2^-1 / 1) = 1/2 * 1073 - 1/2 = 536 bits (analytic).
        var kl = Measures.KullbackLeibler([0.5, 0.5], [5e-324, 1], InformationUnit.Bits);
        Assert.Equal(536.0, kl.Value, 1e-12);

        // H(P, Q) = H(P) + D(P||Q) = 1 + 536 bits.
        Assert.Equal(537.0, Measures.CrossEntropy([0.5, 0.5], [5e-324, 1], InformationUnit.Bits).Value, 1e-12);

        // The local values, too: log2(0.5 / 5e-324) = 1073.
        Assert.Equal(1073.0, Measures.LocalKullbackLeibler([0.5, 0.5], [5e-324, 1], InformationUnit.Bits).Values[0], 1e-12);
        Assert.True(double.IsFinite(Measures.JensenShannon([5e-324, 1], [1, 0], InformationUnit.Bits).Value));
    }

    [Fact]
    public void UniformOverAMillionOutcomes_IsLogNToTheLastDigits()
    {
        // H = ln(10^6) (analytic). With p = fl(1e-6) = 1e-6 (1 + d), |d| <= 2^-53, the exact sum is
        // ln(10^6)(1 + d) - d: within 3e-16 relative. Plain summation of 10^6 terms was off by about 1e-11.
        var p = new double[1_000_000];
        Array.Fill(p, 1e-6);
        double h = Measures.Entropy(p, InformationUnit.Nats).Value;
        double expected = Math.Log(1e6);
        Assert.True(Math.Abs(h - expected) / expected < 1e-15, $"H = {h:R}, ln 1e6 = {expected:R}");
    }

    [Fact]
    public void CountsWhoseTotalOverflowsLong_AreRefused()
    {
        long[] counts = [long.MaxValue, long.MaxValue];
        var e = Assert.Throws<ArgumentException>(() => PluginEntropyEstimator.Instance.Estimate(counts, InformationUnit.Bits));
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("overflows", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MillerMadowEntropyEstimator.Instance.Estimate(counts, InformationUnit.Bits));
        Assert.Throws<ArgumentException>(() => CountTable.FromCells([[0, 1]], counts, [2]));
    }

    [Fact]
    public void CriticalBeta_OfAHugeAlphabet_IsComputedWithoutTheSquareWorkspace()
    {
        // X uniform on 50,000 values, Y = X mod 2: Y is a function of X, so the maximal correlation is 1 and the
        // critical beta 1 / rho^2 = 1 (Wu et al. 2019, thm. 3). The full SVD built a 50,000^2 workspace and overflowed.
        const int n = 50_000;
        var p = new double[n * 2];
        for (int x = 0; x < n; x++)
        {
            p[(x * 2) + (x % 2)] = 1.0 / n;
        }

        var joint = JointDistribution.FromProbabilities(p, n, 2);
        Assert.Equal(1.0, InformationBottleneck.CriticalBeta(joint), 1e-9);

        // Solving on it is refused cleanly: the encoder would hold 50,000 x 50,000 cells.
        var e = Assert.Throws<ArgumentException>(() => InformationBottleneck.Solve(joint, 5, InformationUnit.Bits));
        Assert.Equal("joint", e.ParamName);
    }

    [Fact]
    public void AnnealingSchedule_IsBoundedAtHugeBeta()
    {
        var schedule = InformationBottleneck.Schedule(0.9, 1e308, 1.15);
        Assert.True(schedule.Count <= InformationBottleneck.FineAnnealingSteps + InformationBottleneck.CoarseAnnealingSteps + 1, $"{schedule.Count} steps");
        Assert.Equal(1e308, schedule[^1]);
        for (int i = 1; i < schedule.Count; i++)
        {
            Assert.True(schedule[i] > schedule[i - 1]);
        }

        // Below the fine part's reach the schedule is the plain geometric one: 0.9 * 1.15^k up to beta.
        var small = InformationBottleneck.Schedule(0.9, 5, 1.15);
        Assert.Equal(14, small.Count); // 0.9 * 1.15^12 = 4.82 < 5 < 0.9 * 1.15^13, then 5 itself.
        Assert.Equal(5, small[^1]);
    }
}
