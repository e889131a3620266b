namespace Shannon.Distributions;

/// <summary>
/// An immutable joint distribution of two or more discrete variables, stored row-major: for a table of
/// shape (|X|, |Y|) the entry p(x, y) sits at x * |Y| + y; with more axes the last index varies fastest.
/// Axis 0 is X, axis 1 is Y, axis 2 is Z.
/// </summary>
public sealed class JointDistribution
{
    private readonly double[] _probabilities;
    private readonly int[] _shape;

    private JointDistribution(double[] probabilities, int[] shape)
    {
        _probabilities = probabilities;
        _shape = shape;
    }

    /// <summary>The number of outcomes of each variable.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of variables (axes).</summary>
    public int Rank => _shape.Length;

    /// <summary>The probabilities in row-major order.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>The number of outcomes of axis 0 (X).</summary>
    public int Rows => _shape[0];

    /// <summary>The number of outcomes of axis 1 (Y).</summary>
    public int Columns => _shape[1];

    /// <summary>p(x, y) of a two-variable table.</summary>
    /// <param name="x">Row (outcome of X).</param>
    /// <param name="y">Column (outcome of Y).</param>
    public double this[int x, int y] => _probabilities[(x * _shape[1]) + y];

    /// <summary>A two-variable table from row-major probabilities that sum to 1 (validated, copied, never renormalised).</summary>
    /// <param name="probabilities">p(x, y) at x * columns + y.</param>
    /// <param name="rows">|X| &gt;= 1.</param>
    /// <param name="columns">|Y| &gt;= 1.</param>
    /// <returns>The joint distribution.</returns>
    public static JointDistribution FromProbabilities(ReadOnlySpan<double> probabilities, int rows, int columns) =>
        FromProbabilities(probabilities, [rows, columns]);

    /// <summary>A table of any number of variables from row-major probabilities that sum to 1.</summary>
    /// <param name="probabilities">The probabilities, last axis fastest.</param>
    /// <param name="shape">The number of outcomes of each variable; at least two axes, each &gt;= 1.</param>
    /// <returns>The joint distribution.</returns>
    public static JointDistribution FromProbabilities(ReadOnlySpan<double> probabilities, params int[] shape)
    {
        CheckShape(probabilities.Length, shape, nameof(probabilities));
        Preconditions.Probabilities(probabilities, nameof(probabilities));
        return new JointDistribution(probabilities.ToArray(), (int[])shape.Clone());
    }

    /// <summary>A table normalised from non-negative counts or weights (the total must be positive).</summary>
    /// <param name="counts">Counts in row-major order.</param>
    /// <param name="shape">The number of outcomes of each variable.</param>
    /// <returns>The empirical joint distribution.</returns>
    public static JointDistribution FromCounts(ReadOnlySpan<double> counts, params int[] shape)
    {
        CheckShape(counts.Length, shape, nameof(counts));
        double total = Preconditions.Weights(counts, nameof(counts));
        var p = new double[counts.Length];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = counts[i] / total;
        }

        return new JointDistribution(p, (int[])shape.Clone());
    }

    /// <summary>The joint distribution of independent variables: the outer product of the marginals.</summary>
    /// <param name="marginals">Two or more distributions.</param>
    /// <returns>p(x1, ..., xn) = p1(x1) ... pn(xn).</returns>
    public static JointDistribution Independent(params Categorical[] marginals)
    {
        ArgumentNullException.ThrowIfNull(marginals);
        if (marginals.Length < 2)
        {
            throw Preconditions.Error(nameof(marginals), "at least two distributions", marginals.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var shape = marginals.Select(m => m.Count).ToArray();
        double[] p = [1.0];
        foreach (var m in marginals)
        {
            var next = new double[p.Length * m.Count];
            for (int i = 0; i < p.Length; i++)
            {
                for (int j = 0; j < m.Count; j++)
                {
                    next[(i * m.Count) + j] = p[i] * m[j];
                }
            }

            p = next;
        }

        return new JointDistribution(p, shape);
    }

    /// <summary>
    /// The marginal distribution of the given axes, in the order given (summing out the others).
    /// With one axis the result is returned by <see cref="MarginalOf"/> instead.
    /// </summary>
    /// <param name="axes">Two or more distinct axes to keep.</param>
    /// <returns>The marginal joint distribution.</returns>
    public JointDistribution Marginal(params int[] axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length < 2)
        {
            throw Preconditions.Error(nameof(axes), "two or more axes (use MarginalOf for one)", axes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var values = MarginalValues(axes);
        return new JointDistribution(values, axes.Select(a => _shape[a]).ToArray());
    }

    /// <summary>The marginal distribution of one variable.</summary>
    /// <param name="axis">The axis, 0..Rank-1.</param>
    /// <returns>The marginal.</returns>
    public Categorical MarginalOf(int axis) => Categorical.FromProbabilities(MarginalValues([axis]));

    /// <summary>Marginal probabilities over the given axes (row-major in the given order); an empty list gives [1].</summary>
    internal double[] MarginalValues(ReadOnlySpan<int> axes)
    {
        int rank = _shape.Length;
        Span<bool> seen = stackalloc bool[rank];
        int size = 1;
        foreach (int a in axes)
        {
            if (a < 0 || a >= rank || seen[a])
            {
                throw Preconditions.OutOfRange("axes", $"distinct axes in 0..{rank - 1}", a.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            seen[a] = true;
            size *= _shape[a];
        }

        var result = new double[size];
        if (rank == 2 && axes.Length == 2 && axes[0] == 0)
        {
            return (double[])_probabilities.Clone();
        }

        // Strides of the source and, for each source axis, its stride in the result (0 when summed out).
        Span<int> targetStride = stackalloc int[rank];
        targetStride.Clear();
        int stride = 1;
        for (int k = axes.Length - 1; k >= 0; k--)
        {
            targetStride[axes[k]] = stride;
            stride *= _shape[axes[k]];
        }

        Span<int> index = stackalloc int[rank];
        index.Clear();
        int target = 0;
        for (int flat = 0; flat < _probabilities.Length; flat++)
        {
            result[target] += _probabilities[flat];

            // Advance the multi-index (last axis fastest) and the target offset with it.
            for (int a = rank - 1; a >= 0; a--)
            {
                index[a]++;
                target += targetStride[a];
                if (index[a] < _shape[a])
                {
                    break;
                }

                target -= targetStride[a] * _shape[a];
                index[a] = 0;
            }
        }

        return result;
    }

    /// <summary>A copy of the probabilities (row-major).</summary>
    /// <returns>A new array.</returns>
    public double[] ToArray() => (double[])_probabilities.Clone();

    private static void CheckShape(int length, int[] shape, string name)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length < 2)
        {
            throw Preconditions.Error(nameof(shape), "two or more axes (a joint distribution of one variable is a Categorical)", shape.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        long size = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 1)
            {
                throw Preconditions.OutOfRange(nameof(shape), ">= 1 on every axis", $"{shape[i]} on axis {i}");
            }

            size *= shape[i];
            if (size > Array.MaxLength)
            {
                throw Preconditions.OutOfRange(nameof(shape), "a table small enough for one array", $"{size}+ cells");
            }
        }

        if (size != length)
        {
            throw Preconditions.Error(name, $"of length {size} (the product of shape [{string.Join(", ", shape)}])", $"length {length}");
        }
    }
}
