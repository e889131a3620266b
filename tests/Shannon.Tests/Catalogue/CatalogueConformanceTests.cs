using Shannon.Estimators;
using Shannon.Estimators.Catalogue;

namespace Shannon.Tests.Catalogue;

/// <summary>
/// One generator of checks run on every estimator of the catalogue, each check picked by the estimator's tags
/// (in the manner of scikit-learn's <c>parametrize_with_checks</c>): bad input (NaN, infinities, empty, mismatched
/// lengths, k &gt;= N, constant columns) fails with the parameter named; the estimate is invariant to the row order,
/// the unit, affine rescaling and relabelling where it should be; seeds reproduce; the thread count changes nothing;
/// inputs are not written to; rounded copies of a continuous sample give estimates close to the unrounded one; a
/// categorical side bounds the MI. Small N (80) keeps the whole suite to a few seconds.
/// </summary>
public sealed class CatalogueConformanceTests
{
    private const int N = 80;

    /// <summary>The checks.</summary>
    public enum Check
    {
        /// <summary>NaN in a real column is refused naming the column.</summary>
        NaN = 1,

        /// <summary>Infinity in a real column is refused naming the column.</summary>
        Infinity,

        /// <summary>No columns, or no rows, are refused naming the parameter.</summary>
        Empty,

        /// <summary>Y with fewer rows than X is refused naming y.</summary>
        MismatchedLengths,

        /// <summary>k &gt;= N is refused naming k.</summary>
        KAtLeastN,

        /// <summary>A constant real column is refused naming it; a constant categorical column gives MI 0.</summary>
        ConstantColumn,

        /// <summary>Shuffling the rows changes nothing.</summary>
        RowOrder,

        /// <summary>Bits times ln 2 are nats.</summary>
        Unit,

        /// <summary>a X + b leaves MI and divergence unchanged and shifts h by ln |a|.</summary>
        AffineRescaling,

        /// <summary>Renaming the categories changes nothing.</summary>
        Relabelling,

        /// <summary>The same seed (with jitter) gives the same value.</summary>
        SeedReproducible,

        /// <summary>One thread and all cores give the same value.</summary>
        ThreadCount,

        /// <summary>The columns' values are the same after the estimate.</summary>
        InputsNotMutated,

        /// <summary>Rounding a continuous sample to 2 decimals moves the estimate by little.</summary>
        RoundedCloseToUnrounded,

        /// <summary>An MI with a categorical side is at most that side's entropy (plus the estimator's O(1/N) slack).</summary>
        CategoricalSideBoundsMutualInformation,
    }

    private enum Shape
    {
        Discrete = 1,
        Continuous,
        Mixed,
    }

    public static TheoryData<string, Check> Cases()
    {
        var data = new TheoryData<string, Check>();
        foreach (var d in EstimatorCatalogue.Descriptors)
        {
            foreach (var check in Enum.GetValues<Check>())
            {
                if (Applies(d, check))
                {
                    data.Add(d.Name, check);
                }
            }
        }

        return data;
    }

    [Fact]
    public void EveryEstimatorIsCatalogued()
    {
        // DESIGN.md's names and the mixed estimator; plus knn-kl, the catalogue's divergence, lnc and auto (issue 17).
        string[] design = ["plugin", "miller-madow", "chao-shen", "james-stein", "nsb", "grassberger", "jeffreys", "laplace", "perks", "minimax",
            "ksg1", "ksg2", "kozachenko-leonenko", "binned", "gaussian", "gaussian-copula", "mixed-ross", "knn-kl", "lnc", "auto"];
        Assert.Equal(design, EstimatorCatalogue.Names);
        Assert.True(EstimatorCatalogue.TryGet("ksg", out var ksg) && ksg.Descriptor.Name == "ksg1");
        Assert.True(EstimatorCatalogue.TryGet("mixed", out var mixed) && mixed.Descriptor.Name == "mixed-ross");
        Assert.True(EstimatorCatalogue.IsAutomatic("auto") && EstimatorCatalogue.IsAutomatic(null));
    }

