using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Shannon.Estimators;
using Shannon.Inference;

namespace Shannon.ML;

/// <summary>
/// An ML.NET estimator that keeps the slots of a feature vector that carry the most information about a label,
/// measured by Shannon's estimates of I(slot; label) rather than by the plug-in estimate on 256 equal-width bins
/// that ML.NET's <c>SelectFeaturesBasedOnMutualInformation</c> uses (which rates any feature with many distinct
/// values highly, noise included, on a small sample).
/// </summary>
/// <remarks>
/// <para>Each slot is scored by the automatic choice of estimator: a discrete slot (integer values only, at most
/// sqrt(N) of them) by the Miller-Madow bias-corrected plug-in estimate of the count table; a real slot by Ross's
/// mixed k-NN estimator (PLoS ONE 9(2) e87357, 2014), the estimator of scikit-learn's <c>mutual_info_classif</c>,
/// with seeded jitter to break ties. With <see cref="ShannonFeatureSelectionOptions.Permutations"/> B &gt; 0 each
/// slot is tested against independence by shuffling the labels B times; a slot is kept only when its p-value is at
/// most alpha. Then the <see cref="ShannonFeatureSelectionOptions.SlotsInOutput"/> largest are kept, in their
/// input order. Cost: O(B S N log N) for S slots of N rows; the data are read once into memory.</para>
/// <para>The label column may be a key, a boolean, a number or a string; each distinct value is a class. Missing
/// (NaN) feature values are rejected.</para>
/// </remarks>
public sealed class ShannonFeatureSelectingEstimator : IEstimator<ShannonFeatureSelectingTransformer>
{
    private readonly MLContext _context;
    private readonly IFeatureLabelInformation _information;

    /// <summary>Creates the estimator.</summary>
    /// <param name="context">The ML.NET context.</param>
    /// <param name="outputColumnName">The name of the selected vector column.</param>
    /// <param name="inputColumnName">The input vector column (null: <paramref name="outputColumnName"/>).</param>
    /// <param name="labelColumnName">The label column (default "Label").</param>
    /// <param name="options">The options (null: <see cref="ShannonFeatureSelectionOptions.Default"/>).</param>
    public ShannonFeatureSelectingEstimator(MLContext context, string outputColumnName, string? inputColumnName = null, string labelColumnName = "Label", ShannonFeatureSelectionOptions? options = null)
        : this(context, outputColumnName, inputColumnName, labelColumnName, options, null)
    {
    }

