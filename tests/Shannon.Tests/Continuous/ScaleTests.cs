using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon.Tests.Continuous;

/// <summary>
/// Numerics over the whole double range (issue 15): k-NN estimators and the Gaussian estimator invariant to a column's
/// scale where the quantity is, Kozachenko-Leonenko equivariant (h(cX) = h(X) + d ln |c|, an analytic identity), no
/// crash near +-1e308. Tolerance 1e-9 relative to the value: multiplying by c rounds each value once (1e-16 relative),
/// which moves no neighbour count on this untied data, so the sums agree to rounding.
/// </summary>
public class ScaleTests
{
    private const double Close = 1e-9;

    private static double[] Scaled(double[] v, double c) => v.Select(a => a * c).ToArray();

    /// <summary>A factor that brings the column's largest magnitude to 1.5e308 (the edge of the double range).</summary>
    private static double ToEdge(double[] v) => 1.5e308 / v.Max(Math.Abs);

    public static TheoryData<double> Factors() => new() { 1e-300, 1e300, 1e-200, -3.5 };

    [Theory]
    [MemberData(nameof(Factors))]
    public void KsgIsInvariantToTheScaleOfAColumn(double c)
    {
        double[] x = ReferenceData.Column("x1"), y = ReferenceData.Column("y1");
        foreach (var algorithm in new[] { KsgAlgorithm.Algorithm1, KsgAlgorithm.Algorithm2 })
        {
            var ksg = new KsgMutualInformationEstimator(KsgOptions.Default with { Algorithm = algorithm });
            double plain = ksg.Estimate(x, y, InformationUnit.Nats).Value;
            Assert.Equal(plain, ksg.Estimate(Scaled(x, c), y, InformationUnit.Nats).Value, Close);
            Assert.Equal(plain, ksg.Estimate(Scaled(x, ToEdge(x)), Scaled(y, -ToEdge(y)), InformationUnit.Nats).Value, Close);
        }
    }

    [Fact]
    public void KsgWithoutStandardisingSurvivesTheEdgeOfTheRange()
    {
        // Issue 15: values near +-1e308 crashed KdTree.NearestNeighboursUnchecked (index out of range): differences overflowed
        // to infinity and no neighbour was ever accepted. A common factor changes no max-norm neighbour.
        double[] x = ReferenceData.Column("x1"), y = ReferenceData.Column("y1");
        var raw = new KsgMutualInformationEstimator(KsgOptions.Default with { Standardize = false });
        double plain = raw.Estimate(x, y, InformationUnit.Nats).Value;
        double c = 1e308 / Math.Max(x.Max(Math.Abs), y.Max(Math.Abs));
        Assert.Equal(plain, raw.Estimate(Scaled(x, c), Scaled(y, c), InformationUnit.Nats).Value, Close);
        Assert.Equal(plain, raw.Estimate(Scaled(x, 1e-300), Scaled(y, 1e-300), InformationUnit.Nats).Value, Close);
    }

    [Theory]
    [MemberData(nameof(Factors))]
    public void ConditionalAndMixedAreInvariantToScale(double c)
    {
        double[] x = ReferenceData.Column("x1"), y = ReferenceData.Column("y1"), z = ReferenceData.Column("z");
        foreach (var algorithm in new[] { KsgAlgorithm.Algorithm1, KsgAlgorithm.Algorithm2 })
        {
            var cmi = new KsgConditionalMutualInformationEstimator(KsgOptions.Default with { Algorithm = algorithm });
            double plain = cmi.Estimate(x, y, z, InformationUnit.Nats).Value;
            Assert.Equal(plain, cmi.Estimate(x, y, Scaled(z, c), InformationUnit.Nats).Value, Close);
            Assert.Equal(plain, cmi.Estimate(Scaled(x, ToEdge(x)), y, z, InformationUnit.Nats).Value, Close);
        }

        int[] labels = ReferenceData.Column("x2").Select(v => v > 0 ? 1 : 0).ToArray();
        var mixed = new MixedMutualInformationEstimator();
        double m = mixed.Estimate(x, labels, InformationUnit.Nats).Value;
        Assert.Equal(m, mixed.Estimate(Scaled(x, c), labels, InformationUnit.Nats).Value, Close);
        Assert.Equal(m, mixed.Estimate(Scaled(x, ToEdge(x)), labels, InformationUnit.Nats).Value, Close);
    }

