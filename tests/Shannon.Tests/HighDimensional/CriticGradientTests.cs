using Shannon.Estimators.Continuous;

namespace Shannon.Tests.HighDimensional;

/// <summary>The critics' hand-written backpropagation against central finite differences of the objective
/// J(theta) = sum_ij W_ij S_ij(theta) for fixed random weights W (so dJ/dS = W).</summary>
public class CriticGradientTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Backpropagation_matches_finite_differences(bool separable)
    {
        var random = new Random(3);
        int b = 5, dx = 3, dy = 2;
        var parameters = new AdamParameters();
        ICritic critic = separable ? new SeparableCritic(dx, dy, 6, 4, parameters, random) : new JointCritic(dx, dy, 6, 5, parameters, random);
        double[] x = Enumerable.Range(0, b * dx).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] y = Enumerable.Range(0, b * dy).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] w = Enumerable.Range(0, b * b).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double J() => critic.Scores(x, y, b).Select((s, p) => s * w[p]).Sum();
        J();
        parameters.ZeroGradients();
        critic.Backward(w);
        double[][] values = parameters.Snapshot();
        int checkedCount = 0;
        for (int g = 0; g < values.Length; g++)
        {
            double[] gradient = (double[])parameters.GradientOf(ParameterArray(parameters, g)).Clone();
            double[] theta = ParameterArray(parameters, g);
            for (int i = 0; i < theta.Length; i++)
            {
                double keep = theta[i];
                const double h = 1e-6;
                theta[i] = keep + h;
                double up = J();
                theta[i] = keep - h;
                double down = J();
                theta[i] = keep;
                double numeric = (up - down) / (2 * h);
                // Central differences have error O(h^2) plus rounding ~1e-10 / h; ReLU kinks are avoided by the random inputs.
                Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-6 * (1 + Math.Abs(numeric)), $"group {g} index {i}: numeric {numeric}, backprop {gradient[i]}");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 50);
    }

    private static double[] ParameterArray(AdamParameters parameters, int group) => parameters.Values[group];
}
