using System.Runtime.Intrinsics;

namespace Shannon.Tests.Internal;

public class VectorMathTests
{
    [Theory]
    // numpy 1.24.2 np.exp(x), printed with repr (Debian python3).
    [InlineData(0.0, 1.0)]
    [InlineData(-1e-300, 1.0)]
    [InlineData(-0.34657359027997264, 0.7071067811865476)]
    [InlineData(-0.5, 0.6065306597126334)]
    [InlineData(-1.0, 0.3678794411714424)]
    [InlineData(-10.25, 3.535750085040998e-05)]
    [InlineData(-345.6, 8.087737632630891e-151)]
    [InlineData(-700.5, 5.980196118639791e-305)]
    [InlineData(-708.0, 3.307553003638408e-308)]
    public void ExpMatchesNumpy(double x, double expected)
    {
        var lanes = VectorMath.ExpNonPositive(Vector256.Create(x, x / 2, x, x / 4));
        Assert.Equal(expected, lanes[0], expected * 1e-15);
        Assert.Equal(expected, lanes[2], expected * 1e-15);
    }

    [Fact]
    public void ExpIsExactAtZeroAndWithinTwoUlpOfTheRuntimeOverTheRange()
    {
        Assert.Equal(1.0, VectorMath.ExpNonPositive(Vector256<double>.Zero)[0]);
        var random = new Random(3);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            // Uniform over [-708, 0], and densely near 0 and near the boundaries of the reduction |r| <= ln 2 / 2.
            double x = (i % 3) switch
            {
                0 => -708 * random.NextDouble(),
                1 => -1e-3 * random.NextDouble(),
                _ => -((Math.Round(random.NextDouble() * 1000) + 0.5) * Math.Log(2)) * (1 + ((random.NextDouble() - 0.5) * 1e-12)),
            };

            if (x < VectorMath.LowestExpArgument)
            {
                continue;
            }

            double expected = Math.Exp(x);
            double got = VectorMath.ExpNonPositive(Vector256.Create(x))[0];
            worst = Math.Max(worst, Math.Abs(got - expected) / expected);
        }

        // Two ulp of a result in [1, 2) is 4.4e-16 relative; the runtime's own exp may be off by about 0.5 ulp.
        Assert.InRange(worst, 0, 5e-16);
    }

    [Theory]
    // numpy 1.24.2 np.log(x), printed with repr (Debian python3).
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, -0.6931471805599453)]
    [InlineData(0.7071067811865476, -0.3465735902799726)]
    [InlineData(0.7071067811865475, -0.34657359027997275)]
    [InlineData(1.4142135623730951, 0.3465735902799727)]
    [InlineData(1e-300, -690.7755278982137)]
    [InlineData(5e-324, -744.4400719213812)]
    [InlineData(2.2250738585072014e-308, -708.3964185322641)]
    [InlineData(1e-310, -713.8013788281542)]
    [InlineData(0.999999, -1.000000500029089e-06)]
    [InlineData(3.0, 1.0986122886681096)]
    [InlineData(1.7976931348623157e308, 709.782712893384)]
    public void LogMatchesNumpy(double x, double expected)
    {
        var lanes = VectorMath.LogPositive(Vector256.Create(2.0, x, 0.25, x));
        Assert.Equal(expected, lanes[1], Math.Max(Math.Abs(expected), 1e-300) * 2.5e-16);
        Assert.Equal(expected, lanes[3], Math.Max(Math.Abs(expected), 1e-300) * 2.5e-16);
    }

    [Fact]
    public void LogIsWithinTwoUlpOfTheRuntimeOverTheDoubles()
    {
        var random = new Random(5);
        double worst = 0;
        for (int i = 0; i < 300_000; i++)
        {
            // Random bit patterns over all positive finite doubles (subnormals included), and values near 1.
            double x = i % 2 == 0
                ? BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000L))
                : 1 + ((random.NextDouble() - 0.5) * 1e-3);
            double expected = Math.Log(x);
            double got = VectorMath.LogPositive(Vector256.Create(x))[0];
            worst = Math.Max(worst, Math.Abs(got - expected) / Math.Max(Math.Abs(expected), 1e-300));
        }

        Assert.InRange(worst, 0, 5e-16);
    }

    [Fact]
    public void SingleExpIsExactAtZeroAndWithinTwoUlpOverItsRange()
    {
        Assert.Equal(1f, VectorMath.ExpNonPositive(Vector256<float>.Zero)[0]);
        var random = new Random(9);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            float x = i % 2 == 0 ? (float)(-87 * random.NextDouble()) : (float)(-1e-3 * random.NextDouble());
            double expected = Math.Exp(x);
            double got = VectorMath.ExpNonPositive(Vector256.Create(x))[0];
            worst = Math.Max(worst, Math.Abs(got - expected) / expected);
        }

        // A float's ulp is 6e-8 to 1.2e-7 relative; the result is within about two of the exact value.
        Assert.InRange(worst, 0, 3e-7);
        Assert.Equal(Math.Exp(-87.0), VectorMath.ExpNonPositive(Vector256.Create(-87f))[0], Math.Exp(-87.0) * 3e-7);
    }

    [Fact]
    public void TheTwoLaneExpAndLogGiveTheBitsOfTheFourLaneOnes()
    {
        // Exact: the 128-bit overloads do the same IEEE operations lane by lane as the 256-bit ones.
        var random = new Random(16);
        for (int i = 0; i < 20_000; i++)
        {
            double a = VectorMath.LowestExpArgument * random.NextDouble(), b = -random.NextDouble();
            Assert.Equal(VectorMath.ExpNonPositive(Vector256.Create(a, b, a, b)).GetLower(), VectorMath.ExpNonPositive(Vector128.Create(a, b)));
            double x = BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000L)), y = 1 + (random.NextDouble() - 0.5);
            Assert.Equal(VectorMath.LogPositive(Vector256.Create(x, y, x, y)).GetLower(), VectorMath.LogPositive(Vector128.Create(x, y)));
        }
    }

    [Fact]
    public void TheFourLaneAndScalarSingleExpsGiveTheBitsOfTheEightLaneOne()
    {
        // Exact: the 128-bit and scalar overloads do the same IEEE operations (fused multiply-adds included) lane by
        // lane as the 256-bit one. Arguments uniform over [-87, 0], densely near 0, at the ends, and at the boundaries
        // of the reduction, |r| = ln 2 / 2.
        var random = new Random(17);
        for (int i = 0; i < 20_000; i++)
        {
            var x = new float[8];
            for (int lane = 0; lane < 8; lane++)
            {
                x[lane] = ((i + lane) % 4) switch
                {
                    0 => (float)(VectorMath.LowestExpArgumentSingle * random.NextDouble()),
                    1 => (float)(-1e-3 * random.NextDouble()),
                    2 => (float)Math.Max(VectorMath.LowestExpArgumentSingle, -(Math.Round(random.NextDouble() * 125) + 0.5) * Math.Log(2)),
                    _ => lane % 2 == 0 ? 0f : VectorMath.LowestExpArgumentSingle,
                };
            }

            var wide = VectorMath.ExpNonPositive(Vector256.Create(x));
            Assert.Equal(wide.GetLower(), VectorMath.ExpNonPositive(Vector128.Create(x, 0)));
            Assert.Equal(wide.GetUpper(), VectorMath.ExpNonPositive(Vector128.Create(x, 4)));
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(wide[lane]), BitConverter.SingleToInt32Bits(VectorMath.ExpNonPositive(x[lane])));
            }
        }
    }
}
