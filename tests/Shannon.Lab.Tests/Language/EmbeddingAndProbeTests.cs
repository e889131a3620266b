using MathNet.Numerics.LinearAlgebra;
using Shannon.Estimators.Discrete;
using Shannon.Lab.Corpora;
using Shannon.Lab.Language;
using Shannon.Text;

namespace Shannon.Lab.Tests.Language;

public class EmbeddingAndProbeTests
{
    [Fact]
    public void RandomizedSvdMatchesDenseSvdOnALowRankMatrix()
    {
        // A 240 x 180 matrix of exact rank 6 (a product of seeded Gaussian factors): with 10 oversampling columns the
        // range finder captures the range exactly, so the singular values agree with MathNet's dense SVD to rounding.
        const int rows = 240, columns = 180, rank = 6;
        var random = new Random(4);
        var left = Matrix<double>.Build.Dense(rows, rank, (_, _) => random.NextDouble() - 0.5);
        var right = Matrix<double>.Build.Dense(rank, columns, (_, _) => random.NextDouble() - 0.5);
        var dense = left * right;
        var triplets = new List<(int, int, double)>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                triplets.Add((r, c, dense[r, c]));
            }
        }

        var svd = RandomizedSvd.Compute(SparseMatrix.FromTriplets(rows, columns, triplets), 4, seed: 1);
        var reference = dense.Svd(computeVectors: true);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(reference.S[k], svd.SingularValues[k], 1e-9 * reference.S[0]);
            // Left vectors agree up to sign.
            double dot = 0;
            for (int r = 0; r < rows; r++)
            {
                dot += reference.U[r, k] * svd.LeftVectors[(r * 4) + k];
            }

            Assert.Equal(1.0, Math.Abs(dot), 1e-9);
        }
    }

    [Fact]
    public void OrthonormalizeGivesOrthonormalColumnsAndZeroesDependentOnes()
    {
        var random = new Random(2);
        const int rows = 50, width = 5;
        var a = new double[rows * width];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextDouble();
        }

        for (int r = 0; r < rows; r++)
        {
            a[(r * width) + 4] = a[(r * width) + 0] + (2 * a[(r * width) + 1]); // column 4 depends on 0 and 1
        }

        RandomizedSvd.Orthonormalize(a, rows, width);
        for (int i = 0; i < width; i++)
        {
            for (int j = 0; j < width; j++)
            {
                double dot = 0;
                for (int r = 0; r < rows; r++)
                {
                    dot += a[(r * width) + i] * a[(r * width) + j];
                }

                Assert.Equal(i == j && i < 4 ? 1.0 : 0.0, dot, 1e-10);
            }
        }
    }

    [Fact]
    public void ProbeGradientMatchesFiniteDifferences()
    {
        var random = new Random(8);
        const int examples = 7, dims = 3, classes = 4;
        var x = Enumerable.Range(0, examples * dims).Select(_ => random.NextDouble() - 0.5).ToArray();
        var counts = Enumerable.Range(0, examples * classes).Select(_ => (long)random.Next(0, 5)).ToArray();
        var w = Enumerable.Range(0, classes * (dims + 1)).Select(_ => random.NextDouble() - 0.5).ToArray();
        const double l2 = 0.01;
        var (grad, _) = SoftmaxProbe.Gradient(w, x, counts, dims, classes, l2);
        for (int i = 0; i < w.Length; i++)
        {
            const double h = 1e-6;
            var plus = (double[])w.Clone();
            var minus = (double[])w.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (Objective(plus) - Objective(minus)) / (2 * h);
            Assert.Equal(numeric, grad[i], 1e-7);
        }

        double Objective(double[] weights)
        {
            double penalty = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                if (i % (dims + 1) != dims)
                {
                    penalty += 0.5 * l2 * weights[i] * weights[i];
                }
            }

            return SoftmaxProbe.Gradient(weights, x, counts, dims, classes, 0).CrossEntropyNats + penalty;
        }
    }

    [Fact]
    public void ProbeOnOneHotWordsReachesTheConditionalEntropy()
    {
        // One-hot features can express any p(tag | word), so the unpenalised probe's cross-entropy converges to the
        // plug-in H(tag | word) of the counts: here sum_w n_w H(row w) / N computed by hand below.
        long[] counts = [90, 10, 0, 50, 50, 0, 5, 5, 90];
        const int words = 3, classes = 3;
        var x = new double[words * words];
        for (int w = 0; w < words; w++)
        {
            x[(w * words) + w] = 1;
        }

        var fit = SoftmaxProbe.Fit(x, counts, words, classes, l2: 0, maxIterations: 5000, tolerance: 1e-7);
        double h0 = -(0.9 * Math.Log2(0.9)) - (0.1 * Math.Log2(0.1));
        double h1 = 1.0;
        double h2 = -(2 * 0.05 * Math.Log2(0.05)) - (0.9 * Math.Log2(0.9));
        double expected = (h0 + h1 + h2) / 3;
        Assert.Equal(expected, fit.CrossEntropyBits(x, counts), 2e-3); // the zero cells can only be approached
        Assert.Equal(fit.TrainingCrossEntropyBits, fit.CrossEntropyBits(x, counts), 1e-9);
    }

    [Fact]
    public void MillerMadowMatchesScipyReference()
    {
        // /usr/bin/python3 tools/reference/language_miller_madow.py (scipy 1.10 entropy + (m - 1) / 2N).
        // The language experiment takes these from the library (its sparse (word, tag) cells as a CountTable).
        long[,] table = { { 30, 5, 0, 1 }, { 2, 40, 7, 0 }, { 0, 3, 9, 25 } };
        var a = new List<int>();
        var b = new List<int>();
        var cells = new List<long>();
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                if (table[i, j] > 0)
                {
                    a.Add(i);
                    b.Add(j);
                    cells.Add(table[i, j]);
                }
            }
        }

        var counts = CountTable.FromCells([a.ToArray(), b.ToArray()], cells.ToArray(), [3, 4]);
        var estimate = DiscreteInformation.MutualInformation(counts, [0], [1], MillerMadowEntropyEstimator.Instance, InformationUnit.Nats);
        double mi = estimate.Value, hb = estimate.Diagnostic("h_y")!.Value, hbGivenA = estimate.Diagnostic("h_xy")!.Value - estimate.Diagnostic("h_x")!.Value;
        Assert.Equal(0.6694779475823791, mi, 1e-12);
        Assert.Equal(1.3262085286876413, hb, 1e-12);
        Assert.Equal(0.6567305811052622, hbGivenA, 1e-12);
        Assert.Throws<ArgumentException>(() => MillerMadowEntropyEstimator.Instance.Estimate([0, 0], InformationUnit.Nats));
    }

    [Fact]
    public void EmbeddingNeighboursFollowSharedContexts()
    {
        // Animals appear in "the X ran fast" and fruits in "a ripe X was sweet": each word's neighbours should be
        // its own kind, far above the random rate of 2/5.
        string[] animals = ["cat", "dog", "cow"], fruits = ["apple", "plum", "pear"];
        var random = new Random(6);
        var words = new List<string>();
        for (int i = 0; i < 3000; i++)
        {
            if (random.Next(2) == 0)
            {
                words.AddRange(["the", animals[random.Next(3)], "ran", "fast"]);
            }
            else
            {
                words.AddRange(["a", "ripe", fruits[random.Next(3)], "was", "sweet"]);
            }
        }

        var tokens = WordTokens.FromDocuments([words]);
        var table = CooccurrenceTable.FromTokens(tokens, 2);
        var embeddings = WordEmbeddings.FromCooccurrence(tokens, table, 100, 4, shift: 1, alpha: 0.75, seed: 3);
        var labels = embeddings.Words.Select(w => animals.Contains(w) ? 0 : fruits.Contains(w) ? 1 : -1).ToArray();
        var (agreement, baseline, queries) = embeddings.LabelAgreement(labels, 6, 2);
        Assert.Equal(6, queries);
        Assert.Equal(2.0 / 5, baseline, 1e-12);
        Assert.Equal(1.0, agreement);
        var near = embeddings.Nearest(tokens.IdOf("cat"), 2);
        Assert.All(near, n => Assert.Contains(embeddings.Words[n.Id], animals));
    }

    [Theory]
    [InlineData("nn", "NOUN")]
    [InlineData("NP$-TL", "NOUN")]
    [InlineData("nns-hl", "NOUN")]
    [InlineData("vbd", "VERB")]
    [InlineData("bez*", "VERB")]
    [InlineData("md", "VERB")]
    [InlineData("ppss+md", "PRON")]
    [InlineData("jj-tl", "ADJ")]
    [InlineData("at", "DET")]
    [InlineData("in", "ADP")]
    [InlineData("cd", "NUM")]
    [InlineData("cc", "CONJ")]
    [InlineData("to", "PRT")]
    [InlineData(".", "PUNCT")]
    [InlineData("``", "PUNCT")]
    [InlineData("fw-nn", "X")]
    [InlineData("rb", "ADV")]
    public void BrownTagsSimplifyToCoarseClasses(string tag, string coarse) => Assert.Equal(coarse, BrownTags.ToCoarse(tag));

    [Fact]
    public void MainTagStripsMarks() => Assert.Equal("np", BrownTags.Main("NP$-TL-HL"));
}
