using CsCheck;
using Shannon.Bottleneck;
using Shannon.Distributions;

namespace Shannon.Tests.Bottleneck;

public class InformationBottleneckTests
{
    private const double Crossover = 0.1;

    /// <summary>The doubly symmetric binary source: X ~ Bernoulli(1/2), Y = X xor Bernoulli(p).</summary>
    private static JointDistribution Dsbs(double p) =>
        JointDistribution.FromProbabilities([(1 - p) / 2, p / 2, p / 2, (1 - p) / 2], 2, 2);

    // Independent of the code under test: the binary entropy, its inverse on [0, 1/2] by bisection, and the
    // analytic DSBS curve I(T;Y) = 1 - h(p * h^-1(1 - I(X;T))) (tools/reference/bottleneck_dsbs.py).
    private static double H(double q) => q <= 0 || q >= 1 ? 0 : (-q * Math.Log2(q)) - ((1 - q) * Math.Log2(1 - q));

    private static double HInverse(double v)
    {
        double lo = 0, hi = 0.5;
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            if (H(mid) < v)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    private static double AnalyticCurve(double ixt)
    {
        double q = HInverse(1 - ixt);
        return 1 - H((Crossover * (1 - q)) + (q * (1 - Crossover)));
    }

    private static readonly InformationBottleneckOptions Tight = new() { MaxIterations = 50_000, Tolerance = 1e-13 };

    [Theory]
    // Literal values: tools/reference/bottleneck_dsbs.py (scipy brentq, xtol 1e-15); they check the helper above.
    [InlineData(0.1, 0.06344258828620442)]
    [InlineData(0.5, 0.30268413473047207)]
    [InlineData(0.9, 0.4989103401341738)]
    public void AnalyticHelperMatchesReferenceScript(double ixt, double expected) =>
        Assert.Equal(expected, AnalyticCurve(ixt), 1e-12);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DsbsCurvePointsLieOnTheAnalyticCurve(bool accelerate)
    {
        var betas = Enumerable.Range(0, 25).Select(i => 1.6 * Math.Pow(100 / 1.6, i / 24.0)).ToArray();
        var curve = InformationBottleneck.Curve(Dsbs(Crossover), betas, InformationUnit.Bits, Tight with { Accelerate = accelerate });
        Assert.True(curve.Converged);
        foreach (var point in curve.Points)
        {
            // 1e-6 bits: the requirement; the solver converges to 1e-13 in q(t|x).
            Assert.InRange(point.MutualInformationTY - AnalyticCurve(point.MutualInformationXT), -1e-6, 1e-6);
        }

        // The points spread along the curve, not all at one end.
        Assert.Contains(curve.Points, p => p.MutualInformationXT is > 0.05 and < 0.5);
        Assert.Contains(curve.Points, p => p.MutualInformationXT is > 0.5 and < 0.95);
    }

    [Theory]
    [InlineData(1.8)]
    [InlineData(2.5)]
    [InlineData(6.0)]
    public void DsbsSolveAtOneBetaLiesOnTheAnalyticCurve(double beta)
    {
        var s = InformationBottleneck.Solve(Dsbs(Crossover), beta, InformationUnit.Bits, Tight);
        Assert.True(s.Converged);
        Assert.True(s.MutualInformationXT > 1e-3);
        Assert.InRange(s.MutualInformationTY - AnalyticCurve(s.MutualInformationXT), -1e-6, 1e-6);
    }

    [Fact]
    public void CriticalBetaOfTheDsbsIsOneOverOneMinusTwoPSquared()
    {
        // Analytic: 1/(1 - 2p)^2 = 1.5625 for p = 0.1; SVD rounding only (1e-12).
        Assert.Equal(1.5625, InformationBottleneck.CriticalBeta(Dsbs(Crossover)), 1e-12);
    }

    [Fact]
    public void FirstNonTrivialSolutionAppearsAtTheCriticalBeta()
    {
        double betaC = 1 / Math.Pow(1 - (2 * Crossover), 2);
        var below = InformationBottleneck.Solve(Dsbs(Crossover), 0.97 * betaC, InformationUnit.Bits, Tight);
        var above = InformationBottleneck.Solve(Dsbs(Crossover), 1.03 * betaC, InformationUnit.Bits, Tight);
        Assert.True(below.Converged && above.Converged);
        Assert.InRange(below.MutualInformationXT, -1e-9, 1e-9);
        Assert.True(above.MutualInformationXT > 1e-3, $"I(X;T) = {above.MutualInformationXT} just above the critical beta");
        Assert.InRange(above.MutualInformationTY - AnalyticCurve(above.MutualInformationXT), -1e-6, 1e-6);
    }

    [Fact]
    public void OneClusterCarriesExactlyZeroInformation()
    {
        // Far below the critical beta the annealed curve keeps a single cluster: T is constant, so I(X;T), I(T;Y) and
        // H(T) are 0 exactly (the lab's table printed -3.2E-16 from q(t) = 1 only to rounding).
        var curve = InformationBottleneck.Curve(Dsbs(Crossover), [0.2, 0.5], InformationUnit.Bits, Tight);
        Assert.All(curve.Points, p =>
        {
            Assert.Equal(1, p.ClusterCount);
            Assert.Equal(0.0, p.MutualInformationXT);
            Assert.Equal(0.0, p.MutualInformationTY);
        });
    }

    [Fact]
    public void CurveStartsAtTheOriginAndReachesIxyAtLargeBeta()
    {
        var curve = InformationBottleneck.Curve(Dsbs(Crossover), [0.2, 1.0, 3.0, 1000.0], InformationUnit.Bits, Tight);
        var first = curve.Points[0];
        Assert.InRange(first.MutualInformationXT, -1e-12, 1e-12);
        Assert.InRange(first.MutualInformationTY, -1e-12, 1e-12);
        var last = curve.Points[^1];
        // I(X;Y) = 1 - h(0.1) = 0.5310044064107188 bits (tools/reference/bottleneck_dsbs.py); H(X) = 1 bit.
        Assert.Equal(0.5310044064107188, curve.MutualInformationXY, 1e-12);
        Assert.Equal(0.5310044064107188, last.MutualInformationTY, 1e-6);
        Assert.Equal(1.0, last.MutualInformationXT, 1e-6);
    }

    [Fact]
    public void DeterministicIbOnTheDsbsIsEitherTrivialOrTheIdentity()
    {
        // DIB: L = H(T) - beta I(T;Y). T = X costs 1 bit and gains I(X;Y); it wins once beta > 1/I(X;Y) = 1.8832.
        var options = Tight with { Alpha = 0 };
        var low = InformationBottleneck.Solve(Dsbs(Crossover), 1.8, InformationUnit.Bits, options);
        var high = InformationBottleneck.Solve(Dsbs(Crossover), 2.0, InformationUnit.Bits, options);
        Assert.Equal(1, low.ClusterCount);
        Assert.Equal(0, low.MutualInformationTY, 1e-12);
        Assert.Equal(2, high.ClusterCount);
        Assert.Equal(1.0, high.MutualInformationXT, 1e-12);
        Assert.Equal(0.5310044064107188, high.MutualInformationTY, 1e-12);
        Assert.All(high.EncoderToArray(), e => Assert.True(e is 0.0 or 1.0));
        Assert.True(high.Converged);
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(1.0, false)]
    [InlineData(0.5, true)]
    [InlineData(0.5, false)]
    [InlineData(0.0, true)]
    public void SolutionsAreFixedPointsOfTheSelfConsistentEquations(double alpha, bool accelerate)
    {
        var joint = RandomJoint(new Random(7), 6, 4);
        double beta = 8;
        var s = InformationBottleneck.Solve(joint, beta, InformationUnit.Nats, Tight with { Alpha = alpha, Accelerate = accelerate });
        Assert.True(s.Converged);
        var p = joint.Probabilities;
        int nx = joint.Rows, ny = joint.Columns, k = s.ClusterCount;
        for (int x = 0; x < nx; x++)
        {
            double px = 0;
            for (int y = 0; y < ny; y++)
            {
                px += p[(x * ny) + y];
            }

            var score = new double[k];
            for (int t = 0; t < k; t++)
            {
                double kl = 0;
                for (int y = 0; y < ny; y++)
                {
                    double a = p[(x * ny) + y] / px;
                    if (a > 0)
                    {
                        kl += a * Math.Log(a / s.Decoder[(t * ny) + y]);
                    }
                }

                score[t] = Math.Log(s.ClusterProbabilities[t]) - (beta * kl);
            }

            if (alpha == 0)
            {
                int argmax = Array.IndexOf(score, score.Max());
                Assert.Equal(1.0, s.Encoder[(x * k) + argmax]);
            }
            else
            {
                double m = score.Max();
                double z = score.Sum(v => Math.Exp((v - m) / alpha));
                for (int t = 0; t < k; t++)
                {
                    // The sweeps stop when L moves by <= 1e-13 nats; L is stationary at the fixed point, so the encoder's
                    // residual is of order sqrt(1e-13) ~ 3e-7: 1e-6 allows for it.
                    Assert.Equal(Math.Exp((score[t] - m) / alpha) / z, s.Encoder[(x * k) + t], 1e-6);
                }
            }
        }
    }

    [Fact]
    public void InformationsObeyTheBoundsOnRandomTables()
    {
        Gen.Select(Gen.Int[2, 7], Gen.Int[2, 5], Gen.Int[0, 10_000], Gen.Double[0.5, 50]).Sample((nx, ny, seed, beta) =>
        {
            var joint = RandomJoint(new Random(seed), nx, ny);
            var s = InformationBottleneck.Solve(joint, beta, InformationUnit.Bits, new InformationBottleneckOptions { Restarts = 1, Seed = seed });
            double ixy = Measures.MutualInformation(joint, InformationUnit.Bits).Value;
            double hx = Measures.Entropy(joint.MarginalOf(0).Probabilities, InformationUnit.Bits).Value;
            // Data processing: I(T;Y) <= I(X;Y) and I(T;Y) <= I(X;T) (T - X - Y); I(X;T) <= H(X). Rounding slack 1e-12.
            return s.MutualInformationTY <= ixy + 1e-12 && s.MutualInformationTY <= s.MutualInformationXT + 1e-12
                && s.MutualInformationXT <= hx + 1e-12 && s.MutualInformationTY >= -1e-12;
        }, iter: 40);
    }

    [Fact]
    public void SameSeedGivesIdenticalCurvesAndTheParetoFrontIsNonDominated()
    {
        var joint = RandomJoint(new Random(3), 12, 5);
        var betas = Enumerable.Range(0, 10).Select(i => Math.Pow(2, i)).ToArray();
        var a = InformationBottleneck.Curve(joint, betas, InformationUnit.Bits, new InformationBottleneckOptions { Seed = 11 });
        var b = InformationBottleneck.Curve(joint, betas, InformationUnit.Bits, new InformationBottleneckOptions { Seed = 11 });
        Assert.Equal(a.Points, b.Points);
        foreach (var p in a.ParetoFront)
        {
            Assert.DoesNotContain(a.Points, q => q.MutualInformationXT <= p.MutualInformationXT && q.MutualInformationTY > p.MutualInformationTY);
        }

        // I(T;Y) increases with beta along the curve's front.
        for (int i = 1; i < a.ParetoFront.Count; i++)
        {
            Assert.True(a.ParetoFront[i].MutualInformationTY > a.ParetoFront[i - 1].MutualInformationTY);
        }
    }

    [Fact]
    public void ParetoFilterDropsDominatedPoints()
    {
        var points = new[]
        {
            new InformationCurvePoint(1, 0.0, 0.0, 1, true),
            new InformationCurvePoint(2, 0.5, 0.3, 2, true),
            new InformationCurvePoint(3, 0.6, 0.2, 2, true), // dominated by (0.5, 0.3)
            new InformationCurvePoint(4, 0.9, 0.45, 3, true),
            new InformationCurvePoint(5, 0.9, 0.40, 3, true), // same cost, less information
        };
        var front = InformationCurve.ParetoFilter(points);
        Assert.Equal([1.0, 2.0, 4.0], front.Select(p => p.Beta));
    }

    [Fact]
    public void EmpiricalJointCountsPairs()
    {
        var joint = InformationBottleneck.EmpiricalJoint([0, 0, 1, 1], [0, 1, 1, 1]);
        Assert.Equal([0.25, 0.25, 0.0, 0.5], joint.ToArray());
        var e = Assert.Throws<ArgumentException>(() => InformationBottleneck.EmpiricalJoint([0, -1], [0, 0]));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("-1 at index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInputsNameTheParameterAndTheValue()
    {
        var joint = Dsbs(Crossover);
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Solve(joint, 0, InformationUnit.Bits));
        Assert.Equal("beta", e1.ParamName);
        Assert.Contains("got 0", e1.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Solve(joint, double.NaN, InformationUnit.Bits));
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Solve(joint, 1, InformationUnit.Bits, new InformationBottleneckOptions { Alpha = 1.5 }));
        Assert.Equal("Alpha", e2.ParamName);
        Assert.Contains("1.5", e2.Message, StringComparison.Ordinal);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Curve(joint, [1.0, -2.0], InformationUnit.Bits));
        Assert.Equal("betas", e3.ParamName);
        Assert.Contains("-2 at index 1", e3.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => InformationBottleneck.Curve(joint, [], InformationUnit.Bits));
        var three = JointDistribution.FromProbabilities([0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125], 2, 2, 2);
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => InformationBottleneck.Solve(three, 1, InformationUnit.Bits)).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Solve(joint, 1, (InformationUnit)0)).ParamName);
    }

    [Fact]
    public void CancellationStopsTheSolver()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => InformationBottleneck.Solve(Dsbs(Crossover), 5, InformationUnit.Bits, null, null, cts.Token));
    }

    [Fact]
    public void ProgressIsReportedPerBetaAndRestart()
    {
        var reports = new List<InformationBottleneckProgress>();
        var progress = new SyncProgress(reports.Add);
        InformationBottleneck.Curve(Dsbs(Crossover), [1, 2, 4], InformationUnit.Bits, new InformationBottleneckOptions { Restarts = 2 }, progress);
        Assert.Equal(6, reports.Count);
        Assert.Equal(1.0, reports[^1].Fraction, 1e-12);
    }

    private sealed class SyncProgress(Action<InformationBottleneckProgress> report) : IProgress<InformationBottleneckProgress>
    {
        public void Report(InformationBottleneckProgress value) => report(value);
    }

    internal static JointDistribution RandomJoint(Random random, int rows, int columns)
    {
        var w = new double[rows * columns];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = random.NextDouble() * random.NextDouble();
        }

        return JointDistribution.FromCounts(w, rows, columns);
    }
}
