using System.Globalization;

namespace Shannon.Estimators.Continuous;

/// <summary>Lattices of tied columns: the step a rounded column lies on, and uniform dequantisation over it.</summary>
internal static class Lattice
{
    /// <summary>
    /// The step of the lattice a tied column lies on (the greatest common divisor of the gaps between its sorted distinct
    /// values, within 1e-6 of the smallest gap, and at least a twentieth of it), or 0 when the column has no ties or is
    /// not on a lattice. When a few float artefacts spoil the lattice (at most 5% of the rows, written with four or more
    /// decimals beyond the rest, as wine's one color_intensity of 9.899999 among values rounded to 0.01), the step is
    /// that of the others.
    /// </summary>
    public static double LatticeStep(double[] column)
    {
        double[] sorted = (double[])column.Clone();
        Array.Sort(sorted);
        // The distinct values and the rows of each, in one pass (equal values are adjacent once sorted).
        var distinct = new List<double>(sorted.Length) { sorted[0] };
        var rows = new List<int>(sorted.Length) { 1 };
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct.Add(sorted[i]);
                rows.Add(1);
            }
            else
            {
                rows[^1]++;
            }
        }

        if (distinct.Count == sorted.Length || distinct.Count < 2)
        {
            return 0;
        }

        double smallest = double.PositiveInfinity;
        for (int i = 1; i < distinct.Count; i++)
        {
            double gap = distinct[i] - distinct[i - 1];
            if (!double.IsFinite(gap))
            {
                return 0; // values near +-1.8e308 whose gap overflows: no step to spread them over in doubles
            }

            smallest = Math.Min(smallest, gap);
        }

        if (!double.IsNormal(smallest))
        {
            return 0; // a subnormal step: noise over it is not representable
        }

        // Strays can defeat the exact step (9.899999 among hundredths: no common divisor) or shrink it to the binary
        // spacing of doubles (0.30000000000000004 beside 0.3 among tenths): the larger of the two rules' steps.
        return Math.Max(GreatestCommonStep(distinct, smallest), StepWithoutStrays(distinct, rows, sorted.Length));
    }

    /// <summary>
    /// The lattice of the values with at most three decimals beyond those that cover 95% of the rows, when the others
    /// (float artefacts such as 9.899999 or 0.30000000000000004) are what defeat the exact step; 0 when there are none.
    /// </summary>
    private static double StepWithoutStrays(List<double> distinct, List<int> rows, int rowCount)
    {
        // The decimals of each distinct value, weighted by its rows.
        var decimals = new int[distinct.Count];
        int maximum = 0;
        for (int d = 0; d < distinct.Count; d++)
        {
            decimals[d] = Decimals(distinct[d]);
            maximum = Math.Max(maximum, decimals[d]);
        }

        // The fewest decimals that cover 95% of the rows.
        var rowsWith = new long[maximum + 1];
        for (int d = 0; d < distinct.Count; d++)
        {
            rowsWith[decimals[d]] += rows[d];
        }

        int most = 0;
        long covered = rowsWith[0], needed = (long)Math.Ceiling(0.95 * rowCount);
        while (covered < needed)
        {
            covered += rowsWith[++most];
        }

        // A stray is a float artefact, four or more decimals beyond that: 0.906 among hundredths is a finer grid
        // (kept, the step is 0.002), 9.899999 among hundredths is 9.9 printed from a float.
        int finest = most + 3;
        if (finest >= maximum)
        {
            return 0; // no artefacts, or more than 5% of the rows: no strays to set aside
        }

        var kept = distinct.Where((v, d) => decimals[d] <= finest).ToList();
        if (kept.Count < 2)
        {
            return 0;
        }

        double smallest = double.PositiveInfinity;
        for (int i = 1; i < kept.Count; i++)
        {
            smallest = Math.Min(smallest, kept[i] - kept[i - 1]);
        }

        return double.IsNormal(smallest) ? GreatestCommonStep(kept, smallest) : 0;
    }

    /// <summary>The decimals of a value's shortest round-trip form (9.899999: 6; 1E-07: 7; 1.5E+20: 0).</summary>
    private static int Decimals(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? text : text[..e];
        int exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        int fraction = point < 0 ? 0 : mantissa.Length - point - 1;
        return Math.Max(0, fraction - exponent);
    }

    /// <summary>The approximate greatest common divisor of the gaps between sorted distinct values, or 0.</summary>
    private static double GreatestCommonStep(List<double> distinct, double smallest)
    {
        // The step is the (approximate, Euclid's) greatest common divisor of the gaps: values rounded to 0.01 with one
        // rounded to 0.002 lie on the 0.002 lattice. A divisor far below the smallest gap means the gaps have no common
        // step (irrational ratios, or a stray value such as 9.899999): not a lattice.
        double tolerance = 1e-6 * smallest;
        double step = smallest;
        for (int i = 1; i < distinct.Count && step >= smallest / 20; i++)
        {
            double a = Math.Max(step, distinct[i] - distinct[i - 1]), b = Math.Min(step, distinct[i] - distinct[i - 1]);
            while (b > tolerance)
            {
                double r = a % b;
                if (r > b - tolerance)
                {
                    r = 0;
                }

                (a, b) = (b, r);
            }

            step = a;
        }

        if (step < smallest / 20 || !double.IsFinite(distinct[^1] + step) || !double.IsFinite(distinct[0] - step))
        {
            return 0;
        }

        return step;
    }

    /// <summary>
    /// Uniform dequantisation: each column on a lattice of step s (<see cref="LatticeStep"/>) gets seeded noise
    /// U(-s/2, s/2), which keeps every information quantity of the lattice variables exactly (X + U is an invertible
    /// function of (X, U), U independent of everything); other columns are returned as they are.
    /// </summary>
    public static Samples Dequantize(Samples samples, Random random, ref int dequantizedColumns)
    {
        var columns = new double[samples.Dimension][];
        bool any = false;
        for (int j = 0; j < samples.Dimension; j++)
        {
            double[] c = samples.Columns[j];
            double step = LatticeStep(c);
            if (step > 0 && double.IsFinite(step))
            {
                any = true;
                dequantizedColumns++;
                var d = new double[c.Length];
                for (int i = 0; i < c.Length; i++)
                {
                    d[i] = c[i] + step * (random.NextDouble() - 0.5);
                }

                columns[j] = d;
            }
            else
            {
                columns[j] = c;
            }
        }

        return any ? Samples.FromColumns(columns) : samples;
    }
}
