using System.Runtime.CompilerServices;

namespace Shannon.Spatial;

/// <summary>
/// Exact k-nearest-neighbour search for points in the plane by a uniform grid ("box-assisted" search, as in
/// Kraskov's MILCA code): about 4N cells over the bounding box, points sorted by cell with a counting sort, each query
/// scanning rings of cells outwards until the ring's distance exceeds the current k-th distance. O(N) time to build,
/// O(N) memory, O(1) expected per query for bounded densities. <see cref="TryCreate"/> refuses data whose cells are
/// badly unbalanced (heavy tails, clusters), for which the k-d tree is used instead, so no query degrades to O(N).
/// </summary>
internal sealed class Grid2D : INeighbourIndex
{
    /// <summary>A grid whose fullest cell holds more points than this is refused.</summary>
    private const int MaxCellOccupancy = 64;

    private readonly double[] _a;      // points in cell order
    private readonly double[] _b;
    private readonly int[] _rowAt;
    private readonly int[] _positionOf;
    private readonly int[] _cellStart;
    private readonly int _g;
    private readonly double _minA, _minB, _widthA, _widthB, _scaleA, _scaleB;
    private readonly bool _euclidean;

    private Grid2D(double[] a, double[] b, int[] rowAt, int[] positionOf, int[] cellStart, int g,
        double minA, double minB, double widthA, double widthB, bool euclidean)
    {
        _a = a;
        _b = b;
        _rowAt = rowAt;
        _positionOf = positionOf;
        _cellStart = cellStart;
        _g = g;
        _minA = minA;
        _minB = minB;
        _widthA = widthA;
        _widthB = widthB;
        _scaleA = 1 / widthA;
        _scaleB = 1 / widthB;
        _euclidean = euclidean;
    }

    public int Count => _a.Length;

    /// <summary>A grid over (a, b), or null when the data would leave some cell with more than 64 points.</summary>
    public static Grid2D? TryCreate(double[] a, double[] b, DistanceNorm norm)
    {
        int n = a.Length;
        double minA = a.Min(), maxA = a.Max(), minB = b.Min(), maxB = b.Max();
        if (!(maxA > minA) || !(maxB > minB))
        {
            return null;
        }

        int g = (int)Math.Clamp(Math.Ceiling(2 * Math.Sqrt(n)), 1, 46_000);
        double widthA = (maxA - minA) / g, widthB = (maxB - minB) / g;
        double scaleA = 1 / widthA, scaleB = 1 / widthB;

        // Extents or cells outside the comfortable double range (a spread near 1e308 overflows, one near 1e-300 makes
        // 1/width infinite, distances can overflow or underflow): the k-d tree, which rescales exactly, takes these.
        if (!double.IsFinite(scaleA) || !double.IsFinite(scaleB) || !double.IsNormal(widthA) || !double.IsNormal(widthB)
            || Math.Max(Math.Max(Math.Abs(minA), Math.Abs(maxA)), Math.Max(Math.Abs(minB), Math.Abs(maxB))) > Shannon.Estimators.Continuous.ColumnStatistics.ComfortHigh
            || widthA < Shannon.Estimators.Continuous.ColumnStatistics.ComfortLow || widthB < Shannon.Estimators.Continuous.ColumnStatistics.ComfortLow)
        {
            return null;
        }

        var cellOf = new int[n];
        var cellStart = new int[g * g + 1];
        for (int i = 0; i < n; i++)
        {
            int ca = Math.Min(g - 1, (int)((a[i] - minA) * scaleA));
            int cb = Math.Min(g - 1, (int)((b[i] - minB) * scaleB));
            int cell = cb * g + ca;
            cellOf[i] = cell;
            if (++cellStart[cell + 1] > MaxCellOccupancy)
            {
                return null;
            }
        }

        for (int c = 0; c < g * g; c++)
        {
            cellStart[c + 1] += cellStart[c];
        }

        var next = new int[g * g];
        Array.Copy(cellStart, next, g * g);
        var pa = new double[n];
        var pb = new double[n];
        var rowAt = new int[n];
        var positionOf = new int[n];
        for (int i = 0; i < n; i++)
        {
            int p = next[cellOf[i]]++;
            pa[p] = a[i];
            pb[p] = b[i];
            rowAt[p] = i;
            positionOf[i] = p;
        }

        return new Grid2D(pa, pb, rowAt, positionOf, cellStart, g, minA, minB, widthA, widthB, norm == DistanceNorm.Euclidean);
    }

    public int RowAt(int position) => _rowAt[position];

    public double Coordinate(int position, int dimension) => dimension == 0 ? _a[position] : _b[position];

