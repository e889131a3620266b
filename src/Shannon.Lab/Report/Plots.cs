using ScottPlot;

namespace Shannon.Lab.Report;

/// <summary>Creates plots in the report's house style, with a font that exists on the machine.</summary>
public static class Plots
{
    /// <summary>The font family every figure uses (Debian's fonts-dejavu-core).</summary>
    public const string FontFamily = "DejaVu Sans";

    static Plots() => Fonts.Default = FontFamily;

    /// <summary>A new plot with a title and labelled axes.</summary>
    /// <param name="title">The title.</param>
    /// <param name="xLabel">The x-axis label, with its unit.</param>
    /// <param name="yLabel">The y-axis label, with its unit.</param>
    /// <returns>The plot.</returns>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        Fonts.Default = FontFamily;
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Title.Label.FontName = FontFamily;
        plot.Axes.Bottom.Label.FontName = FontFamily;
        plot.Axes.Left.Label.FontName = FontFamily;
        return plot;
    }

    /// <summary>Whether the report's font family is installed (SkiaSharp resolves it by name, not by a fallback).</summary>
    /// <returns>True when DejaVu Sans is found.</returns>
    public static bool FontIsInstalled()
    {
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(FontFamily);
        return typeface is not null && string.Equals(typeface.FamilyName, FontFamily, StringComparison.OrdinalIgnoreCase);
    }
}
