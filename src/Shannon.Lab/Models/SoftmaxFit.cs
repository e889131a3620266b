using Shannon.Distributions;

namespace Shannon.Lab.Models;

/// <summary>
/// A categorical model Q = softmax(z) fitted to a target P by plain gradient descent on the cross-entropy
/// H(P, Q) = -sum_i p_i ln q_i (nats). Its gradient in the logits is exactly q - p, so each step is
/// z &lt;- z - rate (softmax(z) - p). Since H(P, Q) = H(P) + KL(P || Q), the loss falls towards H(P) and what is
/// left is the KL gap. Where some p_i = 0 the model only approaches it (z_i -> -infinity), so KL stays positive.
/// </summary>
public static class SoftmaxFit
{
    /// <summary>The model after each step, from z_0 = 0 (the uniform distribution).</summary>
    /// <param name="target">P: probabilities over K &gt;= 2 outcomes (a validated distribution).</param>
    /// <param name="steps">The number of gradient steps, &gt;= 0.</param>
    /// <param name="learningRate">The step size, &gt; 0 and finite.</param>
    /// <returns><paramref name="steps"/> + 1 rows; row t is Q after t steps.</returns>
    public static double[][] Trajectory(Categorical target, int steps, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"`{nameof(steps)}` must be an integer >= 0; got {steps}.");
        }
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, $"`{nameof(learningRate)}` must be a finite number > 0; got {learningRate}.");
        }

        var p = target.Probabilities.ToArray();
        var z = new double[p.Length];
        var rows = new double[steps + 1][];
        for (int t = 0; t <= steps; t++)
        {
            var q = new double[p.Length];
            Measures.Softmax(z, 1.0, q);
            rows[t] = q;
            for (int i = 0; i < z.Length; i++)
            {
                z[i] -= learningRate * (q[i] - p[i]);
            }
        }

        return rows;
    }
}
