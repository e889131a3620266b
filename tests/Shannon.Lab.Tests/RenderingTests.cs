using Shannon.Lab.Experiments;
using Shannon.Lab.Report;
using SkiaSharp;

namespace Shannon.Lab.Tests;

/// <summary>
/// Figures must show their text: with no font installed ScottPlot silently draws no glyphs, so these tests fail
/// instead. Pixel counts: a 600 x 400 figure's 28-pixel title band holds ~1,000 dark glyph pixels for "Binary entropy".
/// </summary>
public class RenderingTests
{
    internal static SKBitmap Render(ScottPlot.Plot plot, int width = 600, int height = 400)
    {
        var bytes = plot.GetImage(width, height).GetImageBytes(ScottPlot.ImageFormat.Png);
        return SKBitmap.Decode(bytes);
    }

    /// <summary>Pixels in rows [top, bottom) darker than mid-grey.</summary>
    internal static int DarkPixels(SKBitmap bitmap, int top, int bottom, int left = 0, int right = -1)
    {
        right = right < 0 ? bitmap.Width : right;
        int count = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = left; x < right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 128)
                {
                    count++;
                }
            }
        }

        return count;
    }

    [Fact]
    public void TheReportFontIsInstalled() =>
        Assert.True(Plots.FontIsInstalled(), $"The font '{Plots.FontFamily}' is missing: install Debian's fonts-dejavu-core, or every figure loses its text.");

    [Fact]
    public void ATitleDrawsGlyphPixels()
    {
        var withTitle = Plots.Create("Binary entropy", "p", "h(p) (bits)");
        // The same layout with the title drawn in the background colour: only the glyphs differ.
        var withoutTitle = Plots.Create("Binary entropy", "p", "h(p) (bits)");
        withoutTitle.Axes.Title.Label.ForeColor = ScottPlot.Colors.White;
        using var a = Render(withTitle);
        using var b = Render(withoutTitle);
        int darkWith = DarkPixels(a, 0, 28);
        int darkWithout = DarkPixels(b, 0, 28);
        Assert.True(darkWith - darkWithout > 200, $"title band: {darkWith} dark pixels with a title, {darkWithout} without");
    }

    [Fact]
    public void TheBinaryEntropyFigureHasTextAndACurve()
    {
        var result = new BinaryEntropyExperiment().Run(new ExperimentContext { Quick = true });
        using var bitmap = Render(result.Figures[0].Plot);

        // Title band and the axis-label column hold text; the plot area holds the curve.
        Assert.True(DarkPixels(bitmap, 0, 28) > 200, "no title pixels");
        Assert.True(DarkPixels(bitmap, 0, bitmap.Height, 0, 25) > 100, "no y-axis label pixels");
        int coloured = 0;
        for (int y = 40; y < bitmap.Height - 60; y++)
        {
            for (int x = 70; x < bitmap.Width - 20; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - c.Blue) > 60 || Math.Abs(c.Green - c.Blue) > 60)
                {
                    coloured++;
                }
            }
        }

        Assert.True(coloured > 500, $"only {coloured} coloured pixels in the plot area: the curve is missing");
    }

    [Fact]
    public void BinaryEntropyPeaksAtOneBitAtOneHalf()
    {
        var result = new BinaryEntropyExperiment().Run(new ExperimentContext { Quick = true });
        Assert.Equal(0.5, (double)result.KeyNumbers["argmax_p"]);
        Assert.Equal(1.0, (double)result.KeyNumbers["max_bits"]);

        // h(0.1) = 0.46899559358928117 bits (scipy.stats.entropy([0.1, 0.9], base=2)).
        Assert.Equal(0.46899559358928117, (double)result.KeyNumbers["h_0.1_bits"], 1e-12);
    }

    [Fact]
    public void TheReportWriterWritesHtmlFiguresTablesAndJson()
    {
        string dir = Path.Combine(Path.GetTempPath(), "shannon-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = new BinaryEntropyExperiment().Run(new ExperimentContext { Quick = true });
            string index = ReportWriter.Write(dir, [result], quick: true);
            Assert.Contains("<img src=\"figures/binary-entropy-curve.png\"", File.ReadAllText(index), StringComparison.Ordinal);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "figures", "binary-entropy-curve.svg")), StringComparison.Ordinal);
            Assert.StartsWith("P(heads),h (bits),h (nats)", File.ReadAllText(Path.Combine(dir, "tables", "binary-entropy-coins.csv")), StringComparison.Ordinal);
            using var png = SKBitmap.Decode(Path.Combine(dir, "figures", "binary-entropy-curve.png"));
            Assert.Equal(800, png.Width);
            Assert.True(DarkPixels(png, 0, 30) > 200);
            Assert.Contains("\"max_bits\": 1", File.ReadAllText(Path.Combine(dir, "results.json")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