    internal ShannonFeatureSelectingEstimator(MLContext context, string outputColumnName, string? inputColumnName, string labelColumnName, ShannonFeatureSelectionOptions? options, IFeatureLabelInformation? information)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumnName);
        Options = options ?? ShannonFeatureSelectionOptions.Default;
        Options.Validate();
        _context = context;
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName ?? outputColumnName;
        LabelColumnName = labelColumnName;
        _information = information ?? new AutomaticFeatureLabelInformation(Options.K, Options.Jitter, Options.Seed);
    }

    /// <summary>The options.</summary>
    public ShannonFeatureSelectionOptions Options { get; }

    /// <summary>The output column.</summary>
    public string OutputColumnName { get; }

    /// <summary>The input vector column.</summary>
    public string InputColumnName { get; }

    /// <summary>The label column.</summary>
    public string LabelColumnName { get; }

    /// <summary>Scores every slot on <paramref name="input"/> and returns the transformer that keeps the chosen ones.</summary>
    /// <param name="input">The training data.</param>
    /// <returns>The transformer, with every slot's score in <see cref="ShannonFeatureSelectingTransformer.Scores"/>.</returns>
    public ShannonFeatureSelectingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var featureColumn = FeatureColumn(input.Schema);
        int slotCount = ((VectorDataViewType)featureColumn.Type).Size;
        var (labels, labelCount) = MlColumns.ReadLabels(input, LabelColumnName);
        var columns = MlColumns.ReadSlots(input, featureColumn, slotCount, labels.Length);
        string[] names = MlColumns.SlotNames(featureColumn, slotCount);
        if (labelCount < 2)
        {
            throw Preconditions.Error(LabelColumnName, "a label column with at least two classes", $"{labelCount} class");
        }

        var scores = new FeatureScore[slotCount];
        var random = new Random(Options.Seed);
        int[] shuffled = Options.Permutations > 0 ? (int[])labels.Clone() : [];
        for (int s = 0; s < slotCount; s++)
        {
            var estimate = _information.Estimate(columns[s], labels, labelCount, Options.Unit);
            double? p = null, nullMean = null;
            if (Options.Permutations > 0)
            {
                var test = Permute(columns[s], labels, shuffled, labelCount, estimate, random);
                (p, nullMean) = (test.PValue, test.NullMean);
            }

            scores[s] = new FeatureScore(s, names[s], estimate.Value, estimate.Unit, estimate.Estimator, p, nullMean, Selected: false);
        }

        var kept = scores.Where(f => f.PValue is null || f.PValue <= Options.Alpha)
            .OrderByDescending(f => f.Value).ThenBy(f => f.Slot)
            .Take(Options.SlotsInOutput ?? slotCount)
            .Select(f => f.Slot).Order().ToArray();
        if (kept.Length == 0)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"No slot of '{InputColumnName}' passed the permutation test at alpha = {Options.Alpha} with {Options.Permutations} permutations; raise Alpha or Permutations, or check the label."));
        }

        foreach (int s in kept)
        {
            scores[s] = scores[s] with { Selected = true };
        }

        var mapping = SlotMapping.Estimator(_context, InputColumnName, OutputColumnName, slotCount, kept, names).Fit(input);
        return new ShannonFeatureSelectingTransformer(mapping, InputColumnName, OutputColumnName, kept, scores);
    }

    /// <summary>The schema after the transformer: the output column is a float vector of unknown size until fitted.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <returns>The output schema.</returns>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var found = inputSchema.Where(c => c.Name == InputColumnName).ToList();
        if (found.Count == 0)
        {
            throw Preconditions.Error(nameof(InputColumnName), "a column of the input", $"'{InputColumnName}'");
        }

        var column = found[0];
        if (column.Kind != SchemaShape.Column.VectorKind.Vector || column.ItemType != NumberDataViewType.Single)
        {
            throw Preconditions.Error(nameof(InputColumnName), "a known-size vector of Single", $"'{InputColumnName}' of {column.ItemType}");
        }

        if (!inputSchema.Any(c => c.Name == LabelColumnName))
        {
            throw Preconditions.Error(nameof(LabelColumnName), "a column of the input", $"'{LabelColumnName}'");
        }

        // The output is a float vector whose size is known once fitted; the mapping's own shape says so.
        return SlotMapping.Estimator(_context, InputColumnName, OutputColumnName, 1, [0], null).GetOutputSchema(inputSchema);
    }

    private DataViewSchema.Column FeatureColumn(DataViewSchema schema)
    {
        var column = schema.GetColumnOrNull(InputColumnName);
        if (column is null)
        {
            throw Preconditions.Error(nameof(InputColumnName), "a column of the input", $"'{InputColumnName}'");
        }

        if (column.Value.Type is not VectorDataViewType { IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
        {
            throw Preconditions.Error(nameof(InputColumnName), "a known-size vector of Single", $"'{InputColumnName}' of type {column.Value.Type}");
        }

        return column.Value;
    }

    private PermutationTestResult Permute(double[] feature, int[] labels, int[] shuffled, int labelCount, InformationEstimate observed, Random random)
    {
        // The permuted statistics; the p-value, (n_ge + 1)/(B + 1) with ties within 1e-12 relative, is the library's.
        var values = new double[Options.Permutations];
        labels.CopyTo(shuffled, 0);
        for (int b = 0; b < values.Length; b++)
        {
            random.Shuffle(shuffled);
            values[b] = _information.Estimate(feature, shuffled, labelCount, Options.Unit).Value;
        }

        return PermutationTest.FromNull(observed, values);
    }
}
