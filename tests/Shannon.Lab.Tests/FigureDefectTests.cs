using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using Shannon.Lab.Report;
using SkiaSharp;

namespace Shannon.Lab.Tests;

/// <summary>
/// Checks for the kinds of figure and report defects issue 18 lists ("figures that read at a glance"), run over every
/// figure and table of the quick lab: a legend box over plotted points, a reference line drawn on the plot's border,
/// stale sentences, and rounding noise printed for an exact zero.
/// </summary>
[Collection("quick lab")]
public class FigureDefectTests(QuickLabFixture lab)
{
    [Fact]
    public void NoLegendInsideAPlotCoversAPlottedPoint()
    {
        // The legend's box is found by rendering with and without it (the pixels that change); every data point of the
        // figure (scatter points and markers, on their own axes) is mapped to pixels and must lie outside that box.
        var failures = new List<string>();
        foreach (var result in lab.Results)
        {
            foreach (var f in result.Figures)
            {
                var plot = f.Plot;
                if (!plot.Legend.IsVisible)
                {
                    continue; // no legend, or a legend in a panel outside the data area
                }

                using var with = SKBitmap.Decode(plot.GetImageBytes(f.Width, f.Height, ImageFormat.Png));
                plot.Legend.IsVisible = false;
                using var without = SKBitmap.Decode(plot.GetImageBytes(f.Width, f.Height, ImageFormat.Png));
                plot.Legend.IsVisible = true;
                var box = DifferenceBox(with, without);
                if (box is not { } b)
                {
                    continue;
                }

                int covered = 0;
                foreach (var pixel in DataPixels(plot))
                {
                    if (pixel.X > b.Left + 2 && pixel.X < b.Right - 2 && pixel.Y > b.Top + 2 && pixel.Y < b.Bottom - 2)
                    {
                        covered++;
                    }
                }

                if (covered > 0)
                {
                    failures.Add($"{result.Name}/{f.Name}: the legend covers {covered} plotted point(s)");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public void NoReferenceLineLiesOnTheAxisLimits()
    {
        // A horizontal or vertical reference line exactly at an axis limit is drawn on the frame and cannot be seen
        // (the coding figure's "8 bits ASCII" line did this). Each must be at least 3 pixels inside the data area.
        var failures = new List<string>();
        foreach (var result in lab.Results)
        {
            foreach (var f in result.Figures)
            {
                var plot = f.Plot;
                plot.GetImageBytes(f.Width, f.Height, ImageFormat.Png); // lays out the axes at the figure's size
                var rect = plot.LastRender.DataRect;
                foreach (var p in plot.GetPlottables())
                {
                    if (p is ScottPlot.Plottables.HorizontalLine h && p.IsVisible)
                    {
                        float y = p.Axes.GetPixelY(h.Y);
                        if (Math.Abs(y - rect.Top) < 3 || Math.Abs(y - rect.Bottom) < 3)
                        {
                            failures.Add($"{result.Name}/{f.Name}: horizontal line at {h.Y} on the border");
                        }
                    }
                    else if (p is ScottPlot.Plottables.VerticalLine v && p.IsVisible)
                    {
                        float x = p.Axes.GetPixelX(v.X);
                        if (Math.Abs(x - rect.Left) < 3 || Math.Abs(x - rect.Right) < 3)
                        {
                            failures.Add($"{result.Name}/{f.Name}: vertical line at {v.X} on the border");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Theory]
    [InlineData("once the continuous estimators are in the library")]
    [InlineData("local helper here")]
    [InlineData("on another branch")]
    [InlineData("bits / 8")]
    public void TheReportHasNoStaleSentence(string phrase)
    {
        // Sentences that described an earlier state of the project (issue 18), and the old diversity axis label.
        string html = File.ReadAllText(lab.Index);
        Assert.DoesNotContain(phrase, html, StringComparison.OrdinalIgnoreCase);
        foreach (var result in lab.Results)
        {
            foreach (var f in result.Figures)
            {
                foreach (string text in new[] { f.Caption, f.Plot.Axes.Title.Label.Text, f.Plot.Axes.Left.Label.Text, f.Plot.Axes.Right.Label.Text, f.Plot.Axes.Bottom.Label.Text })
                {
                    Assert.DoesNotContain(phrase, text ?? "", StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public void NoTableCellPrintsRoundingNoise()
    {
        // A cell printed as 3.2E-16 is rounding of an exact zero, or noise below what a double can resolve for values of
        // order 1 (its machine epsilon is 2.2e-16). Cells below 1e-15 in magnitude must be exact zeros (ExactZero prints 0).
        var noise = new Regex(@"^-?\d(\.\d+)?E-(1[5-9]|[2-9]\d|\d{3})$", RegexOptions.CultureInvariant);
        var failures = new List<string>();
        foreach (var result in lab.Results)
        {
            foreach (var table in result.Tables)
            {
                foreach (var row in table.Rows)
                {
                    foreach (var cell in row)
                    {
                        string shown = ReportWriter.FormatCell(cell);
                        if (noise.IsMatch(shown))
                        {
                            failures.Add($"{result.Name}/{table.Name}: {shown}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public void AnExactZeroPrintsZeroAndKeepsItsComputedValueInTheCsv()
    {
        Assert.Equal("0", ReportWriter.FormatCell(new ExactZero(-3.2e-16)));
        Assert.Equal("3.2E-16", ReportWriter.FormatCell(3.2e-16)); // a plain double is printed as it is
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactZero(1e-6));
        var cell = lab["mutual-information"].Tables.Single(t => t.Name == "conditional").Rows[1][2];
        Assert.IsType<ExactZero>(cell);
        string csv = File.ReadAllText(Path.Combine(lab.Directory, "tables", "mutual-information-conditional.csv"));
        Assert.Contains(((ExactZero)cell).Computed.ToString("R", CultureInfo.InvariantCulture), csv);
    }

    [Fact]
    public void TheInformationPlaneHasAnEpochColourBarAndNoOverlappingLayerLabels()
    {
        foreach (var f in lab["information-plane"].Figures.Where(f => f.Name.StartsWith("plane-", StringComparison.Ordinal)))
        {
            Assert.Contains(f.Plot.Axes.GetPanels(), p => p is ScottPlot.Panels.ColorBar);
            Assert.Empty(f.Plot.GetPlottables().OfType<ScottPlot.Plottables.Text>()); // layers are told apart by marker shape in the legend
        }
    }

    private static (int Left, int Top, int Right, int Bottom)? DifferenceBox(SKBitmap a, SKBitmap b)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                if (a.GetPixel(x, y) != b.GetPixel(x, y))
                {
                    left = Math.Min(left, x);
                    top = Math.Min(top, y);
                    right = Math.Max(right, x);
                    bottom = Math.Max(bottom, y);
                }
            }
        }

        return right < 0 ? null : (left, top, right, bottom);
    }

    private static IEnumerable<Pixel> DataPixels(Plot plot)
    {
        var rect = plot.LastRender.DataRect;
        foreach (var p in plot.GetPlottables().Where(p => p.IsVisible))
        {
            IEnumerable<Coordinates> points = p switch
            {
                ScottPlot.Plottables.Scatter s => s.Data.GetScatterPoints(), // a line's vertices are data too
                ScottPlot.Plottables.Marker m => [m.Location],
                _ => [],
            };

            foreach (var c in points)
            {
                if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
                {
                    continue;
                }

                var pixel = p.Axes.GetPixel(c);
                if (rect.Contains(pixel))
                {
                    yield return pixel;
                }
            }
        }
    }
}
