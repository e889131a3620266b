namespace Shannon.Tests.Units;

/// <summary>Unit conversions; the constants are ln 2 and ln 10 to double precision.</summary>
public class UnitTests
{
    [Fact]
    public void ConversionConstantsAreTheLogarithms()
    {
        Assert.Equal(InformationUnits.NatsPerBit, Math.Log(2));
        Assert.Equal(InformationUnits.NatsPerHartley, Math.Log(10));
    }

    [Theory]
    [InlineData(1.0, InformationUnit.Bits, InformationUnit.Nats, 0.6931471805599453)]
    [InlineData(1.0, InformationUnit.Hartleys, InformationUnit.Bits, 3.321928094887362)] // log2 10
    [InlineData(2.0, InformationUnit.Nats, InformationUnit.Nats, 2.0)]
    public void ConvertBetweenUnits(double value, InformationUnit from, InformationUnit to, double expected) =>
        Assert.Equal(expected, InformationUnits.Convert(value, from, to), 1e-15);

    [Fact]
    public void PerplexityOfTheKeyExercise()
    {
        // A loss of 3.2 nats: perplexity e^3.2 = 24.532530197109352 (Python: math.exp(3.2)); in bits 3.2 / ln 2.
        var loss = new Information(3.2, InformationUnit.Nats);
        Assert.Equal(24.532530197109352, Perplexity.FromCrossEntropy(loss), 1e-12);
        Assert.Equal(4.616624130844683, loss.Bits, 1e-12); // Python: 3.2 / math.log(2)
        Assert.Equal(3.2, Perplexity.ToCrossEntropy(24.532530197109352, InformationUnit.Nats).Value, 1e-12);

        // A fair coin per symbol has perplexity 2.
        Assert.Equal(2.0, Perplexity.FromCrossEntropy(new Information(1, InformationUnit.Bits)), 1e-15);
    }

    [Fact]
    public void BitsPerCharacterUsesCharactersPerToken()
    {
        var perToken = new Information(4.5, InformationUnit.Bits);
        Assert.Equal(1.0, Perplexity.BitsPerCharacter(perToken, 4.5), 1e-15);
        Assert.Equal(4.5, Perplexity.FromBitsPerCharacter(1.0, 4.5, InformationUnit.Bits).Value, 1e-15);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Perplexity.BitsPerCharacter(perToken, 0));
        Assert.Equal("charactersPerToken", ex.ParamName);
        var ex2 = Assert.Throws<ArgumentOutOfRangeException>(() => Perplexity.ToCrossEntropy(0.5, InformationUnit.Bits));
        Assert.Equal("perplexity", ex2.ParamName);
    }

    [Fact]
    public void InformationPrintsItsUnit()
    {
        Assert.Equal("1.5 bits", new Information(1.5, InformationUnit.Bits).ToString());
        Assert.Equal("0.25 nats", new Information(0.25, InformationUnit.Nats).ToString());
        Assert.True(InformationUnits.TryParse("Hartleys", out var u) && u == InformationUnit.Hartleys);
        Assert.False(InformationUnits.TryParse("furlongs", out _));
    }
}
