using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// Ross's k-nearest-neighbour estimator of the mutual information between a real variable X and a discrete
/// label L (Ross, "Mutual information between discrete and continuous data sets", PLoS ONE 9(2), e87357, 2014,
/// doi:10.1371/journal.pone.0087357), e.g. a feature against class labels.
/// </summary>
/// <remarks>
/// <para>For sample i with label l shared by N_l samples: d_i is the distance to its k_i-th nearest neighbour among the
/// samples with the same label (k_i = min(k, N_l - 1)), m_i the number of samples of any label closer than d_i,
/// counting i itself. I = psi(N) + &lt;psi(k_i)&gt; - &lt;psi(N_l)&gt; - &lt;psi(m_i)&gt;, averaging over the samples whose label
/// occurs more than once (the others are dropped, with a warning), as scikit-learn's <c>_compute_mi_cd</c> does.
/// Distances use the max norm (equal to scikit-learn's Euclidean norm for a scalar X). Columns of X are z-scored
/// unless <see cref="KsgOptions.Standardize"/> is false (a scalar X is unaffected). Raw values are returned,
/// negative ones included. O(N log N) time.</para>
/// <para>Ties: when the k_i-th same-label neighbour of sample i is at distance 0 (rounded or integer X), there is no
/// radius to count inside, and the plain rule (m_i = 1, only i itself strictly inside radius 0) makes psi(m_i) tiny and
/// the estimate exceed H(L). By default such a sample contributes psi(k~_i) - psi(N_l) - psi(m~_i) with k~_i the samples
/// of its label at distance 0 from it and m~_i the samples of any label at distance 0 from it, both counting i itself:
/// the rule of Gao, Kannan, Oh and Viswanath (NeurIPS 2017, Algorithm 1: the neighbour count becomes the number of
/// coincident points and the marginal count is taken with &lt;= at radius 0) applied to Ross's construction. On a discrete X
/// the estimate is then the plug-in MI with digammas for logarithms. A term at zero radius, or on untied data, is at most psi(N) - psi(N_l) (k_i &lt;= m_i), the digamma form of the label's share of H(L); several same-label neighbours at exactly a positive k-th distance (integer or rounded X) can still break this, and are resolved by the strict count of Ross's rule.
/// The result names the rule ("gao-2017-ross") with the number of such samples.</para>
/// </remarks>
public sealed class MixedMutualInformationEstimator
{
    /// <summary>An estimator with <see cref="KsgOptions.Default"/> (k = 3).</summary>
    public MixedMutualInformationEstimator()
        : this(KsgOptions.Default)
    {
    }

    /// <summary>An estimator with the given options (K, Standardize, Jitter, Seed, MaxDegreeOfParallelism are used;
    /// Algorithm is not, but is checked like every field, so that a record one estimator accepts no other refuses).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1, an undefined algorithm, negative jitter or a bad thread count (the message names it).</exception>
    public MixedMutualInformationEstimator(KsgOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.NeighbourCount(options.K);
        Preconditions.Algorithm(options.Algorithm);
        Preconditions.NonNegativeFinite(options.Jitter, "jitter");
        Preconditions.DegreeOfParallelism(options.MaxDegreeOfParallelism);
        Options = options;
    }

    /// <summary>The options.</summary>
    public KsgOptions Options { get; }

    /// <summary>The estimate of I(X;L) from a scalar X and labels.</summary>
    /// <param name="x">The N values of X.</param>
    /// <param name="labels">The N labels (any integers).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    public ContinuousEstimate Estimate(ReadOnlySpan<double> x, ReadOnlySpan<int> labels, InformationUnit unit) =>
        Estimate(Samples.Create(x, nameof(x)), labels, unit);

    /// <summary>The estimate of I(X;L) from a multivariate X and labels.</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="labels">The N labels.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    /// <exception cref="ArgumentException">Unequal lengths, a constant column, k >= N, or no label occurring twice.</exception>
    public ContinuousEstimate Estimate(Samples x, ReadOnlySpan<int> labels, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(x);
        Preconditions.Unit(unit, nameof(unit));
        if (labels.Length != x.Count)
        {
            throw Preconditions.Error(nameof(labels), $"the same number of samples as `x` ({ContinuousInput.Text(x.Count)})", $"{ContinuousInput.Text(labels.Length)} labels");
        }

        int k = Options.K;
        Preconditions.NeighbourCountBelow(k, x.Count);
        Preconditions.NotConstant(x, nameof(x));
        var random = Options.Jitter > 0 || Options.Dequantize ? new Random(Options.Seed) : null;
        int dequantized = 0;
        double[][] xs = ContinuousInput.Prepare(Options.Dequantize ? Lattice.Dequantize(x, random!, ref dequantized) : x, Options.Standardize, Options.Jitter, random);

        var groups = new Dictionary<int, List<int>>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (!groups.TryGetValue(labels[i], out var list))
            {
                groups[labels[i]] = list = [];
            }

            list.Add(i);
        }

