using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;

namespace Shannon.ML;

/// <summary>
/// An ML.NET estimator that keeps the slots of a feature vector that carry the most information about a label,
/// measured by Shannon's estimates of I(slot; label) rather than by the plug-in estimate on 256 equal-width bins
/// that ML.NET's <c>SelectFeaturesBasedOnMutualInformation</c> uses (which rates any feature with many distinct
/// values highly, noise included, on a small sample).
/// </summary>
/// <remarks>
/// <para>Each slot is scored by the library's estimator catalogue, exactly as <c>shannon rank</c> scores a column:
/// the slot's kind is decided from its values (<see cref="ColumnKinds"/>: integers with few distinct values are
/// categorical, anything else real-valued, rounded values spread over their lattice step), and the catalogue's
/// automatic choice scores it: a real slot by Ross's mixed k-NN estimator (PLoS ONE 9(2) e87357, 2014, the estimator
/// of scikit-learn's <c>mutual_info_classif</c>), a categorical slot by the count table, bias-corrected here with
/// Miller-Madow (the catalogue's own choice there is the plug-in, which a selector should not use: its bias grows with
/// the number of levels). <see cref="ShannonFeatureSelectionOptions.Estimator"/> names any catalogued estimator
/// instead. With <see cref="ShannonFeatureSelectionOptions.Permutations"/> B &gt; 0 each slot is tested against
/// independence by the library's seeded permutation test; a slot is kept only when its p-value is at most alpha. Then
/// the <see cref="ShannonFeatureSelectionOptions.SlotsInOutput"/> largest are kept, in their input order. Cost:
/// O(B S N log N) for S slots of N rows, slots in parallel; the data are read once into memory.</para>
/// <para>The label column may be a key, a boolean, a number or a string; each distinct value is a class. Missing
/// (NaN) feature values are rejected.</para>
/// </remarks>
public sealed class ShannonFeatureSelectingEstimator : IEstimator<ShannonFeatureSelectingTransformer>
{
    private readonly MLContext _context;

    /// <summary>Creates the estimator.</summary>
    /// <param name="context">The ML.NET context.</param>
    /// <param name="outputColumnName">The name of the selected vector column.</param>
    /// <param name="inputColumnName">The input vector column (null: <paramref name="outputColumnName"/>).</param>
    /// <param name="labelColumnName">The label column (default "Label").</param>
    /// <param name="options">The options (null: <see cref="ShannonFeatureSelectionOptions.Default"/>).</param>
    public ShannonFeatureSelectingEstimator(MLContext context, string outputColumnName, string? inputColumnName = null, string labelColumnName = "Label", ShannonFeatureSelectionOptions? options = null)
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
            throw ArgumentErrors.Error(LabelColumnName, "a label column with at least two classes", $"{labelCount} class");
        }

        var scores = Score(columns, labels, names);
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

        var mapping = SlotSelection.Fit(_context, InputColumnName, OutputColumnName, slotCount, kept);
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
            throw ArgumentErrors.Error(nameof(InputColumnName), "a column of the input", $"'{InputColumnName}'");
        }

        var column = found[0];
        if (column.Kind != SchemaShape.Column.VectorKind.Vector || column.ItemType != NumberDataViewType.Single)
        {
            throw ArgumentErrors.Error(nameof(InputColumnName), "a known-size vector of Single", $"'{InputColumnName}' of {column.ItemType}");
        }

        if (!inputSchema.Any(c => c.Name == LabelColumnName))
        {
            throw ArgumentErrors.Error(nameof(LabelColumnName), "a column of the input", $"'{LabelColumnName}'");
        }

        return SlotSelection.Estimator(_context, InputColumnName, OutputColumnName).GetOutputSchema(inputSchema);
    }

    /// <summary>Every slot's estimate (and test), through the catalogue, one ranking per chosen estimator.</summary>
    private FeatureScore[] Score(double[][] columns, int[] labels, string[] names)
    {
        var target = SampleColumn.FromCodes(LabelColumnName, labels);
        // Internal names are the slot indices: ML.NET slot names need not be unique.
        var features = columns.Select((c, s) => SampleColumn.FromNumbers(s.ToString(CultureInfo.InvariantCulture), c)).ToArray();
        var settings = new EstimatorSettings { K = Options.K, Jitter = Options.Jitter, Dequantize = Options.Dequantize, Seed = Options.Seed };
        var uncertainty = new UncertaintyOptions { Permutations = Options.Permutations, Seed = Options.Seed };
        var scores = new FeatureScore[columns.Length];
        foreach (var group in features.GroupBy(f => Choice(f, target)))
        {
            foreach (var ranked in FeatureRanking.Rank(target, [.. group], group.Key, settings, Options.Unit, uncertainty))
            {
                int s = int.Parse(ranked.Column, CultureInfo.InvariantCulture);
                var e = ranked.Estimate;
                scores[s] = new FeatureScore(s, names[s], e.Value, e.Unit, e.Estimator, ranked.Test?.PValue, ranked.Test?.NullMean, Selected: false);
            }
        }

        return scores;
    }

    private string Choice(SampleColumn feature, SampleColumn target)
    {
        if (!EstimatorCatalogue.IsAutomatic(Options.Estimator))
        {
            return Options.Estimator!;
        }

        string name = EstimatorCatalogue.ChooseMutualInformation([feature], [target], []).Name;
        return name == "plugin" ? "miller-madow" : name;
    }

    private DataViewSchema.Column FeatureColumn(DataViewSchema schema)
    {
        var column = schema.GetColumnOrNull(InputColumnName);
        if (column is null)
        {
            throw ArgumentErrors.Error(nameof(InputColumnName), "a column of the input", $"'{InputColumnName}'");
        }

        if (column.Value.Type is not VectorDataViewType { IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
        {
            throw ArgumentErrors.Error(nameof(InputColumnName), "a known-size vector of Single", $"'{InputColumnName}' of type {column.Value.Type}");
        }

        return column.Value;
    }
}
