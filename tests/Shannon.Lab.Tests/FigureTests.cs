using ScottPlot;
using Shannon.Lab.Report;
using SkiaSharp;

namespace Shannon.Lab.Tests;

/// <summary>The figures are real pictures: a title, labelled axes and coloured data, rendered with an installed font.</summary>
[Collection("quick lab")]
public class FigureTests(QuickLabFixture lab)
{
    private static (int Dark, int Coloured) CountPixels(SKBitmap bitmap, int left, int top, int right, int bottom)
    {
        int dark = 0, coloured = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = left; x < right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 110)
                {
                    dark++;
                }

                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 60)
                {
                    coloured++;
                }
            }
        }

        return (dark, coloured);
    }

    [Fact]
    public void EveryPngHasTitleTextAndColouredData()
    {
        var pngs = Directory.GetFiles(Path.Combine(lab.Directory, "figures"), "*.png");
        int expected = lab.Results.Sum(r => r.Figures.Count);
        Assert.Equal(expected, pngs.Length);
        Assert.Equal(expected, Directory.GetFiles(Path.Combine(lab.Directory, "figures"), "*.svg").Length);
        foreach (var png in pngs)
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            // The title band (top 7 % of the height, middle 80 % of the width) holds dark text pixels.
            int band = bitmap.Height * 7 / 100;
            var title = CountPixels(bitmap, bitmap.Width / 10, 0, bitmap.Width * 9 / 10, band);
            Assert.True(title.Dark > 150, $"{Path.GetFileName(png)}: {title.Dark} dark pixels in the title band");
            // The plot area holds coloured marks (curves, bars, markers or a heatmap), not only grey grid lines.
            var data = CountPixels(bitmap, bitmap.Width / 10, band, bitmap.Width * 9 / 10, bitmap.Height * 85 / 100);
            int area = (bitmap.Width * 8 / 10) * ((bitmap.Height * 85 / 100) - band);
            Assert.True(data.Coloured > area / 500, $"{Path.GetFileName(png)}: {data.Coloured} coloured pixels of {area}");
        }
    }

    [Fact]
    public void EveryFigureHasATitleAxisLabelsAndACaption()
    {
        foreach (var result in lab.Results)
        {
            foreach (var f in result.Figures)
            {
                string id = $"{result.Name}/{f.Name}";
                Assert.False(string.IsNullOrWhiteSpace(f.Plot.Axes.Title.Label.Text), id + ": title");
                Assert.False(string.IsNullOrWhiteSpace(f.Plot.Axes.Bottom.Label.Text), id + ": x label");
                Assert.False(string.IsNullOrWhiteSpace(f.Caption), id + ": caption");
                if (f.Name != "venn") // the Venn diagram has no y quantity; its x label states the area scale
                {
                    Assert.False(string.IsNullOrWhiteSpace(f.Plot.Axes.Left.Label.Text), id + ": y label");
                }
            }
        }
    }

    [Fact]
    public void TheReportFontIsInstalledAndRendersText()
    {
        Assert.True(Plots.FontIsInstalled(), $"the font '{Plots.FontFamily}' is missing: install Debian's fonts-dejavu-core");
        using var withTitle = Render(Plots.Create("The entropy of a fair coin is one bit per toss", "x (units)", "y (units)"));
        using var without = Render(Plots.Create("", "x (units)", "y (units)"));
        int band = 40;
        var a = CountPixels(withTitle, 0, 0, withTitle.Width, band);
        var b = CountPixels(without, 0, 0, without.Width, band);
        Assert.True(a.Dark > b.Dark + 200, $"a title drew {a.Dark - b.Dark} dark pixels");
    }

    private static SKBitmap Render(Plot plot)
    {
        var bytes = plot.GetImageBytes(400, 300, ImageFormat.Png);
        return SKBitmap.Decode(bytes);
    }
}
