using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Shannon.Lab.Language;

/// <summary>The leading singular values and left singular vectors of a matrix.</summary>
/// <param name="SingularValues">sigma_1 &gt;= ... &gt;= sigma_k.</param>
/// <param name="LeftVectors">U, rows x k, row-major.</param>
/// <param name="Rank">k.</param>
public sealed record TruncatedSvd(double[] SingularValues, double[] LeftVectors, int Rank);

/// <summary>
/// Randomized truncated SVD (Halko, Martinsson &amp; Tropp 2011, SIAM Review 53(2): algorithm 4.4, the randomized
/// subspace iteration, then algorithm 5.1): Y = A Omega with a seeded Gaussian Omega of k + p columns, q power
/// iterations re-orthonormalised at every product, Q = orth(Y), B = Q^T A, and the small eigenproblem of B B^T
/// gives sigma and U = Q U_B. Sparse times dense throughout, so a 10 000-word PPMI matrix takes a fraction of a second.
/// </summary>
public static class RandomizedSvd
{
    /// <summary>Computes the leading <paramref name="rank"/> singular triplets (left vectors only).</summary>
    /// <param name="matrix">A (rows x columns).</param>
    /// <param name="rank">k &gt;= 1, at most min(rows, columns).</param>
    /// <param name="seed">The seed of Omega.</param>
    /// <param name="oversampling">p (default 10, Halko et al.'s recommendation).</param>
    /// <param name="powerIterations">q (default 2).</param>
    /// <returns>The truncated SVD.</returns>
    public static TruncatedSvd Compute(SparseMatrix matrix, int rank, int seed, int oversampling = 10, int powerIterations = 2)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int maxRank = Math.Min(matrix.Rows, matrix.Columns);
        if (rank < 1 || rank > maxRank)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), $"`rank` must be in 1..{maxRank}; got {rank}.");
        }

        if (oversampling < 0 || powerIterations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(oversampling), $"`oversampling` and `powerIterations` must be >= 0; got {oversampling}, {powerIterations}.");
        }

        int l = Math.Min(rank + oversampling, maxRank);
        var transpose = matrix.Transpose();
        var random = new Random(seed);
        var omega = new double[matrix.Columns * l];
        for (int i = 0; i < omega.Length; i++)
        {
            omega[i] = Gaussian(random);
        }

        var q = Orthonormalize(matrix.Multiply(omega, l), matrix.Rows, l);
        for (int it = 0; it < powerIterations; it++)
        {
            var z = Orthonormalize(transpose.Multiply(q, l), matrix.Columns, l);
            q = Orthonormalize(matrix.Multiply(z, l), matrix.Rows, l);
        }

        var bt = transpose.Multiply(q, l); // B^T = A^T Q, columns x l
        var c = new double[l, l];
        for (int r = 0; r < matrix.Columns; r++)
        {
            for (int i = 0; i < l; i++)
            {
                double bi = bt[(r * l) + i];
                if (bi == 0)
                {
                    continue;
                }

                for (int j = i; j < l; j++)
                {
                    c[i, j] += bi * bt[(r * l) + j];
                }
            }
        }

        for (int i = 0; i < l; i++)
        {
            for (int j = 0; j < i; j++)
            {
                c[i, j] = c[j, i];
            }
        }

        var evd = Matrix<double>.Build.DenseOfArray(c).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, l).OrderByDescending(i => evd.EigenValues[i].Real).Take(rank).ToArray();
        var sigma = order.Select(i => Math.Sqrt(Math.Max(evd.EigenValues[i].Real, 0))).ToArray();
        var u = new double[matrix.Rows * rank];
        var vectors = evd.EigenVectors;
        for (int r = 0; r < matrix.Rows; r++)
        {
            for (int k = 0; k < rank; k++)
            {
                double s = 0;
                for (int i = 0; i < l; i++)
                {
                    s += q[(r * l) + i] * vectors[i, order[k]];
                }

                u[(r * rank) + k] = s;
            }
        }

        return new TruncatedSvd(sigma, u, rank);
    }

    /// <summary>Modified Gram-Schmidt, applied twice, on the columns of a row-major rows x width matrix (in place).</summary>
    internal static double[] Orthonormalize(double[] a, int rows, int width)
    {
        var columns = new double[width][];
        for (int j = 0; j < width; j++)
        {
            var col = new double[rows];
            for (int r = 0; r < rows; r++)
            {
                col[r] = a[(r * width) + j];
            }

            columns[j] = col;
        }

        for (int pass = 0; pass < 2; pass++)
        {
            for (int j = 0; j < width; j++)
            {
                var cj = columns[j];
                for (int i = 0; i < j; i++)
                {
                    double dot = TensorPrimitives.Dot<double>(columns[i], cj);
                    TensorPrimitives.MultiplyAdd<double>(columns[i], -dot, cj, cj);
                }

                double norm = TensorPrimitives.Norm<double>(cj);
                double inv = norm > 1e-12 ? 1 / norm : 0; // a dependent column becomes zero (the matrix has lower rank)
                TensorPrimitives.Multiply<double>(cj, inv, cj);
            }
        }

        for (int j = 0; j < width; j++)
        {
            var col = columns[j];
            for (int r = 0; r < rows; r++)
            {
                a[(r * width) + j] = col[r];
            }
        }

        return a;
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