    [Fact]
    public void EveryQuantityHasItsInterface()
    {
        foreach (var d in EstimatorCatalogue.Descriptors)
        {
            var e = EstimatorCatalogue.Get(d.Name);
            Assert.Equal(d.Estimates(EstimatedQuantities.Entropy), e is IEntropyEntry);
            Assert.Equal(d.Estimates(EstimatedQuantities.DifferentialEntropy), e is IDifferentialEntropyEntry);
            Assert.Equal(d.Estimates(EstimatedQuantities.MutualInformation), e is IMutualInformationEntry);
            Assert.Equal(d.Estimates(EstimatedQuantities.ConditionalMutualInformation), e is IConditionalMutualInformationEntry);
            Assert.Equal(d.Estimates(EstimatedQuantities.Divergence), e is IDivergenceEntry);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conforms(string estimator, Check check)
    {
        var d = EstimatorCatalogue.Get(estimator).Descriptor;
        var (x, y) = Inputs(d, seed: 11);
        var s = EstimatorSettings.Default;
        switch (check)
        {
            case Check.NaN or Check.Infinity:
            {
                var bad = x[0].Numbers.ToArray();
                bad[5] = check == Check.NaN ? double.NaN : double.PositiveInfinity;
                var e = Assert.ThrowsAny<ArgumentException>(() => Estimate(d, [SampleColumn.FromNumbers("bad", bad)], y, s));
                Assert.Equal("bad", e.ParamName);
                Assert.Contains("row 6", e.Message, StringComparison.Ordinal);
                break;
            }

            case Check.Empty:
            {
                var e = Assert.ThrowsAny<ArgumentException>(() => Estimate(d, [], y, s));
                Assert.False(string.IsNullOrEmpty(e.ParamName));
                var rows = Assert.ThrowsAny<ArgumentException>(() => SampleColumn.FromNumbers("none", []));
                Assert.Equal("none", rows.ParamName);
                break;
            }

            case Check.MismatchedLengths:
            {
                var shorter = y.Select(c => c.Select([.. Enumerable.Range(0, N - 1)])).ToArray();
                var e = Assert.ThrowsAny<ArgumentException>(() => Estimate(d, x, shorter, s));
                Assert.Contains(e.ParamName, new[] { "y", "q" });
                if (d.Estimates(EstimatedQuantities.Divergence))
                {
                    Assert.Fail("a divergence takes samples of different sizes; the check must not apply");
                }

                break;
            }

            case Check.KAtLeastN:
            {
                var e = Assert.ThrowsAny<ArgumentException>(() => Estimate(d, x, y, s with { K = N }));
                Assert.Equal("k", e.ParamName);
                break;
            }

            case Check.ConstantColumn:
            {
                if (Of(d) == Shape.Discrete)
                {
                    // No information, up to the estimator's own value at one occupied bin (Grassberger's G(N) is not ln N exactly).
                    var constant = SampleColumn.FromCodes("c", new int[N]);
                    Assert.InRange(Estimate(d, [constant], y, s).Value, -1e-3, 1e-3);
                }
                else if (d.Estimates(EstimatedQuantities.Divergence))
                {
                    // P a point mass that the continuous Q never shows: D(P||Q) = +infinity, a value (the atom-mass rule
                    // of the tie-aware k-NN KL), not an error.
                    var constant = SampleColumn.FromNumbers("c", Enumerable.Repeat(2.5, N).ToArray());
                    Assert.Equal(double.PositiveInfinity, Estimate(d, [constant], y, s).Value);
                }
                else
                {
                    var constant = SampleColumn.FromNumbers("c", Enumerable.Repeat(2.5, N).ToArray());
                    var e = Assert.ThrowsAny<ArgumentException>(() => Estimate(d, [constant], y, s));
                    Assert.False(string.IsNullOrEmpty(e.ParamName));
                    Assert.True(e.Message.Contains("constant", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("repeated", StringComparison.Ordinal), e.Message);
                }

                break;
            }

            case Check.RowOrder:
            {
                int[] order = [.. Enumerable.Range(0, N).OrderBy(i => (i * 37) % N)];
                double a = Estimate(d, x, y, s).Value;
                double b = Estimate(d, Rows(x, order), Rows(y, order), s).Value;
                Assert.Equal(a, b, 1e-9);
                break;
            }

            case Check.Unit:
                Assert.Equal(Estimate(d, x, y, s, InformationUnit.Nats).Value, Estimate(d, x, y, s, InformationUnit.Bits).Value * Math.Log(2), 1e-12);
                break;

            case Check.AffineRescaling:
            {
                double before = Estimate(d, x, y, s).Value;
                var scaledX = x.Select(c => c.IsCategorical ? c : SampleColumn.FromNumbers(c.Name, c.Numbers.ToArray().Select(v => (1000 * v) - 7).ToArray())).ToArray();
                var scaledY = y.Select(c => c.IsCategorical ? c : SampleColumn.FromNumbers(c.Name, c.Numbers.ToArray().Select(v => (1000 * v) - 7).ToArray())).ToArray();
                if (d.Estimates(EstimatedQuantities.MutualInformation) || d.Estimates(EstimatedQuantities.Divergence))
                {
                    Assert.Equal(before, Estimate(d, scaledX, scaledY, s).Value, 1e-6);
                }
                else
                {
                    // h(aX + b) = h(X) + ln |a| (Cover & Thomas, Theorem 8.6.4).
                    Assert.Equal(before + Math.Log(1000), Estimate(d, scaledX, y, s, InformationUnit.Nats).Value, 1e-6);
                }

                break;
            }

            case Check.Relabelling:
            {
                double before = Estimate(d, x, y, s).Value;
                SampleColumn Relabel(SampleColumn c) => c.IsCategorical ? SampleColumn.FromCodes(c.Name, [.. c.Codes.ToArray().Select(v => 100 - (3 * v))]) : c;
                Assert.Equal(before, Estimate(d, [.. x.Select(Relabel)], [.. y.Select(Relabel)], s).Value, 1e-9);
                break;
            }

            case Check.SeedReproducible:
            {
                var jittered = s with { Jitter = 1e-6, Seed = 42 };
                Assert.Equal(Estimate(d, x, y, jittered).Value, Estimate(d, x, y, jittered).Value);
                break;
            }

            case Check.ThreadCount:
                Assert.Equal(Estimate(d, x, y, s with { MaxDegreeOfParallelism = 1 }).Value, Estimate(d, x, y, s with { MaxDegreeOfParallelism = 4 }).Value);
                break;

            case Check.InputsNotMutated:
            {
                var source = x[0].IsNumeric ? x[0].Numbers.ToArray() : [];
                var column = x[0].IsNumeric ? SampleColumn.FromNumbers(x[0].Name, source) : x[0];
                var copy = (double[])source.Clone();
                var codes = column.Codes.ToArray();
                Estimate(d, [column], y, s);
                Assert.Equal(copy, source);
                Assert.Equal(copy, column.IsNumeric ? column.Numbers.ToArray() : []);
                Assert.Equal(codes, column.Codes.ToArray());
                break;
            }

            case Check.RoundedCloseToUnrounded:
                RoundedClose(d, x, y, s);
                break;

            case Check.CategoricalSideBoundsMutualInformation:
            {
                var side = y.All(c => c.IsCategorical) ? y : x;
                var counts = side[0].Codes.ToArray().GroupBy(v => v).Select(g => (long)g.Count()).ToArray();
                double h = Shannon.Estimators.Discrete.PluginEntropyEstimator.Instance.Estimate(counts, InformationUnit.Nats).Value;

                // Strong dependence pushes the estimate to its ceiling; the slack is O(1/N) (psi(N) - psi(N/L) ~ ln L + (L - 1)/(2N)).
                double mi = Estimate(d, x, y, s, InformationUnit.Nats).Value;
                Assert.True(mi <= h + (2.0 / N), $"I = {mi} nats exceeds H = {h} nats");
                break;
            }
        }
    }

    private static bool Applies(EstimatorDescriptor d, Check check)
    {
        bool real = Of(d) != Shape.Discrete;
        bool divergence = d.Estimates(EstimatedQuantities.Divergence);
        return check switch
        {
            Check.NaN or Check.Infinity or Check.AffineRescaling => real,
            Check.MismatchedLengths => !divergence && d.Estimates(EstimatedQuantities.MutualInformation),
            Check.KAtLeastN => d.Has(EstimatorCapabilities.TakesK),
            Check.Relabelling => Of(d) != Shape.Continuous || d.Has(EstimatorCapabilities.Discrete),
            Check.SeedReproducible => d.Has(EstimatorCapabilities.Randomised),
            Check.RoundedCloseToUnrounded => real && d.Estimates(EstimatedQuantities.MutualInformation),
            Check.CategoricalSideBoundsMutualInformation => Of(d) != Shape.Continuous && d.Estimates(EstimatedQuantities.MutualInformation),
            _ => true,
        };
    }

    private static Shape Of(EstimatorDescriptor d) =>
        d.Has(EstimatorCapabilities.Discrete) && !d.Has(EstimatorCapabilities.Continuous) ? Shape.Discrete
        : d.Has(EstimatorCapabilities.Mixed) && !d.Has(EstimatorCapabilities.Discrete) ? Shape.Mixed
        : Shape.Continuous;

    /// <summary>The estimator's quantity on x and y: MI when it has one, else h(x) or H(x), else D(x||y).</summary>
    private static InformationEstimate Estimate(EstimatorDescriptor d, SampleColumn[] x, SampleColumn[] y, EstimatorSettings s, InformationUnit unit = InformationUnit.Bits)
    {
        if (d.Estimates(EstimatedQuantities.MutualInformation))
        {
            return EstimatorCatalogue.MutualInformation(d.Name, x, y, [], s, unit);
        }

        if (d.Estimates(EstimatedQuantities.Divergence))
        {
            return EstimatorCatalogue.Divergence(d.Name, x, y, s, unit);
        }

        return EstimatorCatalogue.Entropy(d.Name, x, s, unit);
    }

    private static void RoundedClose(EstimatorDescriptor d, SampleColumn[] x, SampleColumn[] y, EstimatorSettings s)
    {
        static SampleColumn Round(SampleColumn c) => c.IsCategorical ? c : SampleColumn.FromNumbers(c.Name, [.. c.Numbers.ToArray().Select(v => Math.Round(v, 1))]);

        // Rounding N(0, 1) columns to 0.1 (many ties at N = 80) changes the true MI by far less than 0.1 nats
        // (the rounding noise has variance 1/1200 against 1); 0.15 nats covers an estimator's sampling error at N = 80.
        double a = Estimate(d, x, y, s, InformationUnit.Nats).Value;
        double b = Estimate(d, [.. x.Select(Round)], [.. y.Select(Round)], s, InformationUnit.Nats).Value;
        Assert.True(Math.Abs(a - b) < 0.15, $"{d.Name}: unrounded {a} nats, rounded {b} nats");
    }

    private static SampleColumn[] Rows(SampleColumn[] group, int[] order) => [.. group.Select(c => c.Select(order))];

    /// <summary>Seeded inputs for the estimator's shape: two correlated Gaussians (rho = 0.6), two dependent labels, or a Gaussian and its noisy sign.</summary>
    private static (SampleColumn[] X, SampleColumn[] Y) Inputs(EstimatorDescriptor d, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var a = new double[N];
        var b = new double[N];
        for (int i = 0; i < N; i++)
        {
            a[i] = Normal();
            b[i] = (0.6 * a[i]) + (0.8 * Normal());
        }

        switch (Of(d))
        {
            case Shape.Discrete:
            {
                int[] xs = [.. a.Select(v => v < -0.5 ? 0 : v < 0 ? 1 : v < 0.7 ? 2 : 3)];
                int[] ys = [.. b.Select(v => v < 0 ? 0 : v < 0.8 ? 1 : 2)];
                return ([SampleColumn.FromCodes("x", xs)], [SampleColumn.FromCodes("y", ys)]);
            }

            case Shape.Mixed:
                return ([SampleColumn.FromNumbers("x", a, VariableKind.Continuous)], [SampleColumn.FromCodes("y", [.. b.Select(v => v > 0 ? 1 : 0)])]);

            default:
                return ([SampleColumn.FromNumbers("x", a, VariableKind.Continuous)], [SampleColumn.FromNumbers("y", b, VariableKind.Continuous)]);
        }
    }
}
