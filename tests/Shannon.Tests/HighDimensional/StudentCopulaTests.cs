using Shannon.Distributions;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Continuous;

namespace Shannon.Tests.HighDimensional;

/// <summary>The Student-t copula that auto fits to heavy-tailed dependence, and auto's use of it.</summary>
public class StudentCopulaTests
{
    [Theory]
    // Standard t-table values (Abramowitz and Stegun, table 26.10): t_{0.975} = 12.706205 for nu = 1, 4.302653 for
    // nu = 2, 3.182446 for nu = 3; t_{0.9} = 1.533206 for nu = 4. Symmetric about u = 1/2.
    [InlineData(0.975, 1, 12.706205)]
    [InlineData(0.975, 2, 4.302653)]
    [InlineData(0.975, 3, 3.182446)]
    [InlineData(0.9, 4, 1.533206)]
    public void The_t_quantile_matches_the_table(double u, int nu, double expected)
    {
        Assert.Equal(expected, StudentCopula.Quantile(u, nu), 5);
        Assert.Equal(-expected, StudentCopula.Quantile(1 - u, nu), 5);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 2)]
    [InlineData(2, 4)]
    public void The_fit_recovers_the_degrees_of_freedom_of_a_student_t(int d, int nu)
    {
        var (x, y) = MutualInformationTask.StudentT(d, d, nu).Sample(3000, 11);
        var scores = x.Columns.Concat(y.Columns).Select(GaussianCore.CopulaNormalise).ToArray();
        var fit = StudentCopula.Fit(scores, d);
        Assert.NotNull(fit);
        Assert.Equal(nu, fit.DegreesOfFreedom);
        // Identity dispersion: the Gaussian part 1/2 ln det terms are O(d^2 / N) = O(0.01) at N = 3000.
        Assert.InRange(fit.GaussianPart, -0.01, 0.03);
        Assert.True(fit.LogLikelihoodGain > 0);
    }

    [Fact]
    public void The_fit_prefers_the_gaussian_copula_or_a_large_nu_on_gaussian_data()
    {
        var (x, y) = MutualInformationTask.NormalDense(3, 3).Sample(3000, 12);
        var scores = x.Columns.Concat(y.Columns).Select(GaussianCore.CopulaNormalise).ToArray();
        var fit = StudentCopula.Fit(scores, 3);
        Assert.True(fit is null || fit.DegreesOfFreedom >= 20, $"nu = {fit?.DegreesOfFreedom}");
    }

    [Theory]
    // Student-t nu = 2 with identity dispersion: truth c(2,d) + c(2,d) - c(2,2d) (Arellano-Valle et al. 2013), 0.2911
    // (3 x 3) and 0.4478 (5 x 5). KSG on normal scores reads 0.19 and 0.20 at N = 5000, below the bound of
    // 0.1 + 15%. Auto must name the t copula, and land within 4 of its reported standard errors of the truth.
    [InlineData(3)]
    [InlineData(5)]
    public void Auto_reports_the_student_t_copula_for_multivariate_t_dependence(int d)
    {
        var task = MutualInformationTask.Asinh(MutualInformationTask.StudentT(d, d, 2));
        var (x, y) = task.Sample(3000, 31);
        var result = new AutoMutualInformationEstimator().EstimateWithDiagnostics(x, y, InformationUnit.Nats);
        Assert.Equal("student-t-copula", result.Choice);
        Assert.Equal("auto:student-t-copula", result.Estimate.Estimator);
        Assert.Contains("nu = 2", result.Reason, StringComparison.Ordinal);
        Assert.InRange(result.StandardError, 0.005, 0.05);
        Assert.Equal(task.TrueMutualInformation, result.Estimate.Value, 4 * result.StandardError);
        Assert.Equal(result.Estimate.Value, result.Candidates["student-t-copula"]);
    }

    [Fact]
    public void The_catalogue_default_for_two_real_sides_is_auto_with_its_choice_and_standard_error()
    {
        // The same task and seed as above (3 x 3): the catalogue's automatic choice must give the auto estimator's
        // value, name its method and carry its standard error.
        var task = MutualInformationTask.Asinh(MutualInformationTask.StudentT(3, 3, 2));
        var (x, y) = task.Sample(3000, 31);
        IReadOnlyList<SampleColumn> Columns(Samples s, string p) => [.. s.Columns.Select((c, j) => SampleColumn.FromNumbers(p + j, c, VariableKind.Continuous))];
        var e = EstimatorCatalogue.MutualInformation(null, Columns(x, "x"), Columns(y, "y"), [], null, InformationUnit.Nats);
        var direct = new AutoMutualInformationEstimator().EstimateWithDiagnostics(x, y, InformationUnit.Nats);
        Assert.Equal("auto", e.Estimator);
        Assert.Equal("student-t-copula", e.Choice);
        Assert.Equal(direct.Reason, e.ChoiceReason);
        Assert.Equal(direct.Estimate.Value, e.Value, 1e-12);
        Assert.Equal(direct.StandardError, e.Diagnostic("auto_standard_error"));
    }
}
