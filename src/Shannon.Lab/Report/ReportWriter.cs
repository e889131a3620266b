using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Shannon.Data;

namespace Shannon.Lab.Report;

/// <summary>
/// Writes a report folder: index.html, figures/NAME.png and .svg, tables/NAME.csv and results.json with the
/// key numbers of every experiment.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes the report for the given results into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="directory">The output folder.</param>
    /// <param name="results">The experiments' results, in report order.</param>
    /// <param name="quick">Whether the results come from a quick run (stated in the report).</param>
    /// <param name="force">Write into a folder that holds other files and is not a Shannon report (see <see cref="OutputFile.CheckReportFolder"/>).</param>
    /// <returns>The path of index.html.</returns>
    /// <exception cref="ArgumentException">The folder is a file, a link, or holds files and is not a Shannon report.</exception>
    public static string Write(string directory, IReadOnlyList<ExperimentResult> results, bool quick, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        OutputFile.CheckReportFolder(directory, "directory", force);
        OutputFile.MarkReportFolder(directory);
        var figures = Path.Combine(directory, "figures");
        var tables = Path.Combine(directory, "tables");
        Directory.CreateDirectory(figures);
        Directory.CreateDirectory(tables);

        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>Shannon lab report</title><style>")
            .Append("body{font-family:'DejaVu Sans',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}")
            .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
            .Append("th{background:#f3f3f3}figure{margin:1.5em 0}img{max-width:100%}figcaption{color:#555;font-size:.9em}")
            .Append(".note{background:#fff7e0;border-left:4px solid #e0a800;padding:.4em .8em}nav li{margin:.2em 0}")
            .Append("</style></head><body>\n<h1>Shannon lab report</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " in quick mode (smaller samples)" : "")}. Every number below was computed by the Shannon library.</p>\n");
        html.Append("<nav><ol>");
        foreach (var r in results)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{Esc(r.Name)}\">{Esc(r.Title)}</a></li>");
        }

        html.Append("</ol></nav>\n");

        foreach (var r in results)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{Esc(r.Name)}\"><h2>{Esc(r.Title)}</h2>\n");
            foreach (var note in r.Notes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Esc(note)}</p>\n");
            }

            foreach (var p in r.Paragraphs)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{Esc(p)}</p>\n");
            }

            foreach (var f in r.Figures)
            {
                string stem = $"{r.Name}-{f.Name}";
                var png = OutputFile.MarkPng(f.Plot.GetImage(f.Width, f.Height).GetImageBytes(ScottPlot.ImageFormat.Png));
                OutputFile.WriteAtomically(Path.Combine(figures, stem + ".png"), s => s.Write(png));
                OutputFile.WriteAllTextAtomically(Path.Combine(figures, stem + ".svg"), f.Plot.GetSvgXml(f.Width, f.Height));
                html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"figures/{stem}.png\" alt=\"{Esc(f.Caption)}\" width=\"{f.Width}\"><figcaption>{Esc(f.Caption)} (<a href=\"figures/{stem}.svg\">SVG</a>)</figcaption></figure>\n");
            }

            foreach (var t in r.Tables)
            {
                string stem = $"{r.Name}-{t.Name}";
                OutputFile.WriteAllTextAtomically(Path.Combine(tables, stem + ".csv"), ToCsv(t));
                html.Append(CultureInfo.InvariantCulture, $"<table><caption>{Esc(t.Title)} (<a href=\"tables/{stem}.csv\">CSV</a>)</caption><tr>");
                foreach (var c in t.Columns)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<th>{Esc(c)}</th>");
                }

                html.Append("</tr>\n");
                foreach (var row in t.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<td>{Esc(FormatCell(cell))}</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</table>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</body></html>\n");
        var index = Path.Combine(directory, "index.html");
        OutputFile.WriteAllTextAtomically(index, html.ToString());
        WriteJson(Path.Combine(directory, "results.json"), results, quick);
        return index;
    }

    /// <summary>Formats a table cell: doubles with 6 significant digits, everything else as text.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The text.</returns>
    public static string FormatCell(object? cell) => cell switch
    {
        null => "",
        ExactZero => "0",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string ToCsv(ResultTable table)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", table.Columns.Select(CsvField)));
        foreach (var row in table.Rows)
        {
            sb.AppendLine(string.Join(",", row.Select(c => CsvField(c is double d ? d.ToString("R", CultureInfo.InvariantCulture) : c is ExactZero z ? z.Computed.ToString("R", CultureInfo.InvariantCulture) : FormatCell(c)))));
        }

        return sb.ToString();
    }

    private static string CsvField(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static void WriteJson(string path, IReadOnlyList<ExperimentResult> results, bool quick)
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer, results, quick);
        var bytes = buffer.ToArray();
        OutputFile.WriteAtomically(path, s => s.Write(bytes));
    }

    private static void WriteJson(Stream stream, IReadOnlyList<ExperimentResult> results, bool quick)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("generated_utc", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        w.WriteBoolean("quick", quick);
        w.WriteStartObject("experiments");
        foreach (var r in results)
        {
            w.WriteStartObject(r.Name);
            w.WriteString("title", r.Title);
            foreach (var (key, value) in r.KeyNumbers)
            {
                WriteValue(w, key, value);
            }

            w.WriteStartArray("notes");
            foreach (var n in r.Notes)
            {
                w.WriteStringValue(n);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, string key, object value)
    {
        switch (value)
        {
            case double d when double.IsFinite(d):
                w.WriteNumber(key, d);
                break;
            case double d:
                w.WriteString(key, d.ToString(CultureInfo.InvariantCulture));
                break;
            case int i:
                w.WriteNumber(key, i);
                break;
            case long l:
                w.WriteNumber(key, l);
                break;
            case bool b:
                w.WriteBoolean(key, b);
                break;
            case double[] arr:
                w.WriteStartArray(key);
                foreach (var x in arr)
                {
                    if (double.IsFinite(x))
                    {
                        w.WriteNumberValue(x);
                    }
                    else
                    {
                        w.WriteStringValue(x.ToString(CultureInfo.InvariantCulture));
                    }
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