        var kept = groups.Where(g => g.Value.Count > 1).OrderBy(g => g.Key).ToList();
        int dropped = x.Count - kept.Sum(g => g.Value.Count);
        if (kept.Count == 0)
        {
            throw Preconditions.Error(nameof(labels), "a label that occurs at least twice", "all labels distinct");
        }

        // Rows kept, grouped by label; radius of each from its own label's tree.
        int[] rows = kept.SelectMany(g => g.Value).OrderBy(i => i).ToArray();
        int n = rows.Length;
        var radius = new double[x.Count];
        var kOf = new int[x.Count];
        var sameAtZero = new int[x.Count]; // coincident samples of the same label, itself included (0: not needed)
        var labelCount = new int[x.Count];
        var parallel = ContinuousInput.Parallelism(Options.MaxDegreeOfParallelism);
        foreach (var (_, members) in kept)
        {
            int kl = Math.Min(k, members.Count - 1);
            double[][] sub = xs.Select(c => members.Select(i => c[i]).ToArray()).ToArray();
            var tree = new KdTree(sub, DistanceNorm.Maximum, 8, validate: false);
            Parallel.For(0, (members.Count + ContinuousInput.ChunkSize - 1) / ContinuousInput.ChunkSize, parallel, chunk =>
            {
                Span<int> near = kl <= 64 ? stackalloc int[kl] : new int[kl];
                Span<double> distances = kl <= 64 ? stackalloc double[kl] : new double[kl];
                int end = Math.Min(members.Count, (chunk + 1) * ContinuousInput.ChunkSize);
                for (int t = chunk * ContinuousInput.ChunkSize; t < end; t++)
                {
                    tree.NearestNeighboursUnchecked(t, kl, near, distances);
                    int i = members[t];
                    radius[i] = distances[kl - 1];
                    kOf[i] = kl;
                    labelCount[i] = members.Count;
                    if (radius[i] == 0)
                    {
                        sameAtZero[i] = tree.CountWithinUnchecked(t, 0, inclusive: true) + 1;
                    }
                }
            });
        }

        double[][] keptColumns = xs.Select(c => rows.Select(i => c[i]).ToArray()).ToArray();
        var all = new MarginalCounter(keptColumns);
        var terms = new double[n];
        int zeroRadius = 0;
        Parallel.For(0, (n + ContinuousInput.ChunkSize - 1) / ContinuousInput.ChunkSize, parallel, chunk =>
        {
            var hint = MarginalCounter.Hint.None;
            int end = Math.Min(n, (chunk + 1) * ContinuousInput.ChunkSize);
            for (int t = chunk * ContinuousInput.ChunkSize; t < end; t++)
            {
                int i = rows[t];
                double r = radius[i];
                if (r == 0)
                {
                    // Gao et al. 2017's rule: coincident counts, both including the sample itself.
                    Interlocked.Increment(ref zeroRadius);
                    int m0 = all.CountWithin(t, 0, inclusive: true, ref hint) + 1;
                    terms[t] = Digamma.OfInteger(sameAtZero[i]) - Digamma.OfInteger(labelCount[i]) - Digamma.OfInteger(m0);
                    continue;
                }

                int m = all.CountWithin(t, r, inclusive: false, ref hint) + 1; // + the sample itself
                terms[t] = Digamma.OfInteger(kOf[i]) - Digamma.OfInteger(labelCount[i]) - Digamma.OfInteger(m);
            }
        });

        double sum = 0;
        for (int t = 0; t < n; t++)
        {
            sum += terms[t];
        }

        double nats = Digamma.OfInteger(n) + sum / n;
        var warnings = new List<string>();
        int ties = ColumnStatistics.CountTies(x);
        ContinuousInput.WarnTies(warnings, ties, Options.Jitter, "gao-2017-ross", zeroRadius);
        ContinuousInput.WarnScales(warnings, Options.Standardize, x);
        if (dropped > 0)
        {
            warnings.Add($"{ContinuousInput.Text(dropped)} samples whose label occurs only once were left out (N = {ContinuousInput.Text(n)} used).");
        }

        return ContinuousInput.Result(nats, unit, n, "mixed-ross", k, ties, warnings, ContinuousInput.TieRule("gao-2017-ross", dequantized, warnings), Options.Jitter, zeroRadius);
    }
}
