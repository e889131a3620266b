using Shannon.Distributions;
using Shannon.Estimators.Continuous;

namespace Shannon.Tests.HighDimensional;

/// <summary>The neural estimators and the auto default on tasks with closed-form truth.</summary>
public class VariationalAndAutoTests
{
    private static VariationalOptions Small(VariationalBound bound, int seed) =>
        new() { Bound = bound, Seed = seed, MaxSteps = 400, HiddenUnits = 16 };

    [Theory]
    // A normal pair with rho = 0.8 (truth -1/2 ln 0.36 = 0.5108 nats), N = 1500, 400 steps, 16 hidden units. Over 5 seeds
    // (data seeds 100..104, estimator seeds 0..4) the held-out values had mean / sd: InfoNCE 0.476 / 0.050, NWJ 0.430 / 0.069,
    // MINE 0.418 / 0.063, SMILE 0.420 / 0.074 (an under-trained critic: lower bounds sit below the truth). The band is
    // truth - 0.09 (the largest measured shortfall) +- 4 sd, so it fails when training stops working, not by chance.
    [InlineData(VariationalBound.InfoNce, 0.050)]
    [InlineData(VariationalBound.Nwj, 0.069)]
    [InlineData(VariationalBound.Mine, 0.063)]
    [InlineData(VariationalBound.Smile, 0.074)]
    public void Each_bound_recovers_a_gaussian_mi_in_low_dimension(VariationalBound bound, double sd)
    {
        var task = MutualInformationTask.NormalDense(1, 1, 0.8);
        var (x, y) = task.Sample(1500, 100);
        var result = new VariationalMutualInformationEstimator(Small(bound, 0)).Train(x, y, InformationUnit.Nats);
        Assert.InRange(result.Estimate.Value, task.TrueMutualInformation - 0.09 - 4 * sd, task.TrueMutualInformation + 4 * sd);
        Assert.Equal(bound, result.Bound);
        Assert.NotEmpty(result.Curve);
        Assert.True(double.IsFinite(result.StandardError));
    }

    [Fact]
    public void InfoNce_never_exceeds_ln_b_and_says_so_near_it()
    {
        // Additive noise with eps = 0.01 has I = 0.01 - ln 0.02 = 3.92 nats, above ln 16 = 2.77: InfoNCE saturates.
        var (x, y) = MutualInformationTask.AdditiveUniform(0.01).Sample(1500, 4);
        var result = new VariationalMutualInformationEstimator(Small(VariationalBound.InfoNce, 1) with { BatchSize = 16, MaxSteps = 2000, HiddenUnits = 32 }).Train(x, y, InformationUnit.Nats);
        Assert.Equal(Math.Log(16), result.Ceiling!.Value, 1e-12);
        Assert.True(result.Estimate.Value <= result.Ceiling.Value, $"{result.Estimate.Value} > ln 16");
        Assert.True(result.Estimate.Value > Math.Log(16) - 1, $"{result.Estimate.Value}");
        Assert.Contains(result.Estimate.Warnings, w => w.Contains("ceiling", StringComparison.Ordinal));
    }

    [Fact]
    public void Training_is_reproducible_for_a_seed_and_the_joint_critic_runs()
    {
        var (x, y) = MutualInformationTask.NormalSparse(2, 2, 1).Sample(1500, 8);
        var options = Small(VariationalBound.Smile, 3) with { MaxSteps = 100, Critic = CriticArchitecture.Joint };
        double a = new VariationalMutualInformationEstimator(options).Estimate(x, y, InformationUnit.Nats).Value;
        double b = new VariationalMutualInformationEstimator(options).Estimate(x, y, InformationUnit.Nats).Value;
        Assert.Equal(a, b);
        Assert.Equal("smile-joint", new VariationalMutualInformationEstimator(options).Estimate(x, y, InformationUnit.Nats).Estimator);
    }

    [Fact]
    public void Bad_variational_options_name_the_parameter()
    {
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalMutualInformationEstimator(new VariationalOptions { BatchSize = 1 })).ParamName);
        Assert.Equal("bound", Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalMutualInformationEstimator(new VariationalOptions { Bound = 0 })).ParamName);
        var (x, y) = MutualInformationTask.NormalDense(1, 1).Sample(300, 1);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new VariationalMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats)).ParamName);
    }

    [Theory]
    // Truth 1.0217 (two pairs, rho 0.8). The Gaussian-copula estimate of 5 x 5 at N = 2000 has delta-method sd
    // sqrt(sum rho^2 / N) = sqrt(1.28 / 2000) = 0.025; 4 sd = 0.10. Plain KSG reads 0.74 at N = 5000 (the table).
    [InlineData(5, "gaussian-copula")]
    [InlineData(12, "gaussian-copula")]
    public void Auto_reports_the_gaussian_copula_for_gaussian_dependence(int d, string choice)
    {
        var task = MutualInformationTask.HalfCube(MutualInformationTask.NormalSparse(d, d));
        var (x, y) = task.Sample(2000, 21);
        var result = new AutoMutualInformationEstimator().EstimateWithDiagnostics(x, y, InformationUnit.Nats);
        Assert.Equal(choice, result.Choice);
        Assert.Equal(task.TrueMutualInformation, result.Estimate.Value, 0.10);
        Assert.Equal("auto:" + choice, result.Estimate.Estimator);
        Assert.Contains("Gaussian copula", result.Reason, StringComparison.Ordinal);
        Assert.Equal(4, result.Candidates.Count);
    }

    [Fact]
    public void Auto_detects_non_gaussian_dependence_and_is_invariant_under_marginal_maps()
    {
        // Student-t 1 x 1 with nu = 1: uncorrelated (the copula estimate is about 0) but I = 0.2242 nats. KSG at
        // N = 2000 has sd about 0.02 (local-term standard error); 4 sd plus its small-sample bias gives 0.1.
        var task = MutualInformationTask.StudentT(1, 1, 1);
        var (x, y) = task.Sample(2000, 5);
        var (tx, ty) = MutualInformationTask.Asinh(task).Sample(2000, 5);
        var estimator = new AutoMutualInformationEstimator();
        var result = estimator.EstimateWithDiagnostics(x, y, InformationUnit.Nats);
        Assert.Equal("ksg1-normal-scores-corrected", result.Choice);
        Assert.Equal(task.TrueMutualInformation, result.Estimate.Value, 0.1);
        Assert.Equal(result.Estimate.Value, estimator.Estimate(tx, ty, InformationUnit.Nats).Value);
        Assert.True(result.StandardError > 0);
        Assert.Equal(result.Estimate.Value / Math.Log(2), estimator.Estimate(x, y, InformationUnit.Bits).Value, 1e-12);
    }
}
