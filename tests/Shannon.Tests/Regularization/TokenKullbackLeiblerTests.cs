using CsCheck;
using Shannon.Regularization;

namespace Shannon.Tests.Regularization;

public class TokenKullbackLeiblerTests
{
    private static readonly double[] Policy =
    [
        2.0, 1.0, 0.0, -1.0, 0.5,
        0.0, 0.0, 0.0, 0.0, 0.0,
        10.0, -10.0, 3.0, 3.0, -2.5,
    ];

    private static readonly double[] Reference =
    [
        1.0, 1.0, 1.0, 0.0, 0.0,
        3.0, -1.0, 0.25, 0.0, 1.5,
        0.0, 1.0, 2.0, 3.0, 4.0,
    ];

    // Source: tools/reference/alignment_kl.py (numpy 1.24.2, scipy 1.10.1 scipy.special.log_softmax).
    // Tolerance 1e-13: a handful of exp/log evaluations at magnitude <= 10, each within a few ulp.
    [Fact]
    public void ForwardAndReverseMatchScipyReference()
    {
        var forward = new double[3];
        var reverse = new double[3];
        TokenKullbackLeibler.FromLogitsRows(Policy, Reference, 5, InformationUnit.Nats, forward);
        TokenKullbackLeibler.ReverseFromLogitsRows(Policy, Reference, 5, InformationUnit.Nats, reverse);
        double[] expectedForward = [0.2651199658569456, 0.944482153764548, 4.432732997900509];
        double[] expectedReverse = [0.3057245386598736, 0.7645335897401739, 9.832410906267917];
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(expectedForward[r], forward[r], 1e-13);
            Assert.Equal(expectedReverse[r], reverse[r], 1e-13);
        }
    }

    [Fact]
    public void SingleRowAgreesWithBatchAndUnitsRescale()
    {
        var bits = new double[3];
        TokenKullbackLeibler.FromLogitsRows(Policy, Reference, 5, InformationUnit.Bits, bits);
        var one = TokenKullbackLeibler.FromLogits(Policy.AsSpan(10, 5), Reference.AsSpan(10, 5), InformationUnit.Nats);
        Assert.Equal(4.432732997900509, one.Value, 1e-13);
        Assert.Equal(4.432732997900509 / Math.Log(2), bits[2], 1e-13);
    }

    [Fact]
    public void RowsAgreeWithTheProbabilityFormAndAreNonNegative()
    {
        // Property: for random batches, each row equals Measures.KullbackLeibler on the softmax probabilities (the
        // probability form, a separate code path), is >= 0 up to rounding, and is 0 for identical logits; inputs untouched.
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 40], Gen.Int[0, 100000]).Sample((rows, columns, seed) =>
        {
            var random = new Random(seed);
            var a = new double[rows * columns];
            var b = new double[rows * columns];
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = 6 * (random.NextDouble() - 0.5);
                b[i] = 6 * (random.NextDouble() - 0.5);
            }

            var aCopy = (double[])a.Clone();
            var forward = new double[rows];
            var reverse = new double[rows];
            var same = new double[rows];
            TokenKullbackLeibler.FromLogitsRows(a, b, columns, InformationUnit.Nats, forward);
            TokenKullbackLeibler.ReverseFromLogitsRows(a, b, columns, InformationUnit.Nats, reverse);
            TokenKullbackLeibler.FromLogitsRows(a, a, columns, InformationUnit.Nats, same);
            var p = new double[columns];
            var q = new double[columns];
            for (int r = 0; r < rows; r++)
            {
                Measures.Softmax(a.AsSpan(r * columns, columns), 1.0, p);
                Measures.Softmax(b.AsSpan(r * columns, columns), 1.0, q);
                double expectedForward = Measures.KullbackLeibler(p, q, InformationUnit.Nats).Value;
                double expectedReverse = Measures.KullbackLeibler(q, p, InformationUnit.Nats).Value;
                if (Math.Abs(forward[r] - expectedForward) > 1e-12 || Math.Abs(reverse[r] - expectedReverse) > 1e-12
                    || forward[r] < -1e-15 || reverse[r] < -1e-15 || Math.Abs(same[r]) > 1e-15)
                {
                    return false;
                }
            }

            return a.AsSpan().SequenceEqual(aCopy);
        });
    }

    [Fact]
    public void ExtremeLogitsStayFinite()
    {
        // A policy that puts all but e^-1000 of its mass on token 0: the exact KL is log-sum-exp algebra,
        // D = log(1/ref_0) to within e^-1000 = -log softmax(reference)_0 = log(1 + e^-1) here.
        double[] policy = [1000.0, 0.0];
        double[] reference = [1.0, 0.0];
        var kl = TokenKullbackLeibler.FromLogits(policy, reference, InformationUnit.Nats);
        Assert.Equal(Math.Log(1 + Math.Exp(-1)), kl.Value, 1e-15);
    }

    [Fact]
    public void BadInputNamesParameterAndValue()
    {
        var d = new double[1];
        var e1 = Assert.Throws<ArgumentException>(() => TokenKullbackLeibler.FromLogitsRows([1.0, double.NaN], [0.0, 0.0], 2, InformationUnit.Nats, d));
        Assert.Equal("policyLogits", e1.ParamName);
        Assert.Contains("NaN at index 1", e1.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<ArgumentException>(() => TokenKullbackLeibler.FromLogitsRows([1.0, 0.0], [0.0, 0.0, 0.0], 2, InformationUnit.Nats, d));
        Assert.Equal("referenceLogits", e2.ParamName);
        var e3 = Assert.Throws<ArgumentException>(() => TokenKullbackLeibler.FromLogitsRows([1.0, 0.0, 2.0], [0.0, 0.0, 0.0], 2, InformationUnit.Nats, d));
        Assert.Equal("policyLogits", e3.ParamName);
        Assert.Contains("whole number of rows", e3.Message, StringComparison.Ordinal);
        var e4 = Assert.Throws<ArgumentException>(() => TokenKullbackLeibler.FromLogitsRows([1.0, 0.0], [0.0, 0.0], 2, InformationUnit.Nats, new double[2]));
        Assert.Equal("destination", e4.ParamName);
    }
}
