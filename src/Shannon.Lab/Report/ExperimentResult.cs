using ScottPlot;

namespace Shannon.Lab.Report;

/// <summary>What an experiment returns: prose, tables, figures and the key numbers for results.json.</summary>
public sealed class ExperimentResult
{
    /// <summary>Creates an empty result for an experiment.</summary>
    /// <param name="name">The experiment's name.</param>
    /// <param name="title">The section title.</param>
    public ExperimentResult(string name, string title)
    {
        Name = name;
        Title = title;
    }

    /// <summary>The experiment's name.</summary>
    public string Name { get; }

    /// <summary>The section title.</summary>
    public string Title { get; }

    /// <summary>Paragraphs of explanation (plain text, HTML-escaped by the writer).</summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>Tables, in order.</summary>
    public List<ResultTable> Tables { get; } = [];

    /// <summary>Figures, in order.</summary>
    public List<Figure> Figures { get; } = [];

    /// <summary>Key numbers by name, written to results.json (numbers, strings or booleans).</summary>
    public Dictionary<string, object> KeyNumbers { get; } = [];

    /// <summary>Notes and warnings (e.g. that a fallback text replaced the corpus, and why).</summary>
    public List<string> Notes { get; } = [];
}

/// <summary>A table of results.</summary>
/// <param name="Name">File-name stem for the CSV, e.g. "coins".</param>
/// <param name="Title">The caption.</param>
/// <param name="Columns">Column headers (with units).</param>
/// <param name="Rows">The rows; cells are numbers or strings.</param>
public sealed record ResultTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<object[]> Rows);

/// <summary>A figure: a ScottPlot plot with its size and caption.</summary>
/// <param name="Name">File-name stem for the PNG and SVG.</param>
/// <param name="Caption">The caption under the figure.</param>
/// <param name="Plot">The plot.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record Figure(string Name, string Caption, Plot Plot, int Width = 800, int Height = 500);

/// <summary>
/// A table cell that is 0 in exact arithmetic (an identity, a conditional independence built into the example) and was
/// computed in floating point as a rounding-level <paramref name="Computed"/>: the report prints 0, the CSV keeps the
/// computed value. Only for exact zeros of the mathematics; an estimate near 0 is printed as it is.
/// </summary>
/// <param name="Computed">The computed value, |Computed| &lt;= 1e-12.</param>
public sealed record ExactZero(double Computed)
{
    /// <summary>The computed value, checked to be rounding-level.</summary>
    public double Computed { get; } = Math.Abs(Computed) <= 1e-12
        ? Computed
        : throw new ArgumentOutOfRangeException(nameof(Computed), $"`Computed` must be a rounding-level value (|x| <= 1e-12) of an exact zero; got {Computed}.");
}
