using CsCheck;
using Shannon.Distributions;

namespace Shannon.Tests;

/// <summary>CsCheck generators of distributions that include exact zeros, joint tables and Markov chains.</summary>
internal static class Generators
{
    /// <summary>A weight that is exactly zero one time in four.</summary>
    private static readonly Gen<double> Weight =
        Gen.Select(Gen.Double[0.0, 1.0], Gen.Int[0, 3], (v, zero) => zero == 0 ? 0.0 : v);

    public static double[] Normalise(double[] w)
    {
        double s = w.Sum();
        if (s == 0)
        {
            w[0] = 1;
            s = 1;
        }

        return w.Select(x => x / s).ToArray();
    }

    public static Gen<double[]> Distribution(int length) => Weight.Array[length].Select(Normalise);

    public static Gen<double[]> Distribution(int minLength, int maxLength) =>
        Gen.Int[minLength, maxLength].SelectMany(Distribution);

    public static Gen<(double[] P, double[] Q)> Pair(int minLength = 1, int maxLength = 10) =>
        Gen.Int[minLength, maxLength].SelectMany(n => Gen.Select(Distribution(n), Distribution(n)));

    public static Gen<JointDistribution> Joint2(int maxSide = 6) =>
        Gen.Select(Gen.Int[1, maxSide], Gen.Int[1, maxSide])
            .SelectMany((r, c) => Distribution(r * c).Select(p => JointDistribution.FromProbabilities(p, r, c)));

    public static Gen<JointDistribution> Joint3(int maxSide = 4) =>
        Gen.Select(Gen.Int[1, maxSide], Gen.Int[1, maxSide], Gen.Int[1, maxSide])
            .SelectMany((a, b, c) => Distribution(a * b * c).Select(p => JointDistribution.FromProbabilities(p, a, b, c)));

    /// <summary>A row-stochastic channel p(b | a) with rows a and columns b (rows may contain zeros).</summary>
    public static Gen<double[][]> Channel(int inputs, int outputs) => Distribution(outputs).Array[inputs];

    /// <summary>p(x, y, z) = p(x) p(y | x) p(z | y): a Markov chain X -> Y -> Z.</summary>
    public static Gen<JointDistribution> MarkovChain(int maxSide = 4) =>
        Gen.Select(Gen.Int[1, maxSide], Gen.Int[1, maxSide], Gen.Int[1, maxSide]).SelectMany((nx, ny, nz) =>
            Gen.Select(Distribution(nx), Channel(nx, ny), Channel(ny, nz), (px, a, b) =>
            {
                var p = new double[nx * ny * nz];
                for (int x = 0; x < nx; x++)
                {
                    for (int y = 0; y < ny; y++)
                    {
                        for (int z = 0; z < nz; z++)
                        {
                            p[(((x * ny) + y) * nz) + z] = px[x] * a[x][y] * b[y][z];
                        }
                    }
                }

                // Products of normalised vectors sum to 1 up to rounding of order 1e-16 per cell.
                return JointDistribution.FromProbabilities(p, nx, ny, nz);
            }));

    public static Gen<double[]> Logits(int minLength = 1, int maxLength = 12) =>
        Gen.Double[-30.0, 30.0].Array[minLength, maxLength];
}
