using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Shannon.ML;

/// <summary>
/// The fitted selector: copies the chosen slots of the input vector, in their input order, into the output column
/// (with their slot names), and reports every slot's score.
/// </summary>
/// <remarks>The mapping runs in memory in any pipeline; it is not saved with <c>MLContext.Model.Save</c> (ML.NET
/// saves only custom mappings registered under a fixed contract, and this one depends on the data). Refit it, or
/// store <see cref="SelectedSlots"/> and apply them again.</remarks>
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

    /// <summary>Not supported: see the remarks of the class.</summary>
    /// <param name="ctx">The save context.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("ShannonFeatureSelectingTransformer is not saved with the model; refit it or store SelectedSlots.");
}

/// <summary>The vector in, for the custom mapping (column name and size set by the schema definition).</summary>
internal sealed class SlotMappingInput
{
    public float[] Features { get; set; } = [];
}

/// <summary>The vector out.</summary>
internal sealed class SlotMappingOutput
{
    public float[] Selected { get; set; } = [];
}

/// <summary>ML.NET's custom mapping that copies chosen slots.</summary>
internal static class SlotMapping
{
    public static CustomMappingEstimator<SlotMappingInput, SlotMappingOutput> Estimator(MLContext context, string inputColumnName, string outputColumnName, int slotCount, int[] kept, string[]? names)
    {
        var input = SchemaDefinition.Create(typeof(SlotMappingInput));
        input[0].ColumnName = inputColumnName;
        input[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, slotCount);
        var output = SchemaDefinition.Create(typeof(SlotMappingOutput));
        output[0].ColumnName = outputColumnName;
        output[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, kept.Length);
        if (names is not null)
        {
            var slotNames = new VBuffer<ReadOnlyMemory<char>>(kept.Length, [.. kept.Select(s => names[s].AsMemory())]);
            output[0].AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, kept.Length));
        }

        return context.Transforms.CustomMapping<SlotMappingInput, SlotMappingOutput>((i, o) =>
        {
            var selected = new float[kept.Length];
            for (int j = 0; j < kept.Length; j++)
            {
                selected[j] = i.Features[kept[j]];
            }

            o.Selected = selected;
        }, contractName: null, input, output);
    }
}
