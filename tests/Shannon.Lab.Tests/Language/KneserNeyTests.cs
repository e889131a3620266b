using Shannon.Lab.Language;

namespace Shannon.Lab.Tests.Language;

public class KneserNeyTests
{
    // Must equal TEXT in tools/reference/language_kneser_ney.py.
    private const string Text = "the cat sat on the mat. the cat ate the rat. a bat sat on a hat; the rat ran at the cat. " +
        "that hat is the cat's hat, and that mat is the rat's mat. the bat and the cat sat, the rat ran.";

    private static readonly CharacterLanguageModel Model = CharacterLanguageModel.Train(Text, 3);

    // Expected values: /usr/bin/python3 tools/reference/language_kneser_ney.py (an independent dictionary-based
    // implementation). Tolerance 1e-12: the same closed forms in double precision, different summation order.
    [Theory]
    [InlineData(1, false, 1, 6, 1, 0, 0.07692307692307687, 1.9615384615384615, 3.0)]
    [InlineData(1, true, 10, 5, 1, 0, 0.5, 1.7, 3.0)]
    [InlineData(2, false, 4, 13, 6, 4, 0.1333333333333333, 1.8153846153846154, 2.6444444444444444)]
    [InlineData(2, true, 27, 7, 2, 1, 0.6585365853658536, 1.4355400696864111, 1.6829268292682926)]
    [InlineData(3, false, 21, 25, 7, 4, 0.295774647887324, 1.751549295774648, 2.323943661971831)]
    public void DiscountsMatchClosedFormFromCountOfCounts(int n, bool continuation, long n1, long n2, long n3, long n4, double d1, double d2, double d3)
    {
        Assert.Equal([n1, n2, n3, n4], Model.CountOfCounts(n, continuation));
        var d = Model.Discounts(n, continuation);
        Assert.False(d.IsFallback);
        Assert.Equal(d1, d.D1, 1e-12);
        Assert.Equal(d2, d.D2, 1e-12);
        Assert.Equal(d3, d.D3Plus, 1e-12);
    }

    [Theory]
    [InlineData("th", 'e', 0.7113997816341042)]
    [InlineData("ca", 't', 0.7890237206789666)]
    [InlineData("e ", 'c', 0.23843789277812394)]
    [InlineData("xq", 'a', 0.13292847503373817)]
    [InlineData("", 't', 0.038056680161943315)]
    [InlineData("ra", 'n', 0.0895128623556619)]
    public void ProbabilitiesMatchIndependentReference(string history, char next, double expected) =>
        Assert.Equal(expected, Model.Probability(history, next), 1e-12);

    [Fact]
    public void CharacterOutsideAlphabetGetsOtherMassOver65536()
    {
        // Python: p('!' | 'at') = 0.0072840071931539845 is the mass of a never-seen symbol (our "other" symbol).
        Assert.Equal(0.0072840071931539845, Model.Probability("at", '!') * 65536, 1e-12);
    }

    [Fact]
    public void ClosedFormOnCountOfCounts()
    {
        // Chen & Goodman 1998 eq. 26 by hand: n = (10, 4, 2, 1): Y = 10/18 = 5/9; D1 = 1 - 2(5/9)(4/10) = 5/9;
        // D2 = 2 - 3(5/9)(2/4) = 7/6; D3+ = 3 - 4(5/9)(1/2) = 17/9.
        var d = KneserNeyDiscounts.FromCountOfCounts(10, 4, 2, 1);
        Assert.Equal(5.0 / 9, d.D1, 1e-15);
        Assert.Equal(7.0 / 6, d.D2, 1e-15);
        Assert.Equal(17.0 / 9, d.D3Plus, 1e-15);
        Assert.True(KneserNeyDiscounts.FromCountOfCounts(0, 4, 2, 1).IsFallback);
        Assert.True(KneserNeyDiscounts.FromCountOfCounts(1, 1, 10, 1).IsFallback); // D2 = 2 - 3 (1/3) 10 < 0
    }
}
