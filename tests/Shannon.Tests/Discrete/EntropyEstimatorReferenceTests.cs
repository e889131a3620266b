using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Discrete;

/// <summary>
/// Every discrete entropy estimator against values computed by tools/reference/discrete_entropy.py (an independent
/// numpy/scipy implementation written from the papers and R's `entropy` 1.3.1 conventions), run as
/// `/usr/bin/python3 tools/reference/discrete_entropy.py` with Debian's numpy 1.24 / scipy 1.10.
/// Tolerance 1e-9 nats (closed forms: the two implementations differ only in summation order, ~1e-15);
/// NSB 1e-6 (two different quadratures: the script integrates over xi with adaptive QUADPACK, the C# code over ln beta
/// with a trapezoid rule).
/// </summary>
public sealed class EntropyEstimatorReferenceTests
{
    public static readonly Dictionary<string, long[]> Vectors = new()
    {
        ["singletons"] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        ["single_bin"] = [10, 0, 0, 0],
        ["many_zeros"] = [3, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1],
        ["zipf"] = [.. Enumerable.Range(1, 30).Select(r => (long)(1000 / r))],
    };

    public static TheoryData<string, string, double> Expected => new()
    {
        { "singletons", "plugin", 2.3025850929940455 },
        { "singletons", "miller-madow", 2.7525850929940456 },
        { "singletons", "chao-shen", 4.8162205845945 },
        { "singletons", "james-stein", 2.3025850929940455 },
        { "singletons", "grassberger", 3.572947938455523 },
        { "singletons", "jeffreys", 2.3025850929940455 },
        { "singletons", "laplace", 2.3025850929940455 },
        { "singletons", "perks", 2.3025850929940455 },
        { "singletons", "minimax", 2.302585092994046 },
        { "singletons", "nsb", 2.227235151023638 },
        { "single_bin", "plugin", 0.0 },
        { "single_bin", "miller-madow", 0.0 },
        { "single_bin", "chao-shen", 0.0 },
        { "single_bin", "james-stein", 0.0 },
        { "single_bin", "grassberger", -0.0016552361476507294 },
        { "single_bin", "jeffreys", 0.5140966973399506 },
        { "single_bin", "laplace", 0.7549967581308245 },
        { "single_bin", "perks", 0.32381566267106526 },
        { "single_bin", "minimax", 0.6696399092420735 },
        { "single_bin", "nsb", 0.10136468326297851 },
        { "many_zeros", "plugin", 1.4241299173467734 },
        { "many_zeros", "miller-madow", 1.5907965840134402 },
        { "many_zeros", "chao-shen", 1.6866983195021572 },
        { "many_zeros", "james-stein", 2.2496835486396223 },
        { "many_zeros", "grassberger", 1.8108250508050343 },
        { "many_zeros", "jeffreys", 2.542437762592161 },
        { "many_zeros", "laplace", 2.766855907546851 },
        { "many_zeros", "perks", 1.7260013424201444 },
        { "many_zeros", "minimax", 2.1130166731836026 },
        { "many_zeros", "nsb", 1.8056394540052112 },
        { "zipf", "plugin", 2.8249177659516356 },
        { "zipf", "miller-madow", 2.8285582379576613 },
        { "zipf", "chao-shen", 2.8249177659516356 },
        { "zipf", "james-stein", 2.8283958559769027 },
        { "zipf", "grassberger", 2.8281923031822167 },
        { "zipf", "jeffreys", 2.828859426229971 },
        { "zipf", "laplace", 2.8327567109186136 },
        { "zipf", "perks", 2.8251819388228836 },
        { "zipf", "minimax", 2.8412061030619777 },
        { "zipf", "nsb", 2.8301083230673703 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void MatchesTheIndependentReference(string vector, string estimator, double expectedNats)
    {
        var e = EntropyEstimators.Parse(estimator);
        var result = e.Estimate(Vectors[vector], InformationUnit.Nats);
        Assert.Equal(estimator, result.Estimator);
        Assert.Equal(expectedNats, result.Value, estimator == "nsb" ? 1e-6 : 1e-9);
        Assert.Equal(Vectors[vector].Sum(), result.SampleCount);
    }

    [Theory]
    [InlineData("singletons", 1.0)]
    [InlineData("single_bin", 0.0)]
    [InlineData("many_zeros", 0.2882483370288247)]
    [InlineData("zipf", 0.0033098786858915996)]
    public void JamesSteinReportsTheReferenceLambda(string vector, double lambda)
    {
        var result = new JamesSteinEntropyEstimator().Estimate(Vectors[vector], InformationUnit.Nats);
        Assert.Equal(lambda, result.Diagnostic("lambda")!.Value, 1e-12);
    }

    [Theory]
    [InlineData("singletons", 0.07121465160055374)]
    [InlineData("single_bin", 0.16885753004459772)]
    [InlineData("many_zeros", 0.3268397476934917)]
    [InlineData("zipf", 0.017637853457444213)]
    public void NsbReportsTheReferencePosteriorStd(string vector, double std)
    {
        var result = new NsbEntropyEstimator().Estimate(Vectors[vector], InformationUnit.Nats);
        Assert.Equal(std, result.Diagnostic("posterior_std")!.Value, 1e-6);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void UnlistedEmptyBinsEqualListedZeros(string vector, string estimator, double expectedNats)
    {
        // The sparse form (only the non-zero counts plus the alphabet size) must give the dense answer.
        var dense = Vectors[vector];
        var sparse = dense.Where(c => c > 0).ToArray();
        var e = EntropyEstimators.Parse(estimator);
        var result = e.Estimate(sparse, dense.Length, InformationUnit.Nats);
        Assert.Equal(expectedNats, result.Value, estimator == "nsb" ? 1e-6 : 1e-9);
    }

    [Fact]
    public void UnitsOnlyRescale()
    {
        foreach (var name in EntropyEstimators.Names)
        {
            var e = EntropyEstimators.Parse(name);
            double nats = e.Estimate(Vectors["many_zeros"], InformationUnit.Nats).Value;
            Assert.Equal(nats / Math.Log(2), e.Estimate(Vectors["many_zeros"], InformationUnit.Bits).Value, 1e-12);
            Assert.Equal(nats / Math.Log(10), e.Estimate(Vectors["many_zeros"], InformationUnit.Hartleys).Value, 1e-12);
        }
    }
}
