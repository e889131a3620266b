namespace Shannon.Estimators.Catalogue;

/// <summary>
/// Pairwise mutual information between columns: off the diagonal I(Xi;Xj), on the diagonal each column's entropy,
/// H for a categorical column and the differential h for a real one (<see cref="InformationEstimate.Differential"/>):
/// the two are different quantities, and whoever draws the matrix must not put them on one scale.
/// </summary>
public sealed class InformationMatrix
{
    private readonly RankedFeature[,] _cells;

    private InformationMatrix(IReadOnlyList<string> columns, RankedFeature[,] cells)
    {
        Columns = columns;
        _cells = cells;
    }

    /// <summary>The columns' names, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The estimate of cell (i, j): I(Xi;Xj) off the diagonal, H(Xi) or h(Xi) on it.</summary>
    /// <param name="i">The row.</param>
    /// <param name="j">The column.</param>
    /// <returns>The estimate.</returns>
    public InformationEstimate Estimate(int i, int j) => _cells[i, j].Estimate;

    /// <summary>The cell with its interval and p-value (off the diagonal, when asked for).</summary>
    /// <param name="i">The row.</param>
    /// <param name="j">The column.</param>
    /// <returns>The cell.</returns>
    public RankedFeature Cell(int i, int j) => _cells[i, j];

    /// <summary>Computes the matrix: m(m-1)/2 pairs and m entropies, in parallel, independent of the thread count.</summary>
    /// <param name="columns">The columns (at least two, equal lengths).</param>
    /// <param name="estimator">A catalogue name, "auto" or null; the diagonal uses it when it estimates the column's
    /// entropy (H, or h for a real column), and the catalogue's choice otherwise.</param>
    /// <param name="settings">Estimator parameters (null: defaults).</param>
    /// <param name="unit">The unit.</param>
    /// <param name="uncertainty">Bootstrap and permutations per pair (null: none).</param>
    /// <param name="progress">Receives the fraction of cells done, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The matrix.</returns>
    public static InformationMatrix Compute(IReadOnlyList<SampleColumn> columns, string? estimator, EstimatorSettings? settings, InformationUnit unit,
        UncertaintyOptions? uncertainty = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        CatalogueInput.Group(columns, nameof(columns));
        if (columns.Count < 2)
        {
            throw Preconditions.Error(nameof(columns), "at least two columns", CatalogueInput.Text(columns.Count));
        }

        var s = EstimatorCatalogue.Settings(settings);
        var u = uncertainty ?? UncertaintyOptions.None;
        u.Validate();
        int m = columns.Count;
        var inner = s with { MaxDegreeOfParallelism = 1 };
        var cells = new RankedFeature[m, m];
        var jobs = new List<(int I, int J)>();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                jobs.Add((i, j));
            }
        }

        int done = 0;
        ParallelLoops.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = s.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, k =>
        {
            var (i, j) = jobs[k];
            if (i == j)
            {
                cells[i, i] = new RankedFeature(columns[i].Name, EstimatorCatalogue.Entropy(DiagonalEstimator(estimator, columns[i]), [columns[i]], inner, unit));
            }
            else
            {
                var cell = FeatureRanking.Pair(columns[i], columns[j], estimator, inner, unit, u, serial: true, cancellationToken);
                cells[i, j] = cell;
                cells[j, i] = cell with { Column = columns[i].Name };
            }

            progress?.Report((double)Interlocked.Increment(ref done) / jobs.Count);
        });
        return new InformationMatrix([.. columns.Select(c => c.Name)], cells);
    }

    private static string? DiagonalEstimator(string? estimator, SampleColumn column)
    {
        if (EstimatorCatalogue.IsAutomatic(estimator) || !EstimatorCatalogue.TryGet(estimator, out var entry))
        {
            return null;
        }

        bool fits = column.IsCategorical
            ? entry is IEntropyEntry && entry.Descriptor.Has(EstimatorCapabilities.Discrete)
            : (entry is IDifferentialEntropyEntry) || entry.Descriptor.Name == "binned";
        return fits ? entry.Descriptor.Name : null;
    }
}
