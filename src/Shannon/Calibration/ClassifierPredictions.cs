using System.Globalization;

namespace Shannon.Calibration;

/// <summary>
/// A classifier's predicted probabilities with the true labels, validated once so that every calibration measure can
/// trust it. Two layouts: one column (binary: the column is P(label = 1), labels 0 or 1) or K &gt;= 2 columns (K classes,
/// row i is the predicted distribution over classes 0..K-1, labels 0..K-1). Rows are stored row-major.
/// The predicted class is the arg max (the first maximal column on ties; binary: 1 when P(1) &gt; 1/2) and the
/// confidence its probability (binary: max(p, 1 - p)), as in Guo et al. (2017), "On calibration of modern neural networks".
/// </summary>
public sealed class ClassifierPredictions
{
    /// <summary>
    /// How far from 1 the sum of a row of K &gt;= 2 probabilities may be (absolute): 1e-6, which lets probabilities printed
    /// with 7 significant digits through and rejects rows that are not distributions. Rows are never renormalised.
    /// </summary>
    public const double RowSumTolerance = 1e-6;

    private readonly double[] _probabilities;
    private readonly int[] _labels;

    private ClassifierPredictions(double[] probabilities, int columns, int[] labels)
    {
        _probabilities = probabilities;
        _labels = labels;
        Columns = columns;
    }

    /// <summary>The number of predictions n.</summary>
    public int Count => _labels.Length;

    /// <summary>The number of probability columns: 1 (binary) or K.</summary>
    public int Columns { get; }

    /// <summary>The number of classes: 2 for the binary layout, else <see cref="Columns"/>.</summary>
    public int ClassCount => Columns == 1 ? 2 : Columns;

    /// <summary>Whether the layout is binary (one column, P(label = 1)).</summary>
    public bool IsBinary => Columns == 1;

    /// <summary>The probabilities, row-major (n x <see cref="Columns"/>).</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>The labels.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>Validates and copies predictions.</summary>
    /// <param name="probabilities">n x <paramref name="columns"/> probabilities, row-major: each in [0, 1]; for
    /// <paramref name="columns"/> &gt;= 2 each row sums to 1 within <see cref="RowSumTolerance"/>.</param>
    /// <param name="columns">1 (binary) or the number of classes K &gt;= 2.</param>
    /// <param name="labels">n labels: 0 or 1 (binary), else 0..K-1.</param>
    /// <returns>The validated predictions.</returns>
    public static ClassifierPredictions FromProbabilities(ReadOnlySpan<double> probabilities, int columns, ReadOnlySpan<int> labels)
    {
        Preconditions.Positive(columns, nameof(columns));
        if (labels.IsEmpty)
        {
            throw Preconditions.Error(nameof(labels), "non-empty", "an empty sequence");
        }

        if ((long)labels.Length * columns != probabilities.Length)
        {
            throw Preconditions.Error(nameof(probabilities), $"{labels.Length} rows of {columns} column(s) (one row per label, {(long)labels.Length * columns} values)", $"{probabilities.Length} values");
        }

        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1))
            {
                throw Preconditions.Error(nameof(probabilities), "in [0, 1] everywhere", $"{Preconditions.Format(p)} at row {i / columns}, column {i % columns}");
            }
        }

        if (columns >= 2)
        {
            for (int r = 0; r < labels.Length; r++)
            {
                double sum = 0;
                foreach (double p in probabilities.Slice(r * columns, columns))
                {
                    sum += p;
                }

                if (Math.Abs(sum - 1.0) > RowSumTolerance)
                {
                    throw Preconditions.Error(nameof(probabilities), $"rows summing to 1 (tolerance {Preconditions.Format(RowSumTolerance)})", $"a sum of {Preconditions.Format(sum)} at row {r}",
                        "Renormalise explicitly if these are scores; a single column means binary P(label = 1).");
                }
            }
        }

        int classes = columns == 1 ? 2 : columns;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes)
            {
                throw Preconditions.Error(nameof(labels), $"in 0..{classes - 1} ({classes} classes)", $"{labels[i].ToString(CultureInfo.InvariantCulture)} at row {i}");
            }
        }

        return new ClassifierPredictions(probabilities.ToArray(), columns, labels.ToArray());
    }

    /// <summary>The predicted probability of class <paramref name="k"/> for row <paramref name="row"/>.</summary>
    /// <param name="row">The row.</param>
    /// <param name="k">The class, 0..<see cref="ClassCount"/> - 1.</param>
    /// <returns>The probability.</returns>
    public double Probability(int row, int k)
    {
        if (Columns == 1)
        {
            double p = _probabilities[row];
            return k == 1 ? p : 1.0 - p;
        }

        return _probabilities[(row * Columns) + k];
    }

    /// <summary>The arg max class of row <paramref name="row"/> (the first on ties; binary: 1 iff P(1) &gt; 1/2).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The predicted class.</returns>
    public int Predicted(int row)
    {
        if (Columns == 1)
        {
            return _probabilities[row] > 0.5 ? 1 : 0;
        }

        var p = _probabilities.AsSpan(row * Columns, Columns);
        int best = 0;
        for (int k = 1; k < p.Length; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>The confidence of row <paramref name="row"/>: the probability of the predicted class.</summary>
    /// <param name="row">The row.</param>
    /// <returns>max_k p_k (binary: max(p, 1 - p)).</returns>
    public double Confidence(int row) => Probability(row, Predicted(row));
}
