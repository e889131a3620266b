using System.Numerics.Tensors;

namespace Shannon.Lab.Language;

/// <summary>A sparse matrix in compressed-row form, with products against dense row-major matrices.</summary>
public sealed class SparseMatrix
{
    private SparseMatrix(int rows, int columns, int[] rowStart, int[] columnIndex, double[] values)
    {
        Rows = rows;
        Columns = columns;
        RowStart = rowStart;
        ColumnIndex = columnIndex;
        Values = values;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; }

    /// <summary>Where each row's entries start (length rows + 1).</summary>
    public IReadOnlyList<int> RowStart { get; }

    /// <summary>The column of each entry.</summary>
    public IReadOnlyList<int> ColumnIndex { get; }

    /// <summary>The value of each entry.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The number of stored entries.</summary>
    public int NonZeroCount => Values.Count;

    /// <summary>Builds the matrix from (row, column, value) triplets; duplicates are summed, zeros dropped.</summary>
    /// <param name="rows">Rows.</param>
    /// <param name="columns">Columns.</param>
    /// <param name="entries">The triplets.</param>
    /// <returns>The matrix.</returns>
    public static SparseMatrix FromTriplets(int rows, int columns, IEnumerable<(int Row, int Column, double Value)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.Where(e => e.Value != 0).ToList();
        foreach (var e in list)
        {
            if ((uint)e.Row >= (uint)rows || (uint)e.Column >= (uint)columns || !double.IsFinite(e.Value))
            {
                throw new ArgumentOutOfRangeException(nameof(entries), $"`entries` must lie in {rows} x {columns} with finite values; got ({e.Row}, {e.Column}, {e.Value}).");
            }
        }

        list.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        var start = new int[rows + 1];
        var cols = new List<int>(list.Count);
        var vals = new List<double>(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            if (cols.Count > 0 && i > 0 && list[i].Row == list[i - 1].Row && list[i].Column == list[i - 1].Column)
            {
                vals[^1] += list[i].Value;
                continue;
            }

            cols.Add(list[i].Column);
            vals.Add(list[i].Value);
            start[list[i].Row + 1]++;
        }

        for (int r = 0; r < rows; r++)
        {
            start[r + 1] += start[r];
        }

        return new SparseMatrix(rows, columns, start, cols.ToArray(), vals.ToArray());
    }

    /// <summary>The transpose.</summary>
    /// <returns>A new matrix.</returns>
    public SparseMatrix Transpose()
    {
        var start = new int[Columns + 1];
        foreach (int c in ColumnIndex)
        {
            start[c + 1]++;
        }

        for (int c = 0; c < Columns; c++)
        {
            start[c + 1] += start[c];
        }

        var fill = start[..Columns];
        var cols = new int[NonZeroCount];
        var vals = new double[NonZeroCount];
        for (int r = 0; r < Rows; r++)
        {
            for (int j = RowStart[r]; j < RowStart[r + 1]; j++)
            {
                int at = fill[ColumnIndex[j]]++;
                cols[at] = r;
                vals[at] = Values[j];
            }
        }

        return new SparseMatrix(Columns, Rows, start, cols, vals);
    }

    /// <summary>This matrix times a dense row-major Columns x width matrix; returns Rows x width, row-major.</summary>
    /// <param name="dense">The dense matrix.</param>
    /// <param name="width">Its number of columns.</param>
    /// <returns>The product.</returns>
    public double[] Multiply(double[] dense, int width)
    {
        ArgumentNullException.ThrowIfNull(dense);
        if (dense.Length != Columns * width)
        {
            throw new ArgumentException($"`dense` must hold {Columns} x {width} values; got {dense.Length}.", nameof(dense));
        }

        var result = new double[Rows * width];
        var start = (int[])RowStart;
        var cols = (int[])ColumnIndex;
        var vals = (double[])Values;
        Parallel.For(0, Rows, r =>
        {
            var row = result.AsSpan(r * width, width);
            for (int j = start[r]; j < start[r + 1]; j++)
            {
                double v = vals[j];
                TensorPrimitives.MultiplyAdd<double>(dense.AsSpan(cols[j] * width, width), v, row, row);
            }
        });
        return result;
    }
}
