using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Discrete;

public sealed class ConvergenceTests
{
    [Fact]
    public void EstimatorsConvergeTogetherAtLargeN()
    {
        // Zipf(1) over K = 50 outcomes, N = 10^6 samples (seed 13). Every estimator's bias is O(K/N) = 5e-5 nats here,
        // and the sampling SD of plug-in is sqrt(Var[ln p(X)]/N) (computed below, ~1.1e-3). All estimators must lie
        // within 5 SD + 1e-3 (bias allowance) of the true H, and within 2e-3 of each other (they see the same counts).
        const int k = 50, n = 1_000_000;
        var p = Enumerable.Range(1, k).Select(r => 1.0 / r).ToArray();
        double z = p.Sum();
        for (int i = 0; i < k; i++)
        {
            p[i] /= z;
        }

        double h = -p.Sum(v => v * Math.Log(v));
        double varLog = p.Sum(v => v * Math.Log(v) * Math.Log(v)) - h * h;
        double sd = Math.Sqrt(varLog / n);
        var cumulative = new double[k];
        double acc = 0;
        for (int i = 0; i < k; i++)
        {
            cumulative[i] = acc += p[i];
        }

        var rng = new Random(13);
        var counts = new long[k];
        for (int s = 0; s < n; s++)
        {
            int at = Array.BinarySearch(cumulative, rng.NextDouble());
            counts[Math.Min(at >= 0 ? at : ~at, k - 1)]++;
        }

        var values = EntropyEstimators.Names.Select(name => EntropyEstimators.Parse(name).Estimate(counts, InformationUnit.Nats).Value).ToArray();
        foreach (double v in values)
        {
            Assert.InRange(v, h - 5 * sd - 1e-3, h + 5 * sd + 1e-3);
        }

        Assert.True(values.Max() - values.Min() < 2e-3, string.Join(", ", values));
    }
}