    public void NearestNeighboursUnchecked(int row, int k, Span<int> rows, Span<double> distances) =>
        NearestNeighboursAtPosition(_positionOf[row], k, rows, distances);

    public void NearestNeighboursAtPosition(int self, int k, Span<int> rows, Span<double> distances)
    {
        double qa = _a[self], qb = _b[self];
        int ca = Math.Min(_g - 1, (int)((qa - _minA) * _scaleA));
        int cb = Math.Min(_g - 1, (int)((qb - _minB) * _scaleB));
        Span<double> best = k <= 64 ? stackalloc double[k] : new double[k];
        Span<int> bestAt = k <= 64 ? stackalloc int[k] : new int[k];
        best.Fill(double.PositiveInfinity);
        for (int r = 0; ; r++)
        {
            int a0 = ca - r, a1 = ca + r, b0 = cb - r, b1 = cb + r;
            for (int y = Math.Max(b0, 0); y <= Math.Min(b1, _g - 1); y++)
            {
                bool edgeRow = y == b0 || y == b1;
                int step = edgeRow ? 1 : Math.Max(1, a1 - a0);
                for (int x = a0; x <= a1; x += step)
                {
                    if ((uint)x < (uint)_g)
                    {
                        Scan(y * _g + x, qa, qb, self, best, bestAt);
                    }
                }
            }

            if (a0 <= 0 && b0 <= 0 && a1 >= _g - 1 && b1 >= _g - 1)
            {
                break; // the whole grid is done
            }

            // Any point outside the (2r+1)^2 block is at least this far away in each axis (1e-12 margin for rounding in
            // the cell assignment): stop when the k-th distance is no larger.
            double gap = Math.Min(
                Math.Min(qa - (_minA + (a0 * _widthA)), (_minA + ((a1 + 1) * _widthA)) - qa),
                Math.Min(qb - (_minB + (b0 * _widthB)), (_minB + ((b1 + 1) * _widthB)) - qb));
            gap -= 1e-12 * (Math.Abs(qa) + Math.Abs(qb) + _widthA + _widthB);
            if (gap > 0 && (_euclidean ? gap * gap : gap) >= best[k - 1])
            {
                break;
            }
        }

        for (int i = 0; i < k; i++)
        {
            rows[i] = _rowAt[bestAt[i]];
            distances[i] = _euclidean ? Math.Sqrt(best[i]) : best[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Scan(int cell, double qa, double qb, int self, Span<double> best, Span<int> bestAt)
    {
        int k = best.Length;
        for (int p = _cellStart[cell], end = _cellStart[cell + 1]; p < end; p++)
        {
            if (p == self)
            {
                continue;
            }

            double da = Math.Abs(_a[p] - qa), db = Math.Abs(_b[p] - qb);
            double dist = _euclidean ? da * da + db * db : (da > db ? da : db);
            if (dist < best[k - 1])
            {
                NeighbourIndex.Insert(best, bestAt, dist, p);
            }
        }
    }
}

/// <summary>What the k-NN estimators need of a neighbour index: exact k nearest other points of a row, and a
/// cache-friendly visiting order.</summary>
internal interface INeighbourIndex
{
    int Count { get; }

    int RowAt(int position);

    /// <summary>Coordinate <paramref name="dimension"/> of the point at <paramref name="position"/> in visiting order.</summary>
    double Coordinate(int position, int dimension);

    void NearestNeighboursUnchecked(int row, int k, Span<int> rows, Span<double> distances);

    /// <summary>The k nearest other points of the point at <paramref name="position"/> in visiting order (rows are input rows).</summary>
    void NearestNeighboursAtPosition(int position, int k, Span<int> rows, Span<double> distances);
}

/// <summary>Picks the neighbour index: the grid for well-spread points in the plane, the k-d tree otherwise.</summary>
internal static class NeighbourIndex
{
    /// <summary>
    /// Puts a candidate into the k best so far (distances increasing, <paramref name="dist"/> below the last one):
    /// the last entry drops out; among equal distances the earlier candidate stays first.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Insert(Span<double> best, Span<int> bestAt, double dist, int position)
    {
        int i = best.Length - 1;
        while (i > 0 && best[i - 1] > dist)
        {
            best[i] = best[i - 1];
            bestAt[i] = bestAt[i - 1];
            i--;
        }

        best[i] = dist;
        bestAt[i] = position;
    }

    public static INeighbourIndex Create(double[][] columns, DistanceNorm norm) =>
        (columns.Length == 2 ? Grid2D.TryCreate(columns[0], columns[1], norm) : null)
        ?? (INeighbourIndex)new KdTree(columns, norm, 8, validate: false);
}
