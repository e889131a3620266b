using Shannon.Text;
using System.Numerics.Tensors;

namespace Shannon.Lab.Language;

/// <summary>
/// Word vectors from the truncated SVD of the shifted PPMI matrix (Levy &amp; Goldberg 2014, "Neural word embedding as
/// implicit matrix factorization"): M(x, y) = max(log p(x, y) / (p(x) p_alpha(y)) - log k, 0) over the V most frequent
/// words, M ~ U Sigma V^T, word vectors U Sigma^(1/2) (the symmetric weighting of Levy, Goldberg &amp; Dagan 2015),
/// normalised to unit length so that a dot product is the cosine.
/// </summary>
public sealed class WordEmbeddings
{
    private WordEmbeddings(IReadOnlyList<string> words, double[] vectors, int dimensions, double[] singularValues)
    {
        Words = words;
        Vectors = vectors;
        Dimensions = dimensions;
        SingularValues = singularValues;
    }

    /// <summary>The words (ids 0..V-1, most frequent first).</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The unit vectors, row-major V x <see cref="Dimensions"/>.</summary>
    public double[] Vectors { get; }

    /// <summary>The number of dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>The singular values kept.</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <summary>The vector of word <paramref name="id"/>.</summary>
    /// <param name="id">The word id.</param>
    /// <returns>A view of its unit vector.</returns>
    public ReadOnlySpan<double> Vector(int id) => Vectors.AsSpan(id * Dimensions, Dimensions);

    /// <summary>Factorises the shifted PPMI matrix of the <paramref name="vocabulary"/> most frequent words.</summary>
    /// <param name="tokens">The tokens the table was counted from.</param>
    /// <param name="table">The co-occurrence table.</param>
    /// <param name="vocabulary">V, the most frequent words kept.</param>
    /// <param name="dimensions">d.</param>
    /// <param name="shift">k &gt;= 1 of the shifted PPMI.</param>
    /// <param name="alpha">The context smoothing (0.75).</param>
    /// <param name="seed">The SVD's seed.</param>
    /// <returns>The embeddings.</returns>
    public static WordEmbeddings FromCooccurrence(WordTokens tokens, CooccurrenceTable table, int vocabulary, int dimensions, double shift, double alpha, int seed)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(table);
        int v = Math.Min(vocabulary, tokens.Words.Count);
        if (v < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(vocabulary), $"`vocabulary` must be >= 2 (and the corpus must hold 2 words); got {vocabulary}.");
        }

        var smoothed = table.SmoothedContextProbabilities(alpha);
        var triplets = new List<(int, int, double)>();
        for (int i = 0; i < table.PairCount; i++)
        {
            if (table.X[i] < v && table.Y[i] < v)
            {
                double value = table.ShiftedPositivePointwiseMutualInformationNats(i, smoothed, shift);
                if (value > 0)
                {
                    triplets.Add((table.X[i], table.Y[i], value));
                }
            }
        }

        var matrix = SparseMatrix.FromTriplets(v, v, triplets);
        int d = Math.Min(dimensions, v);
        var svd = RandomizedSvd.Compute(matrix, d, seed);
        var vectors = new double[v * d];
        for (int r = 0; r < v; r++)
        {
            double norm = 0;
            for (int k = 0; k < d; k++)
            {
                double x = svd.LeftVectors[(r * d) + k] * Math.Sqrt(svd.SingularValues[k]);
                vectors[(r * d) + k] = x;
                norm += x * x;
            }

            norm = Math.Sqrt(norm);
            for (int k = 0; k < d && norm > 0; k++)
            {
                vectors[(r * d) + k] /= norm;
            }
        }

        return new WordEmbeddings(tokens.Words.Take(v).ToArray(), vectors, d, svd.SingularValues);
    }

    /// <summary>The <paramref name="count"/> nearest words to word <paramref name="id"/> by cosine (itself excluded).</summary>
    /// <param name="id">The word id.</param>
    /// <param name="count">How many.</param>
    /// <param name="candidates">Only these ids are considered (null = all).</param>
    /// <returns>(id, cosine) pairs, most similar first.</returns>
    public (int Id, double Cosine)[] Nearest(int id, int count, IReadOnlyList<int>? candidates = null)
    {
        var query = Vector(id);
        var best = new List<(int Id, double Cosine)>(count + 1);
        int n = candidates?.Count ?? Words.Count;
        for (int c = 0; c < n; c++)
        {
            int other = candidates?[c] ?? c;
            if (other == id)
            {
                continue;
            }

            double cos = TensorPrimitives.Dot(query, Vector(other));

            if (best.Count < count || cos > best[^1].Cosine)
            {
                int at = best.Count;
                while (at > 0 && best[at - 1].Cosine < cos)
                {
                    at--;
                }

                best.Insert(at, (other, cos));
                if (best.Count > count)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }
        }

        return best.ToArray();
    }

    /// <summary>
    /// How often a word's nearest neighbours share its label (e.g. its most frequent POS tag), against the rate of a
    /// random neighbour: for each query, (same-label words among the others) / (others). Words with label -1 are left out.
    /// </summary>
    /// <param name="labels">A label per word id (-1 = none).</param>
    /// <param name="queries">How many of the most frequent labelled words to query.</param>
    /// <param name="neighbours">Neighbours per query.</param>
    /// <returns>(agreement, random baseline, queries used).</returns>
    public (double Agreement, double Baseline, int Queries) LabelAgreement(IReadOnlyList<int> labels, int queries, int neighbours)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var labelled = Enumerable.Range(0, Words.Count).Where(i => labels[i] >= 0).ToArray();
        var perLabel = labelled.GroupBy(i => labels[i]).ToDictionary(g => g.Key, g => g.Count());
        var chosen = labelled.Take(queries).ToArray();
        var agreement = new double[chosen.Length];
        var baseline = new double[chosen.Length];
        Parallel.For(0, chosen.Length, q =>
        {
            int id = chosen[q];
            var near = Nearest(id, neighbours, labelled);
            agreement[q] = near.Count(n => labels[n.Id] == labels[id]) / (double)near.Length;
            baseline[q] = (perLabel[labels[id]] - 1) / (double)(labelled.Length - 1);
        });
        return (agreement.Average(), baseline.Average(), chosen.Length);
    }
}
