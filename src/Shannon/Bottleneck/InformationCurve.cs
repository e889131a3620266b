namespace Shannon.Bottleneck;

/// <summary>One point of the information curve: I(X;T) and I(T;Y) at a beta.</summary>
/// <param name="Beta">The trade-off parameter.</param>
/// <param name="MutualInformationXT">I(X;T), in the curve's unit.</param>
/// <param name="MutualInformationTY">I(T;Y), in the curve's unit.</param>
/// <param name="ClusterCount">The clusters in use.</param>
/// <param name="Converged">Whether the solver converged at this beta.</param>
public readonly record struct InformationCurvePoint(double Beta, double MutualInformationXT, double MutualInformationTY, int ClusterCount, bool Converged);

/// <summary>
/// The information curve I(T;Y) against I(X;T) over a beta grid (Tishby, Pereira &amp; Bialek 1999, fig. 1), with
/// every solution and the Pareto front: the points that no other point beats on both axes (less or equal
/// compression cost I(X;T) and more or equal relevant information I(T;Y), one of them strictly).
/// </summary>
public sealed class InformationCurve
{
    internal InformationCurve(IReadOnlyList<InformationBottleneckSolution> solutions, InformationUnit unit, double mutualInformationXY, double criticalBeta)
    {
        Solutions = solutions;
        Unit = unit;
        MutualInformationXY = mutualInformationXY;
        CriticalBeta = criticalBeta;
        Points = [.. solutions.Select(s => new InformationCurvePoint(s.Beta, s.MutualInformationXT, s.MutualInformationTY, s.ClusterCount, s.Converged))];
        ParetoFront = ParetoFilter(Points);
    }

    /// <summary>The solutions, in increasing beta.</summary>
    public IReadOnlyList<InformationBottleneckSolution> Solutions { get; }

    /// <summary>All points, in increasing beta.</summary>
    public IReadOnlyList<InformationCurvePoint> Points { get; }

    /// <summary>The non-dominated points, in increasing I(X;T).</summary>
    public IReadOnlyList<InformationCurvePoint> ParetoFront { get; }

    /// <summary>The unit of every information.</summary>
    public InformationUnit Unit { get; }

    /// <summary>I(X;Y), the ceiling of I(T;Y) (data processing), in <see cref="Unit"/>.</summary>
    public double MutualInformationXY { get; }

    /// <summary>The critical beta 1/rho^2 of the table (see <see cref="InformationBottleneck.CriticalBeta"/>).</summary>
    public double CriticalBeta { get; }

    /// <summary>Whether every beta converged.</summary>
    public bool Converged => Points.All(p => p.Converged);

    /// <summary>
    /// The Pareto filter: sorts by I(X;T) (then by I(T;Y), largest first) and keeps a point only when its I(T;Y)
    /// exceeds that of every point with smaller or equal I(X;T). O(n log n).
    /// </summary>
    /// <param name="points">Any points.</param>
    /// <returns>The non-dominated points, in increasing I(X;T).</returns>
    public static IReadOnlyList<InformationCurvePoint> ParetoFilter(IEnumerable<InformationCurvePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.MutualInformationXT).ThenByDescending(p => p.MutualInformationTY).ToList();
        var front = new List<InformationCurvePoint>();
        double best = double.NegativeInfinity;
        foreach (var p in sorted)
        {
            if (p.MutualInformationTY > best)
            {
                front.Add(p);
                best = p.MutualInformationTY;
            }
        }

        return front;
    }
}
