using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Shannon.ML;

/// <summary>
/// The fitted selector: copies the chosen slots of the input vector, in their input order, into the output column
/// (with their slot names), and reports every slot's score.
/// </summary>
/// <remarks>The selection itself is ML.NET's own slot-dropping transform (the one its
/// <c>SelectFeaturesBasedOnCount</c> and <c>SelectFeaturesBasedOnMutualInformation</c> return), so
/// <c>MLContext.Model.Save</c> saves it with the rest of a pipeline and <c>Model.Load</c> reads it back with nothing
/// registered. What is saved is the selection, not the scores: the loaded model maps the same slots, and
/// <see cref="Scores"/> are available only on the fitted object.</remarks>
public sealed class ShannonFeatureSelectingTransformer : ITransformer
{
    private readonly ITransformer _mapping;

    internal ShannonFeatureSelectingTransformer(ITransformer mapping, string inputColumnName, string outputColumnName, int[] selectedSlots, FeatureScore[] scores)
    {
        _mapping = mapping;
        InputColumnName = inputColumnName;
        OutputColumnName = outputColumnName;
        SelectedSlots = selectedSlots;
        Scores = scores;
    }

    /// <summary>The input vector column.</summary>
    public string InputColumnName { get; }

    /// <summary>The output vector column.</summary>
    public string OutputColumnName { get; }

    /// <summary>The kept slots of the input vector, ascending.</summary>
    public IReadOnlyList<int> SelectedSlots { get; }

    /// <summary>Every input slot's score, in slot order.</summary>
    public IReadOnlyList<FeatureScore> Scores { get; }

    /// <summary>Always true: the selector maps row by row.</summary>
    public bool IsRowToRowMapper => _mapping.IsRowToRowMapper;

    /// <summary>The schema after the selection.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <returns>The output schema.</returns>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _mapping.GetOutputSchema(inputSchema);

    /// <summary>The row-to-row mapper of the selection.</summary>
    /// <param name="inputSchema">The input schema.</param>
    /// <returns>The mapper.</returns>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _mapping.GetRowToRowMapper(inputSchema);

    /// <summary>Applies the selection (lazily, as every ML.NET transform).</summary>
    /// <param name="input">The data.</param>
    /// <returns>The data with the output column.</returns>
    public IDataView Transform(IDataView input) => _mapping.Transform(input);

    /// <summary>Saves the selection as ML.NET's slot-dropping transform (see the remarks of the class).</summary>
    /// <param name="ctx">The save context.</param>
    void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)_mapping).Save(ctx);
}

/// <summary>
/// The selection of slots as ML.NET's own, saveable slot-dropping transform: <c>SelectFeaturesBasedOnCount</c> with a
/// count of 1 keeps exactly the slots that are non-zero in at least one row, so fitting it on one row that is 1 in the
/// kept slots and 0 elsewhere yields the transform that keeps those slots.
/// </summary>
internal static class SlotSelection
{
    private sealed class Indicator
    {
        public float[] Features { get; set; } = [];
    }

    public static IEstimator<ITransformer> Estimator(MLContext context, string inputColumnName, string outputColumnName) =>
        context.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(outputColumnName, inputColumnName, count: 1);

    public static ITransformer Fit(MLContext context, string inputColumnName, string outputColumnName, int slotCount, int[] kept)
    {
        var row = new float[slotCount];
        foreach (int s in kept)
        {
            row[s] = 1;
        }

        var schema = SchemaDefinition.Create(typeof(Indicator));
        schema[0].ColumnName = inputColumnName;
        schema[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, slotCount);
        var indicator = context.Data.LoadFromEnumerable([new Indicator { Features = row }], schema);
        return Estimator(context, inputColumnName, outputColumnName).Fit(indicator);
    }
}
