using System.Buffers;
using System.Text.Json;
using Shannon.Estimators;
using Shannon.Inference;
using Shannon.Web.Estimation;

namespace Shannon.Web.Api;

/// <summary>
/// An estimate as the API answers it: an object written by the library's one serialiser (<see cref="EstimateJson"/>),
/// so its keys are those of <c>shannon --json</c> (value, estimator, unit, n, n_counts, the diagnostics, p_value,
/// ci_low, ...), with the column or the label the panel shows, and the estimate's warnings.
/// </summary>
internal static class EstimateElements
{
    /// <summary>The object: <c>column</c> or <c>label</c> when given, the head, the details, the resampling (with its seed) and <c>warnings</c>.</summary>
    public static JsonElement Of(string measure, InformationEstimate estimate, PermutationTestResult? test = null, BootstrapInterval? interval = null,
        string? column = null, string? label = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ExplorerServer.JsonOptions.Encoder }))
        {
            writer.WriteStartObject();
            if (column is not null)
            {
                writer.WriteString(EstimateJson.ColumnKey, column);
            }

            if (label is not null)
            {
                writer.WriteString("label", label);
            }

            EstimateJson.WriteHead(writer, measure, estimate);
            EstimateJson.WriteDetails(writer, estimate);
            EstimateJson.WriteResampling(writer, test, interval, CatalogueColumns.Seed);
            writer.WriteStartArray(EstimateJson.WarningsKey);
            foreach (var w in estimate.Warnings)
            {
                writer.WriteStringValue(w);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
