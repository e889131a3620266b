namespace Shannon.Tests.Continuous;

public class DigammaTests
{
    [Theory]
    // scipy 1.10.1 scipy.special.digamma(x), printed with repr.
    [InlineData(1.0, -0.5772156649015329)]
    [InlineData(0.5, -1.9635100260214235)]
    [InlineData(3.0, 0.9227843350984671)]
    [InlineData(10.0, 2.251752589066721)]
    [InlineData(3.7, 1.1671535393615113)]
    [InlineData(1000000.0, 13.81551005796419)]
    [InlineData(0.001, -1000.5755719318103)]
    [InlineData(-0.5, 0.03648997397857651)]
    public void MatchesScipy(double x, double expected)
    {
        Assert.Equal(expected, Digamma.Of(x), Math.Abs(expected) * 4e-15 + 1e-15);
    }

    [Fact]
    public void IntegerTableAgreesWithMathNetAndTheRecurrence()
    {
        for (int n = 1; n < 10_000; n += 7)
        {
            double mathNet = MathNet.Numerics.SpecialFunctions.DiGamma(n);
            Assert.Equal(mathNet, Digamma.OfInteger(n), Math.Abs(mathNet) * 1e-13 + 1e-14);
            // psi(n + 1) = psi(n) + 1/n.
            Assert.Equal(Digamma.OfInteger(n) + 1.0 / n, Digamma.OfInteger(n + 1), 1e-14 * (1 + Math.Abs(Digamma.OfInteger(n))));
        }
    }

    [Fact]
    public void PolesAreNaN()
    {
        Assert.True(double.IsNaN(Digamma.Of(0)));
        Assert.True(double.IsNaN(Digamma.Of(-3)));
    }
}
