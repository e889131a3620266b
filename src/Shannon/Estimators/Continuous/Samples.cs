using System.Globalization;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// N samples of a d-dimensional real variable, stored column-major: one array of N values per dimension
/// (column), as a table's columns are. An immutable, validated copy: every value finite, every column of the
/// same length N >= 1.
/// </summary>
/// <remarks>Use <see cref="FromColumn"/> for a scalar variable and <see cref="FromColumns"/> for a multivariate one
/// (e.g. X = (x1, x2)); <see cref="FromRows"/> takes one array per sample instead.</remarks>
public sealed class Samples
{
    private readonly double[][] _columns;

    private Samples(double[][] columns)
    {
        _columns = columns;
    }

    /// <summary>The number of samples N.</summary>
    public int Count => _columns[0].Length;

    /// <summary>The number of columns d (the dimension of the variable).</summary>
    public int Dimension => _columns.Length;

    /// <summary>The value of sample <paramref name="row"/> in column <paramref name="column"/>.</summary>
    /// <param name="row">0 &lt;= row &lt; N.</param>
    /// <param name="column">0 &lt;= column &lt; d.</param>
    public double this[int row, int column] => _columns[column][row];

    /// <summary>Column <paramref name="index"/>: the N values of one dimension.</summary>
    /// <param name="index">0 &lt;= index &lt; d.</param>
    /// <returns>A read-only view of the column.</returns>
    public ReadOnlySpan<double> Column(int index)
    {
        if ((uint)index >= (uint)_columns.Length)
        {
            throw Preconditions.OutOfRange(nameof(index), $"in [0, {_columns.Length - 1}]", index.ToString(CultureInfo.InvariantCulture));
        }

        return _columns[index];
    }

    /// <summary>A one-dimensional sample.</summary>
    /// <param name="values">The N values; finite, non-empty.</param>
    /// <returns>The samples (a copy).</returns>
    /// <exception cref="ArgumentException">Empty, or a NaN or infinity (the message gives its index).</exception>
    public static Samples FromColumn(ReadOnlySpan<double> values) => Create(values, nameof(values));

    /// <summary>A d-dimensional sample from its columns.</summary>
    /// <param name="columns">d >= 1 arrays of N >= 1 finite values each.</param>
    /// <returns>The samples (a copy).</returns>
    /// <exception cref="ArgumentException">No columns, columns of different lengths, or a NaN or infinity (the message gives row and column).</exception>
    public static Samples FromColumns(params double[][] columns) => Create(columns, nameof(columns));

    /// <summary>A d-dimensional sample from its rows (one array of d values per sample).</summary>
    /// <param name="rows">N >= 1 arrays of d >= 1 finite values each.</param>
    /// <returns>The samples (a copy, stored by column).</returns>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, or a NaN or infinity.</exception>
    public static Samples FromRows(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0)
        {
            throw Preconditions.Error(nameof(rows), "non-empty", "no rows");
        }

        ArgumentNullException.ThrowIfNull(rows[0], nameof(rows));
        int d = rows[0].Length;
        if (d == 0)
        {
            throw Preconditions.Error(nameof(rows), "rows of at least one value", "an empty row 0");
        }

        var columns = new double[d][];
        for (int j = 0; j < d; j++)
        {
            columns[j] = new double[rows.Length];
        }

        for (int i = 0; i < rows.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(rows[i], nameof(rows));
            if (rows[i].Length != d)
            {
                throw Preconditions.Error(nameof(rows), $"rows of the same length as row 0 ({d})", $"length {rows[i].Length} at row {i}");
            }

            for (int j = 0; j < d; j++)
            {
                double v = rows[i][j];
                if (!double.IsFinite(v))
                {
                    throw Preconditions.Error(nameof(rows), "finite everywhere", $"{Preconditions.Format(v)} at row {i}, column {j}");
                }

                columns[j][i] = v;
            }
        }

        return new Samples(columns);
    }

    internal static Samples Create(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw Preconditions.Error(name, "finite everywhere", $"{Preconditions.Format(values[i])} at index {i}");
            }
        }

        if (values.IsEmpty)
        {
            throw Preconditions.Error(name, "non-empty", "an empty sequence");
        }

        return new Samples([values.ToArray()]);
    }

    internal static Samples Create(double[][] columns, string name)
    {
        ArgumentNullException.ThrowIfNull(columns, name);
        if (columns.Length == 0)
        {
            throw Preconditions.Error(name, "at least one column", "none");
        }

        var copy = new double[columns.Length][];
        for (int j = 0; j < columns.Length; j++)
        {
            ArgumentNullException.ThrowIfNull(columns[j], name);
            if (columns[j].Length != columns[0].Length)
            {
                throw Preconditions.Error(name, $"columns of the same length as column 0 ({columns[0].Length})", $"length {columns[j].Length} in column {j}");
            }

            if (columns[j].Length == 0)
            {
                throw Preconditions.Error(name, "non-empty", "columns of length 0");
            }

            for (int i = 0; i < columns[j].Length; i++)
            {
                double v = columns[j][i];
                if (!double.IsFinite(v))
                {
                    throw Preconditions.Error(name, "finite everywhere", $"{Preconditions.Format(v)} at row {i}, column {j}");
                }
            }

            copy[j] = (double[])columns[j].Clone();
        }

        return new Samples(copy);
    }

    /// <summary>The stored columns (no copy; callers must not write to them).</summary>
    internal double[][] Columns => _columns;
}
