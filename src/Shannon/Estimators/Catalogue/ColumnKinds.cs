using System.Globalization;

namespace Shannon.Estimators.Catalogue;

/// <summary>
/// The one rule that decides a column's <see cref="VariableKind"/> from its values.
/// </summary>
/// <remarks>
/// <para>Text and booleans are categorical. A numeric column whose values are all integers (exactly, below 2^53 in
/// magnitude) is categorical when it takes at most <see cref="CategoricalLevelLimit"/>(N) = max(2, floor(sqrt N))
/// distinct values, and continuous otherwise. Other real columns are continuous. A continuous column in which some
/// value repeats is <see cref="VariableKind.ContinuousWithTies"/>.</para>
/// <para>Where sqrt N comes from: it is the square-root choice of histogram bin count (e.g. Excel's histogram tool;
/// Wikipedia, "Histogram", square-root choice), so an integer column treated as categorical is never cut finer than a
/// histogram of the same N values would be; and it bounds the plug-in estimator's bias, (L - 1)/(2N) nats for L
/// occupied levels (Miller 1955), by 1/(2 sqrt N). scikit-learn's <c>type_of_target</c> calls every integer-valued
/// column "multiclass" whatever its number of levels; that makes wine's <c>proline</c> (94 distinct integers in 178
/// rows) a 94-level label with a plug-in bias near 0.26 nats, which this rule avoids (proline is continuous, with ties).
/// Digits' pixels (17 levels in 1797 rows) stay categorical. Override per column with <c>--discrete</c> /
/// <c>--continuous</c>.</para>
/// </remarks>
public static class ColumnKinds
{
    private const double ExactIntegerLimit = 9007199254740992.0; // 2^53

    /// <summary>The most distinct values an integer column of <paramref name="rowCount"/> rows may take and still be categorical: max(2, floor(sqrt N)).</summary>
    /// <param name="rowCount">N, the number of rows.</param>
    /// <returns>The limit.</returns>
    public static int CategoricalLevelLimit(int rowCount) => Math.Max(2, (int)Math.Floor(Math.Sqrt(Math.Max(0, rowCount))));

    /// <summary>The kind's name as JSON and the command line spell it.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>"categorical", "continuous" or "continuous-with-ties".</returns>
    public static string Name(VariableKind kind) => kind switch
    {
        VariableKind.Categorical => "categorical",
        VariableKind.Continuous => "continuous",
        VariableKind.ContinuousWithTies => "continuous-with-ties",
        _ => throw Preconditions.OutOfRange(nameof(kind), "a defined VariableKind", ((int)kind).ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>Decides the kind of a numeric column by the rule above.</summary>
    /// <param name="values">The values (finite).</param>
    /// <returns>The kind and the reason.</returns>
    public static (VariableKind Kind, string Reason) Classify(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        bool integers = true;
        foreach (double v in values)
        {
            if (v != Math.Floor(v) || Math.Abs(v) >= ExactIntegerLimit)
            {
                integers = false;
                break;
            }
        }

        int distinct = DistinctCount(values);
        string rows = n.ToString(CultureInfo.InvariantCulture);
        string d = distinct.ToString(CultureInfo.InvariantCulture);
        int limit = CategoricalLevelLimit(n);
        string l = limit.ToString(CultureInfo.InvariantCulture);
        if (integers && distinct <= limit)
        {
            return (VariableKind.Categorical, $"integers with {d} distinct values in {rows} rows (at most max(2, floor(sqrt N)) = {l})");
        }

        string what = integers ? $"integers with {d} distinct values in {rows} rows (more than max(2, floor(sqrt N)) = {l})" : "real values";
        return distinct == n
            ? (VariableKind.Continuous, what + (integers ? ", none repeated" : ", none repeated"))
            : (VariableKind.ContinuousWithTies, what + $", {(n - distinct).ToString(CultureInfo.InvariantCulture)} of {rows} repeat an earlier value");
    }

    /// <summary>The number of distinct values.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The count.</returns>
    internal static int DistinctCount(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }
}
