namespace Shannon.Estimators.Discrete;

/// <summary>
/// Entropy, joint and conditional entropy, mutual information and conditional mutual information of label columns,
/// through any <see cref="IEntropyEstimator"/>. Information quantities are sums of entropies, each estimated with the
/// chosen estimator on the marginal counts of the variables involved:
/// I(X;Y) = H(X) + H(Y) - H(X,Y) and I(X;Y|Z) = H(X,Z) + H(Y,Z) - H(X,Y,Z) - H(Z), where each joint variable's
/// alphabet is the product of its columns' level counts (empty combinations included). With the plug-in estimator this
/// is exactly the plug-in MI (scikit-learn's <c>mutual_info_score</c>); with bias-corrected estimators the bias
/// corrections of the terms partly cancel. This differs from R's <c>mi.Dirichlet</c> and <c>mi.shrink</c>, which take
/// the plug-in MI of one smoothed joint table. Nothing is clipped: bias-corrected MI can be slightly negative.
/// </summary>
public static class DiscreteInformation
{
    /// <summary>H(X) of a label column.</summary>
    /// <param name="x">The samples.</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public static InformationEstimate Entropy(DiscreteVariable x, IEntropyEstimator estimator, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(estimator);
        return Entropy(CountTable.FromSamples(x), [0], estimator, unit);
    }

    /// <summary>H of the joint variable made of the <paramref name="variables"/> of a count table.</summary>
    /// <param name="table">The count table.</param>
    /// <param name="variables">The group of variable indices (one joint variable).</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public static InformationEstimate Entropy(CountTable table, ReadOnlySpan<int> variables, IEntropyEstimator estimator, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(estimator);
        var (counts, size) = table.Marginal(variables);
        return estimator.Estimate(counts, size, unit);
    }

    /// <summary>The joint entropy H(X, Y).</summary>
    /// <param name="x">The first column.</param>
    /// <param name="y">The second column, the same length.</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public static InformationEstimate JointEntropy(DiscreteVariable x, DiscreteVariable y, IEntropyEstimator estimator, InformationUnit unit)
    {
        Check(x, y, estimator);
        return Entropy(CountTable.FromSamples(x, y), [0, 1], estimator, unit);
    }

    /// <summary>The conditional entropy H(X | Y) = H(X, Y) - H(Y).</summary>
    /// <param name="x">The column whose uncertainty is measured.</param>
    /// <param name="given">The conditioning column, the same length.</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public static InformationEstimate ConditionalEntropy(DiscreteVariable x, DiscreteVariable given, IEntropyEstimator estimator, InformationUnit unit)
    {
        Check(x, given, estimator);
        var table = CountTable.FromSamples(x, given);
        return Combine("conditional-entropy", estimator, unit, table.Total,
            [(1, Entropy(table, [0, 1], estimator, InformationUnit.Nats)), (-1, Entropy(table, [1], estimator, InformationUnit.Nats))]);
    }

    /// <summary>I(X; Y) = H(X) + H(Y) - H(X, Y) of two label columns.</summary>
    /// <param name="x">The first column.</param>
    /// <param name="y">The second column, the same length.</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate; diagnostics <c>h_x</c>, <c>h_y</c>, <c>h_xy</c> in the unit.</returns>
    public static InformationEstimate MutualInformation(DiscreteVariable x, DiscreteVariable y, IEntropyEstimator estimator, InformationUnit unit)
    {
        Check(x, y, estimator);
        return MutualInformation(CountTable.FromSamples(x, y), [0], [1], estimator, unit);
    }

    /// <summary>I(X; Y) of two columns of integer labels, counted in place (no copy; see <see cref="CountTable.FromLabels"/>).</summary>
    /// <param name="x">The first column.</param>
    /// <param name="y">The second column, the same length.</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public static InformationEstimate MutualInformation(ReadOnlySpan<int> x, ReadOnlySpan<int> y, IEntropyEstimator estimator, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return MutualInformation(CountTable.FromLabels(x, y), [0], [1], estimator, unit);
    }

    /// <summary>I(X; Y) between two groups of variables of a count table (each group one joint variable).</summary>
    /// <param name="table">The count table.</param>
    /// <param name="x">The variables of X.</param>
    /// <param name="y">The variables of Y, disjoint from X.</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public static InformationEstimate MutualInformation(CountTable table, ReadOnlySpan<int> x, ReadOnlySpan<int> y, IEntropyEstimator estimator, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(estimator);
        Preconditions.Unit(unit, nameof(unit));
        int[] xy = Disjoint(table, x, y, nameof(y));
        var hx = Entropy(table, x, estimator, InformationUnit.Nats);
        var hy = Entropy(table, y, estimator, InformationUnit.Nats);
        var hxy = Entropy(table, xy, estimator, InformationUnit.Nats);
        return Combine("mi", estimator, unit, table.Total, [(1, hx), (1, hy), (-1, hxy)], ("h_x", hx), ("h_y", hy), ("h_xy", hxy));
    }

    /// <summary>I(X; Y | Z) = H(X,Z) + H(Y,Z) - H(X,Y,Z) - H(Z) of three label columns.</summary>
    /// <param name="x">The first column.</param>
    /// <param name="y">The second column.</param>
    /// <param name="z">The conditioning column.</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public static InformationEstimate ConditionalMutualInformation(DiscreteVariable x, DiscreteVariable y, DiscreteVariable z, IEntropyEstimator estimator, InformationUnit unit)
    {
        Check(x, y, estimator);
        ArgumentNullException.ThrowIfNull(z);
        Preconditions.SameLength(z.Length, x.Length, nameof(z), nameof(x));
        return ConditionalMutualInformation(CountTable.FromSamples(x, y, z), [0], [1], [2], estimator, unit);
    }

    /// <summary>I(X; Y | Z) between three disjoint groups of variables of a count table.</summary>
    /// <param name="table">The count table.</param>
    /// <param name="x">The variables of X.</param>
    /// <param name="y">The variables of Y.</param>
    /// <param name="z">The variables of Z.</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public static InformationEstimate ConditionalMutualInformation(CountTable table, ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z, IEntropyEstimator estimator, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(estimator);
        Preconditions.Unit(unit, nameof(unit));
        int[] xy = Disjoint(table, x, y, nameof(y));
        int[] xz = Disjoint(table, x, z, nameof(z));
        int[] yz = Disjoint(table, y, z, nameof(z));
        int[] xyz = [.. xy, .. z];
        var hxz = Entropy(table, xz, estimator, InformationUnit.Nats);
        var hyz = Entropy(table, yz, estimator, InformationUnit.Nats);
        var hxyz = Entropy(table, xyz, estimator, InformationUnit.Nats);
        var hz = Entropy(table, z, estimator, InformationUnit.Nats);
        return Combine("cmi", estimator, unit, table.Total, [(1, hxz), (1, hyz), (-1, hxyz), (-1, hz)],
            ("h_xz", hxz), ("h_yz", hyz), ("h_xyz", hxyz), ("h_z", hz));
    }

    private static void Check(DiscreteVariable x, DiscreteVariable y, IEntropyEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(estimator);
        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
    }

    internal static int[] Disjoint(CountTable table, ReadOnlySpan<int> a, ReadOnlySpan<int> b, string name)
    {
        table.CheckGroup(a, name);
        table.CheckGroup(b, name);
        int[] both = [.. a, .. b];
        table.CheckGroup(both, name);
        return both;
    }

    private static InformationEstimate Combine(string measure, IEntropyEstimator estimator, InformationUnit unit, long n,
        (int Sign, InformationEstimate Term)[] terms, params (string Name, InformationEstimate Term)[] parts)
    {
        _ = measure;
        double nats = 0;
        var warnings = new List<string>();
        foreach (var (sign, term) in terms)
        {
            nats += sign * term.Value;
            foreach (var w in term.Warnings)
            {
                if (!warnings.Contains(w))
                {
                    warnings.Add(w);
                }
            }
        }

        var diagnostics = new List<(string, double)>();
        foreach (var (name, term) in parts)
        {
            diagnostics.Add((name, InformationUnits.FromNats(term.Value, unit)));
        }

        return new InformationEstimate(InformationUnits.FromNats(nats, unit), unit, n, estimator.Name)
        {
            Diagnostics = InformationEstimate.MakeDiagnostics([.. diagnostics]),
            Warnings = warnings,
        };
    }
}
