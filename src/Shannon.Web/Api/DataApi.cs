using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shannon.Data;
using Shannon.Inference;
using Shannon.Web.Estimation;

namespace Shannon.Web.Api;

/// <summary>
/// Panel 7, your data: POST a CSV (at most <see cref="ExplorerOptions.MaxUploadBytes"/> bytes, UTF-8, header row) with
/// <c>?x=&amp;y=&amp;estimator=&amp;bins=&amp;unit=</c>; the answer describes the columns, gives the entropy of x and y,
/// I(x; y), and the pairwise mutual-information matrix of the first <see cref="MaxMatrixColumns"/> columns.
/// The page keeps the file and posts it again on each change, so the server holds no state.
/// </summary>
internal static class DataApi
{
    public const int MaxMatrixColumns = 12;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/data/sample", () => Results.Text(SampleCsv(), "text/csv; charset=utf-8"));
        app.MapPost("/api/data", AnalyzeAsync);
    }

    /// <summary>
    /// A seeded demo table of 400 rows: x ~ N(0, 1); y = x + N(0, 0.5^2); weather in {sun, rain} from the sign of
    /// x + noise; umbrella that mostly follows the weather; noise independent of everything.
    /// </summary>
    public static string SampleCsv()
    {
        var random = new Random(2024);
        var normal = Gaussian.WithMeanStdDev(0, 1);
        var text = new StringBuilder("x,y,weather,umbrella,noise\n");
        for (int i = 0; i < 400; i++)
        {
            double x = normal.Sample(random);
            double y = x + (0.5 * normal.Sample(random));
            string weather = x + (0.5 * normal.Sample(random)) > 0 ? "sun" : "rain";
            bool flip = random.NextDouble() < 0.15;
            string umbrella = (weather == "rain") ^ flip ? "yes" : "no";
            double noise = normal.Sample(random);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{x:F4},{y:F4},{weather},{umbrella},{noise:F4}\n");
        }

        return text.ToString();
    }

    private static async Task<IResult> AnalyzeAsync(HttpRequest request)
    {
        var q = new Parameters(request);
        string estimator = q.Choice("estimator", CatalogueColumns.Names, "plugin");
        int bins = q.Integer("bins", 2, 100, 10);
        var unit = q.Unit();
        string? xName = q.Text("x", 200);
        string? yName = q.Text("y", 200);
        string text = await ReadBodyAsync(request).ConfigureAwait(false);

        // Cancelled when the client leaves or the request's time is up (RequestGuard); checked between estimates
        // and inside the bootstrap and the permutation test, which are most of the work.
        var cancel = request.HttpContext.RequestAborted;
        CsvTable table;
        try
        {
            table = UploadedCsv.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "malformed CSV: " + e.Message);
        }

        DataColumn Column(string name, string parameter)
        {
            try
            {
                return DataColumn.From(table, UploadedCsv.ColumnIndex(table, name, parameter), bins);
            }
            catch (FormatException e)
            {
                throw new ApiException(StatusCodes.Status400BadRequest, e.Message);
            }
        }

        var columns = Enumerable.Range(0, table.Header.Count).Select(j => DataColumn.From(table, j, bins)).ToArray();
        JsonElement? x = null, y = null, mi = null;
        if (xName is not null)
        {
            var cx = Column(xName, "x");
            var hx = CatalogueColumns.Entropy(estimator, cx, unit, bins);
            x = EstimateElements.Of("entropy", hx, column: cx.Name);
            if (yName is not null)
            {
                var cy = Column(yName, "y");
                var hy = CatalogueColumns.Entropy(estimator, cy, unit, bins);
                y = EstimateElements.Of("entropy", hy, column: cy.Name);
                mi = MutualInformationWithInterval(estimator, cx, cy, unit, bins, cancel);
            }
        }

        // The library's matrix (InformationMatrix, as `shannon matrix`): I off the diagonal; on it H of a categorical
        // column, while a real column's entropy is a differential h, another quantity, so null in `values` and given
        // apart in `diagonal_entropies` (each an estimate with its `differential` flag).
        var inMatrix = columns.Take(MaxMatrixColumns).ToArray();
        string matrixEstimator = CatalogueColumns.IsContinuous(estimator) && !inMatrix.All(c => c.IsNumeric) ? "plugin" : estimator;
        var computed = CatalogueColumns.Matrix(matrixEstimator, inMatrix, unit, bins, cancel);
        var matrix = new double?[inMatrix.Length][];
        for (int i = 0; i < inMatrix.Length; i++)
        {
            matrix[i] = new double?[inMatrix.Length];
            for (int j = 0; j < inMatrix.Length; j++)
            {
                var e = computed.Estimate(i, j);
                matrix[i][j] = i == j && e.Differential ? null : e.Value;
            }
        }

        var diagonal = Enumerable.Range(0, inMatrix.Length).Select(i => computed.Estimate(i, i)).ToArray();

        return Results.Json(new
        {
            rows = table.Rows.Count,
            estimator,
            estimators = CatalogueColumns.Names,
            bins,
            unit = InformationUnits.Name(unit),
            columns = columns.Select(c => new { name = c.Name, kind = c.IsNumeric ? "numeric" : "categorical", symbols = c.SymbolCount, discretisation = c.Discretisation }),
            x,
            y,
            mutualInformation = mi,
            matrix = new
            {
                estimator = matrixEstimator,
                columns = inMatrix.Select(c => c.Name),
                values = matrix,
                note = columns.Length > MaxMatrixColumns ? $"the first {MaxMatrixColumns} of {columns.Length} columns" : null,
                diagonal = diagonal.Any(d => d.Differential)
                    ? "H of each categorical column; a real column's differential h is another quantity, left blank (see diagonalEntropies)"
                    : "the entropy of each column",
                diagonalEntropies = diagonal.Select((e, i) => EstimateElements.Of("entropy", e, column: inMatrix[i].Name)),
            },
        });
    }

    private static JsonElement MutualInformationWithInterval(string estimator, DataColumn x, DataColumn y, InformationUnit unit, int bins, CancellationToken cancellationToken)
    {
        var estimate = CatalogueColumns.MutualInformation(estimator, x, y, unit, bins);
        cancellationToken.ThrowIfCancellationRequested();
        var u = CatalogueColumns.Uncertainty(estimator, x, y, unit, bins, cancellationToken);
        return EstimateElements.Of("mi", estimate, u?.Test, u?.Interval);
    }

    /// <summary>Reads the body as UTF-8, refusing more than the limit (413) and bytes that are not UTF-8 (400).</summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        const int limit = ExplorerOptions.MaxUploadBytes;
        if (request.ContentLength is long declared && declared > limit)
        {
            throw TooLarge(declared);
        }

        var buffer = new byte[limit + 1];
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read > limit)
        {
            throw TooLarge(null);
        }

        if (read == 0)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "malformed CSV: the request body is empty; send the CSV file as the body.");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer, 0, read).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "malformed CSV: the file is not UTF-8 text.");
        }
    }

    private static ApiException TooLarge(long? size) => new(
        StatusCodes.Status413PayloadTooLarge,
        $"the CSV is {(size is long s ? $"{s:N0} bytes" : "larger than the limit")}; the explorer takes at most {ExplorerOptions.MaxUploadBytes:N0} bytes (1 MiB).");
}