    [Theory]
    [MemberData(nameof(Factors))]
    public void KozachenkoLeonenkoChangesByExactlyLnOfTheScalePerDimension(double c)
    {
        // Issue 15: x 1e-300 gave -990 bits instead of 1.013 - 996.58 = -995.57 bits.
        double[] x = ReferenceData.Column("x1");
        foreach (var norm in new[] { DistanceNorm.Maximum, DistanceNorm.Euclidean })
        {
            var kl = new KozachenkoLeonenkoEntropyEstimator(KozachenkoLeonenkoOptions.Default with { Norm = norm });
            double h = kl.Estimate(x, InformationUnit.Nats).Value;
            Assert.Equal(h + Math.Log(Math.Abs(c)), kl.Estimate(Scaled(x, c), InformationUnit.Nats).Value, Close * 1000);

            // Two dimensions, both scaled: + 2 ln |c| (squares of 1e-300 underflow without the rescaling).
            var two = Samples.FromColumns(x, ReferenceData.Column("x2"));
            var twoScaled = Samples.FromColumns(Scaled(x, c), Scaled(ReferenceData.Column("x2"), c));
            double h2 = kl.Estimate(two, InformationUnit.Nats).Value;
            Assert.Equal(h2 + 2 * Math.Log(Math.Abs(c)), kl.Estimate(twoScaled, InformationUnit.Nats).Value, Close * 1000);
            double edge = ToEdge(x);
            Assert.Equal(h + Math.Log(edge), kl.Estimate(Scaled(x, edge), InformationUnit.Nats).Value, Close * 1000);
        }
    }

    [Theory]
    [MemberData(nameof(Factors))]
    public void KnnKullbackLeiblerIsInvariantWhenBothSamplesAreScaled(double c)
    {
        double[] p = ReferenceData.Column("x1"), q = ReferenceData.Column("x2");
        var kl = new KnnKullbackLeiblerEstimator();
        double plain = kl.Estimate(p, q, InformationUnit.Nats).Value;
        Assert.Equal(plain, kl.Estimate(Scaled(p, c), Scaled(q, c), InformationUnit.Nats).Value, Close);
        double edge = 1.5e308 / Math.Max(p.Max(Math.Abs), q.Max(Math.Abs));
        Assert.Equal(plain, kl.Estimate(Scaled(p, edge), Scaled(q, edge), InformationUnit.Nats).Value, Close);
    }

    [Theory]
    [MemberData(nameof(Factors))]
    public void GaussianAndBinnedAreInvariantToScale(double c)
    {
        // Issue 15: the Gaussian estimator refused a 1e-300-scaled column with "Cholesky pivot 0 is 0".
        double[] x = ReferenceData.Column("x1"), y = ReferenceData.Column("y1");
        var gaussian = new GaussianMutualInformationEstimator();
        double g = gaussian.Estimate(x, y, InformationUnit.Nats).Value;
        Assert.Equal(g, gaussian.Estimate(Scaled(x, c), y, InformationUnit.Nats).Value, Close);
        Assert.Equal(g, gaussian.Estimate(Scaled(x, ToEdge(x)), Scaled(y, ToEdge(y)), InformationUnit.Nats).Value, Close);
        var copula = new GaussianCopulaMutualInformationEstimator();
        Assert.Equal(copula.Estimate(x, y, InformationUnit.Nats).Value, copula.Estimate(Scaled(x, ToEdge(x)), y, InformationUnit.Nats).Value, Close);

        // Binned: power-of-two factors move no edge relative to the data, so the value is the same bit for bit up to the
        // order of sums; other factors round the edges, which can move a value sitting on an edge: use 2^-997 and 2^1020.
        // The last factor brings the largest |x| into [2^1023, 2^1024): max - min overflows to infinity without the rescaling.
        double top = Math.ScaleB(1.0, 1023 - Math.ILogB(Math.Max(x.Max(Math.Abs), y.Max(Math.Abs))));
        foreach (double f in new[] { Math.ScaleB(1.0, -997), Math.ScaleB(1.0, 1020), top })
        {
            foreach (var rule in new[] { BinningRule.FreedmanDiaconis, BinningRule.HacineGharbi, BinningRule.EqualWidth })
            {
                var binned = new BinnedMutualInformationEstimator(BinningOptions.Default with { Rule = rule });
                Assert.Equal(binned.Estimate(x, y, InformationUnit.Nats).Value, binned.Estimate(Scaled(x, f), Scaled(y, f), InformationUnit.Nats).Value, Close);
            }
        }
    }
}
