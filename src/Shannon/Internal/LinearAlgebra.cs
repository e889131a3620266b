namespace Shannon;

/// <summary>The little dense linear algebra the closed forms need: Cholesky, log-determinants, triangular solves.</summary>
internal static class LinearAlgebra
{
    /// <summary>A validated copy of a square, finite, symmetric matrix (relative asymmetry up to 1e-10).</summary>
    public static double[,] CheckedCovariance(double[,] matrix, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        int n = matrix.GetLength(0);
        if (n == 0 || matrix.GetLength(1) != n)
        {
            throw Preconditions.Error(name, "a non-empty square matrix", $"{n} x {matrix.GetLength(1)}");
        }

        var copy = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = matrix[i, j];
                if (!double.IsFinite(v))
                {
                    throw Preconditions.Error(name, "finite everywhere", $"{Preconditions.Format(v)} at ({i}, {j})");
                }

                copy[i, j] = v;
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double scale = Math.Max(Math.Abs(copy[i, j]), Math.Abs(copy[j, i]));
                if (Math.Abs(copy[i, j] - copy[j, i]) > 1e-10 * Math.Max(scale, double.Epsilon))
                {
                    throw Preconditions.Error(name, "symmetric", $"{Preconditions.Format(copy[i, j])} at ({i}, {j}) but {Preconditions.Format(copy[j, i])} at ({j}, {i})");
                }
            }
        }

        return copy;
    }

    /// <summary>The lower Cholesky factor L with A = L L^T; throws naming the matrix when A is not positive definite.</summary>
    public static double[,] Cholesky(double[,] a, string name)
    {
        int n = a.GetLength(0);
        var l = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            double d = a[j, j];
            for (int k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }

            if (!(d > 0) || !double.IsFinite(d))
            {
                throw Preconditions.Error(
                    name,
                    "symmetric positive definite",
                    $"a matrix whose Cholesky pivot {j} is {Preconditions.Format(d)}",
                    "Check for duplicated or perfectly correlated variables, or add a small ridge to the diagonal.");
            }

            double ljj = Math.Sqrt(d);
            l[j, j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                l[i, j] = s / ljj;
            }
        }

        return l;
    }

    public static double LogDeterminantFromCholesky(double[,] l)
    {
        double sum = 0;
        for (int i = 0; i < l.GetLength(0); i++)
        {
            sum += Math.Log(l[i, i]);
        }

        return 2 * sum;
    }

    /// <summary>Solves L y = b in place (forward substitution).</summary>
    public static void ForwardSolve(double[,] l, Span<double> b)
    {
        int n = b.Length;
        for (int i = 0; i < n; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= l[i, k] * b[k];
            }

            b[i] = s / l[i, i];
        }
    }

    /// <summary>The sub-matrix of rows and columns <paramref name="indices"/>.</summary>
    public static double[,] SubMatrix(double[,] a, ReadOnlySpan<int> indices)
    {
        var s = new double[indices.Length, indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            for (int j = 0; j < indices.Length; j++)
            {
                s[i, j] = a[indices[i], indices[j]];
            }
        }

        return s;
    }
}
