using SkiaSharp;

namespace Shannon.Cli.Tests;

/// <summary>The `matrix --out` heatmap reads at a glance (issue 18): its title fits, and every cell shows its value.</summary>
public sealed class MatrixHeatmapTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shannon-heatmap-" + Guid.NewGuid().ToString("N"));

    public MatrixHeatmapTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheTitleIsNotClippedAndEveryCellCarriesText()
    {
        string csv = Path.Combine(_dir, "data.csv");
        var lines = new List<string> { "x,y,z" };
        for (int i = 0; i < 60; i++)
        {
            int x = (i * 7 + 3) % 5;
            lines.Add($"{x},{(x + i * i % 3) % 4},{i / 7 % 3}");
        }

        File.WriteAllText(csv, string.Join('\n', lines) + "\n");
        string png = Path.Combine(_dir, "m.png");
        var (code, _, err) = CliRunner.Run("matrix", csv, "--out", png);
        Assert.True(code == 0, err);
        using var bitmap = SKBitmap.Decode(png);

        // The title band: dark text, none of it within 4 pixels of the left or right edge (a clipped title runs off both).
        int band = bitmap.Height * 6 / 100, left = int.MaxValue, right = -1;
        for (int y = 0; y < band; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 110)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                }
            }
        }

        Assert.True(right > left, "no title text found");
        Assert.True(left > 4 && right < bitmap.Width - 5, $"title spans pixels {left}..{right} of {bitmap.Width}");

        // Cells: the 3 x 3 grid fills the data area; the middle of each cell, where its value is written, holds both the
        // cell's colour and text pixels of another colour (more than one distinct colour in a small box).
        var (cellsX, cellsY) = DataArea(bitmap);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                int cx = cellsX.Left + (int)((j + 0.5) * (cellsX.Right - cellsX.Left) / 3.0);
                int cy = cellsY.Top + (int)((i + 0.5) * (cellsY.Bottom - cellsY.Top) / 3.0);
                var colours = new HashSet<SKColor>();
                for (int y = cy - 6; y <= cy + 6; y++)
                {
                    for (int x = cx - 14; x <= cx + 14; x++)
                    {
                        colours.Add(bitmap.GetPixel(x, y));
                    }
                }

                Assert.True(colours.Count > 4, $"cell ({i}, {j}) at ({cx}, {cy}) shows no value ({colours.Count} colours)");
            }
        }
    }

    /// <summary>The heatmap's extent: the bounding box of strongly coloured (non-grey) pixels.</summary>
    private static ((int Left, int Right) X, (int Top, int Bottom) Y) DataArea(SKBitmap bitmap)
    {
        int left = int.MaxValue, right = -1, top = int.MaxValue, bottom = -1;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width * 85 / 100; x++) // the colour bar sits in the right 15 % (at 760 pixels wide, from 678)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 60)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y);
                }
            }
        }

        return ((left, right), (top, bottom));
    }
}
