using System.Runtime.CompilerServices;

namespace Shannon.Spatial;

/// <summary>
/// A static k-d tree over N points in d dimensions for exact k-nearest-neighbour and fixed-radius count
/// queries in the maximum or Euclidean norm.
/// </summary>
/// <remarks>
/// <para>Built by median splits on the widest dimension of each node's bounding box (O(N log N) time, O(N d)
/// memory), into a balanced implicit tree whose shape depends on N and the leaf size only, so the build and
/// every query are deterministic whatever the number of threads. Queries prune whole nodes by the distance
/// to their bounding boxes, and a count query adds a node without visiting its points when its whole box lies
/// inside the radius. Expected query cost is O(log N) for low dimension (Friedman, Bentley and Finkel 1977,
/// doi:10.1145/355744.355745).</para>
/// <para>Points are addressed by their row in the input. The neighbour queries of a row exclude the row itself
/// but include other rows at distance zero (duplicates).</para>
/// </remarks>
public sealed class KdTree : INeighbourIndex
{
    private const int DefaultLeafSize = 8;
    private const int ParallelBuildThreshold = 1 << 15;

    private readonly int _count;
    private readonly int _dimension;
    private readonly int _leafSize;
    private readonly double[] _points;      // tree order, row-major
    private readonly int[] _rowAt;          // input row at tree position
    private readonly int[] _positionOf;     // tree position of an input row
    private readonly int _nodeCount;
    private readonly int[] _nodeStart;
    private readonly int[] _nodeEnd;
    private readonly double[] _low;         // bounding boxes, node-major
    private readonly double[] _high;
    private readonly double[] _cellLow;     // the region of space each node owns (split planes of its ancestors)
    private readonly double[] _cellHigh;
    private readonly int[] _splitDimension;  // internal nodes: the coordinate split on
    private readonly double[] _splitValue;   // left child <= value <= right child along it
    private readonly int _scale;             // points are stored times 2^-_scale (exact) so distances never overflow

    /// <summary>Builds the tree over the rows of <paramref name="columns"/> (one array per dimension).</summary>
    /// <param name="columns">The coordinates, one array of N values per dimension; finite; all of the same length.</param>
    /// <param name="norm">The distance used by the queries.</param>
    /// <exception cref="ArgumentException">No columns, empty or unequal columns, or a non-finite coordinate.</exception>
    public KdTree(IReadOnlyList<double[]> columns, DistanceNorm norm)
        : this(columns, norm, DefaultLeafSize, validate: true)
    {
    }

    internal KdTree(IReadOnlyList<double[]> columns, DistanceNorm norm, int leafSize, bool validate)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Preconditions.Norm(norm, nameof(norm));

        if (columns.Count == 0)
        {
            throw Preconditions.Error(nameof(columns), "at least one column", "none");
        }

        int n = columns[0]?.Length ?? 0;
        if (validate)
        {
            for (int j = 0; j < columns.Count; j++)
            {
                ArgumentNullException.ThrowIfNull(columns[j], nameof(columns));
                Preconditions.SameLength(columns[j].Length, n, nameof(columns), "columns[0]");
                Preconditions.AllFinite(columns[j], nameof(columns));
            }
        }

        if (n == 0)
        {
            throw Preconditions.Error(nameof(columns), "non-empty", "columns of length 0");
        }

        Norm = norm;
        _count = n;
        _dimension = columns.Count;
        _leafSize = Math.Max(1, leafSize);

        int depth = 0;
        while ((n >> depth) > _leafSize)
        {
            depth++;
        }

        _nodeCount = (2 << depth) - 1;
        _nodeStart = new int[_nodeCount];
        _nodeEnd = new int[_nodeCount];
        _low = new double[_nodeCount * _dimension];
        _high = new double[_nodeCount * _dimension];
        _splitDimension = new int[_nodeCount];
        _cellLow = new double[_nodeCount * _dimension];
        _cellHigh = new double[_nodeCount * _dimension];
        Array.Fill(_cellLow, double.NegativeInfinity, 0, _dimension);
        Array.Fill(_cellHigh, double.PositiveInfinity, 0, _dimension);
        _splitValue = new double[_nodeCount];
        _rowAt = new int[n];
        _points = new double[n * _dimension];
        for (int i = 0; i < n; i++)
        {
            _rowAt[i] = i;
        }

        // Coordinates beyond 2^+-400 (values near +-1e308, or all near 1e-300) are stored times a power of two, which is
        // exact: differences of 1e308 and -1e308 would overflow to infinity, squares of 1e-300 underflow to 0. Queries
        // scale radii and points in and distances out by the same power, so every answer is what exact arithmetic
        // gives on the caller's numbers; ordinary data are stored as they are (_scale = 0).
        _scale = Shannon.Estimators.Continuous.ColumnStatistics.CommonScaleExponent([.. columns]);
        for (int j = 0; j < _dimension; j++)
        {
            double[] c = columns[j];
            for (int i = 0; i < n; i++)
            {
                _points[i * _dimension + j] = _scale == 0 ? c[i] : Math.ScaleB(c[i], -_scale);
            }
        }

        // The build permutes the rows of _points together with _rowAt, so every scan is sequential in memory.
        Build(0, 0, n);

        _positionOf = new int[n];
        for (int p = 0; p < n; p++)
        {
            _positionOf[_rowAt[p]] = p;
        }
    }

    /// <summary>The norm the queries use.</summary>
    public DistanceNorm Norm { get; }

    /// <summary>The number of points N.</summary>
    public int Count => _count;

    /// <summary>The dimension d of the points.</summary>
    public int Dimension => _dimension;

    /// <summary>
    /// The <paramref name="neighbourCount"/> nearest other points of input row <paramref name="row"/>, nearest first.
    /// Ties at equal distance are broken by tree order (deterministic).
    /// </summary>
    /// <param name="row">The query row, 0 &lt;= row &lt; N.</param>
    /// <param name="neighbourCount">k, 1 &lt;= k &lt; N.</param>
    /// <param name="rows">Receives the k neighbour rows (length at least k).</param>
    /// <param name="distances">Receives their distances (length at least k).</param>
    public void NearestNeighbours(int row, int neighbourCount, Span<int> rows, Span<double> distances)
    {
        CheckRow(row);
        if (neighbourCount < 1 || neighbourCount >= _count)
        {
            throw Preconditions.OutOfRange(nameof(neighbourCount), $"in [1, {_count - 1}] (the other points)", neighbourCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (rows.Length < neighbourCount || distances.Length < neighbourCount)
        {
            throw Preconditions.Error(nameof(rows), $"at least {neighbourCount} long", $"{Math.Min(rows.Length, distances.Length)}");
        }

        NearestNeighboursUnchecked(row, neighbourCount, rows, distances);
    }

    /// <summary>
    /// The number of other points whose distance from input row <paramref name="row"/> is below
    /// <paramref name="radius"/> (or at most <paramref name="radius"/> when <paramref name="inclusive"/>).
    /// </summary>
    /// <param name="row">The query row.</param>
    /// <param name="radius">The radius, >= 0.</param>
    /// <param name="inclusive">Whether points at exactly the radius count.</param>
    /// <returns>The count, excluding the row itself.</returns>
    public int CountWithin(int row, double radius, bool inclusive)
    {
        CheckRow(row);
        Preconditions.NonNegativeFinite(radius, nameof(radius));
        return CountWithinUnchecked(row, radius, inclusive);
    }

    /// <summary>
    /// The <paramref name="neighbourCount"/> nearest points of the tree to an arbitrary <paramref name="point"/>,
    /// nearest first (no point is excluded).
    /// </summary>
    /// <param name="point">The query point, of length <see cref="Dimension"/>, finite.</param>
    /// <param name="neighbourCount">k, 1 &lt;= k &lt;= N.</param>
    /// <param name="rows">Receives the k neighbour rows (length at least k).</param>
    /// <param name="distances">Receives their distances (length at least k).</param>
    public void NearestNeighbours(ReadOnlySpan<double> point, int neighbourCount, Span<int> rows, Span<double> distances)
    {
        Preconditions.SameLength(point.Length, _dimension, nameof(point), "the tree's dimension");
        Preconditions.AllFinite(point, nameof(point));
        if (neighbourCount < 1 || neighbourCount > _count)
        {
            throw Preconditions.OutOfRange(nameof(neighbourCount), $"in [1, {_count}]", neighbourCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (rows.Length < neighbourCount || distances.Length < neighbourCount)
        {
            throw Preconditions.Error(nameof(rows), $"at least {neighbourCount} long", $"{Math.Min(rows.Length, distances.Length)}");
        }

        NearestNeighboursUnchecked(point, -1, neighbourCount, rows, distances);
    }

    /// <summary>The input row stored at tree position <paramref name="position"/>: visiting rows in this order keeps queries cache-friendly.</summary>
    int INeighbourIndex.RowAt(int position) => _rowAt[position];

    double INeighbourIndex.Coordinate(int position, int dimension) => Math.ScaleB(_points[position * _dimension + dimension], _scale);

    void INeighbourIndex.NearestNeighboursAtPosition(int position, int k, Span<int> rows, Span<double> distances) =>
        NearestNeighboursScaled(new ReadOnlySpan<double>(_points, position * _dimension, _dimension), position, k, rows, distances);

    void INeighbourIndex.NearestNeighboursUnchecked(int row, int k, Span<int> rows, Span<double> distances) =>
        NearestNeighboursUnchecked(row, k, rows, distances);

    internal int RowAt(int position) => _rowAt[position];

    internal void NearestNeighboursUnchecked(int row, int k, Span<int> rows, Span<double> distances)
    {
        int self = _positionOf[row];
        var point = new ReadOnlySpan<double>(_points, self * _dimension, _dimension);
        NearestNeighboursScaled(point, self, k, rows, distances);
    }

    /// <summary>The k nearest points to a point given in the caller's coordinates (<paramref name="self"/> is a tree position to skip, or -1).</summary>
    internal void NearestNeighboursUnchecked(ReadOnlySpan<double> point, int self, int k, Span<int> rows, Span<double> distances)
    {
        if (_scale == 0)
        {
            NearestNeighboursScaled(point, self, k, rows, distances);
            return;
        }

        Span<double> scaled = point.Length <= 64 ? stackalloc double[point.Length] : new double[point.Length];
        for (int j = 0; j < point.Length; j++)
        {
            scaled[j] = Math.ScaleB(point[j], -_scale);
        }

        NearestNeighboursScaled(scaled, self, k, rows, distances);
    }

    private void NearestNeighboursScaled(ReadOnlySpan<double> point, int self, int k, Span<int> rows, Span<double> distances)
    {
        Span<double> best = k <= 64 ? stackalloc double[k] : new double[k];
        Span<int> bestAt = k <= 64 ? stackalloc int[k] : new int[k];
        best.Fill(double.PositiveInfinity);
        bestAt.Fill(-1);
        if (self >= 0)
        {
            // Start in the query's own leaf, then climb, searching each sibling subtree that could hold a nearer point.
            if (Norm == DistanceNorm.Maximum)
            {
                SearchFromLeaf<MaximumNorm>(point, self, best, bestAt);
            }
            else
            {
                SearchFromLeaf<EuclideanNorm>(point, self, best, bestAt);
            }
        }
        else if (Norm == DistanceNorm.Maximum)
        {
            Search<MaximumNorm>(0, point, self, best, bestAt);
        }
        else
        {
            Search<EuclideanNorm>(0, point, self, best, bestAt);
        }

        for (int i = 0; i < k; i++)
        {
            rows[i] = _rowAt[bestAt[i]];
            distances[i] = Math.ScaleB(Norm == DistanceNorm.Maximum ? best[i] : Math.Sqrt(best[i]), _scale);
        }
    }

    /// <summary>
    /// The number of other points j with |x_j[d] - x_row[d]| &lt;= radii[d] in every dimension d (a box, as KSG algorithm 2
    /// counts in a joint marginal with one radius per variable).
    /// </summary>
    internal int CountWithinBoxUnchecked(int row, ReadOnlySpan<double> radii)
    {
        int self = _positionOf[row];
        var point = new ReadOnlySpan<double>(_points, self * _dimension, _dimension);
        Span<double> r = radii.Length <= 64 ? stackalloc double[radii.Length] : new double[radii.Length];
        for (int j = 0; j < r.Length; j++)
        {
            r[j] = Math.ScaleB(radii[j], -_scale);
        }

        return CountBox(0, point, r) - 1;
    }

    private int CountBox(int node, ReadOnlySpan<double> point, ReadOnlySpan<double> radii)
    {
        int offset = node * _dimension;
        bool whole = true;
        for (int j = 0; j < _dimension; j++)
        {
            double q = point[j];
            if (_low[offset + j] - q > radii[j] || q - _high[offset + j] > radii[j])
            {
                return 0;
            }

            if (q - _low[offset + j] > radii[j] || _high[offset + j] - q > radii[j])
            {
                whole = false;
            }
        }

        if (whole)
        {
            return _nodeEnd[node] - _nodeStart[node];
        }

        int left = 2 * node + 1;
        if (left < _nodeCount)
        {
            return CountBox(left, point, radii) + CountBox(left + 1, point, radii);
        }

        int count = 0;
        for (int p = _nodeStart[node], end = _nodeEnd[node]; p < end; p++)
        {
            bool inside = true;
            for (int j = 0; j < _dimension; j++)
            {
                if (Math.Abs(_points[p * _dimension + j] - point[j]) > radii[j])
                {
                    inside = false;
                    break;
                }
            }

            if (inside)
            {
                count++;
            }
        }

        return count;
    }

    internal int CountWithinUnchecked(int row, double radius, bool inclusive)
    {
        radius = Math.ScaleB(radius, -_scale);
        int self = _positionOf[row];
        var point = new ReadOnlySpan<double>(_points, self * _dimension, _dimension);
        int count = Norm == DistanceNorm.Maximum
            ? CountNode<MaximumNorm>(0, point, radius, inclusive)
            : CountNode<EuclideanNorm>(0, point, radius * radius, inclusive);
        bool selfCounted = inclusive || radius > 0;
        return selfCounted ? count - 1 : count;
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)_count)
        {
            throw Preconditions.OutOfRange(nameof(row), $"in [0, {_count - 1}]", row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void Build(int node, int start, int end)
    {
        _nodeStart[node] = start;
        _nodeEnd[node] = end;
        int d = _dimension;
        double[] pts = _points;
        int offset = node * d;
        for (int j = 0; j < d; j++)
        {
            _low[offset + j] = double.PositiveInfinity;
            _high[offset + j] = double.NegativeInfinity;
        }

        for (int i = start; i < end; i++)
        {
            int row = i * d;
            for (int j = 0; j < d; j++)
            {
                double v = pts[row + j];
                if (v < _low[offset + j])
                {
                    _low[offset + j] = v;
                }

                if (v > _high[offset + j])
                {
                    _high[offset + j] = v;
                }
            }
        }

        int left = 2 * node + 1;
        if (left >= _nodeCount)
        {
            return;
        }

        int widest = 0;
        double widestSpread = -1;
        for (int j = 0; j < d; j++)
        {
            double spread = _high[offset + j] - _low[offset + j];
            if (spread > widestSpread)
            {
                widestSpread = spread;
                widest = j;
            }
        }

        int mid = start + (end - start) / 2;
        Select(widest, start, end - 1, mid);
        _splitDimension[node] = widest;
        double split = Key(mid, widest);
        _splitValue[node] = split;
        Array.Copy(_cellLow, offset, _cellLow, left * d, d);
        Array.Copy(_cellHigh, offset, _cellHigh, left * d, d);
        Array.Copy(_cellLow, offset, _cellLow, (left + 1) * d, d);
        Array.Copy(_cellHigh, offset, _cellHigh, (left + 1) * d, d);
        _cellHigh[left * d + widest] = split;
        _cellLow[(left + 1) * d + widest] = split;
        if (end - start >= ParallelBuildThreshold)
        {
            Parallel.Invoke(
                () => Build(left, start, mid),
                () => Build(left + 1, mid, end));
        }
        else
        {
            Build(left, start, mid);
            Build(left + 1, mid, end);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Key(int position, int dimension) => _points[position * _dimension + dimension];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Swap(int a, int b)
    {
        if (a == b)
        {
            return;
        }

        (_rowAt[a], _rowAt[b]) = (_rowAt[b], _rowAt[a]);
        int d = _dimension;
        for (int j = 0; j < d; j++)
        {
            (_points[a * d + j], _points[b * d + j]) = (_points[b * d + j], _points[a * d + j]);
        }
    }

    /// <summary>Rearranges positions lo..hi so that position nth holds the nth smallest coordinate along
    /// <paramref name="dimension"/>, smaller-or-equal before it and greater-or-equal after (Hoare's selection, median of three).</summary>
    private void Select(int dimension, int lo, int hi, int nth)
    {
        while (hi > lo)
        {
            int m = lo + (hi - lo) / 2;
            if (Key(m, dimension) < Key(lo, dimension))
            {
                Swap(m, lo);
            }

            if (Key(hi, dimension) < Key(lo, dimension))
            {
                Swap(hi, lo);
            }

            if (Key(hi, dimension) < Key(m, dimension))
            {
                Swap(hi, m);
            }

            double pivot = Key(m, dimension);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (Key(i, dimension) < pivot)
                {
                    i++;
                }

                while (Key(j, dimension) > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    Swap(i, j);
                    i++;
                    j--;
                }
            }

            if (nth <= j)
            {
                hi = j;
            }
            else if (nth >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double BoxDistance<TNorm>(int node, ReadOnlySpan<double> point)
        where TNorm : struct, INormAccumulator
    {
        double acc = 0;
        int offset = node * _dimension;
        for (int j = 0; j < point.Length; j++)
        {
            double q = point[j];
            double below = _low[offset + j] - q;
            double above = q - _high[offset + j];
            double gap = below > above ? below : above;
            if (gap > 0)
            {
                acc = TNorm.Add(acc, gap);
            }
        }

        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool WithinCell<TNorm>(int node, ReadOnlySpan<double> point, double bound)
        where TNorm : struct, INormAccumulator
    {
        int offset = node * _dimension;
        for (int j = 0; j < point.Length; j++)
        {
            double q = point[j];
            if (TNorm.Add(0, q - _cellLow[offset + j]) < bound || TNorm.Add(0, _cellHigh[offset + j] - q) < bound)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double FarthestBoxDistance<TNorm>(int node, ReadOnlySpan<double> point)
        where TNorm : struct, INormAccumulator
    {
        double acc = 0;
        int offset = node * _dimension;
        for (int j = 0; j < point.Length; j++)
        {
            double q = point[j];
            double a = q - _low[offset + j];
            double b = _high[offset + j] - q;
            acc = TNorm.Add(acc, a > b ? a : b);
        }

        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double PointDistance<TNorm>(int position, ReadOnlySpan<double> point)
        where TNorm : struct, INormAccumulator
    {
        double acc = 0;
        int offset = position * _dimension;
        for (int j = 0; j < point.Length; j++)
        {
            acc = TNorm.Add(acc, Math.Abs(_points[offset + j] - point[j]));
        }

        return acc;
    }

    private void SearchFromLeaf<TNorm>(ReadOnlySpan<double> point, int self, Span<double> best, Span<int> bestAt)
        where TNorm : struct, INormAccumulator
    {
        int node = 0;
        while (2 * node + 1 < _nodeCount)
        {
            int right = 2 * node + 2;
            node = self < _nodeStart[right] ? right - 1 : right;
        }

        Search<TNorm>(node, point, self, best, bestAt);
        while (node > 0)
        {
            // Every point outside this node lies on or beyond one of its cell's faces (points on a split plane may sit
            // on either side): once the current k-th distance is at most the distance to every face, none can improve.
            if (WithinCell<TNorm>(node, point, best[^1]))
            {
                break;
            }

            int sibling = (node & 1) == 1 ? node + 1 : node - 1;
            if (BoxDistance<TNorm>(sibling, point) < best[^1])
            {
                Search<TNorm>(sibling, point, self, best, bestAt);
            }

            node = (node - 1) >> 1;
        }
    }

    private void Search<TNorm>(int node, ReadOnlySpan<double> point, int self, Span<double> best, Span<int> bestAt)
        where TNorm : struct, INormAccumulator
    {
        int left = 2 * node + 1;
        if (left >= _nodeCount)
        {
            int k = best.Length;
            for (int p = _nodeStart[node], end = _nodeEnd[node]; p < end; p++)
            {
                if (p == self)
                {
                    continue;
                }

                double dist = PointDistance<TNorm>(p, point);
                if (dist < best[k - 1])
                {
                    NeighbourIndex.Insert(best, bestAt, dist, p);
                }
            }

            return;
        }

        // The child on the query's side of the split first, unchecked; the other only if its box is near enough.
        int near = point[_splitDimension[node]] < _splitValue[node] ? left : left + 1;
        int far = near == left ? left + 1 : left;
        Search<TNorm>(near, point, self, best, bestAt);
        if (BoxDistance<TNorm>(far, point) < best[^1])
        {
            Search<TNorm>(far, point, self, best, bestAt);
        }
    }

    private int CountNode<TNorm>(int node, ReadOnlySpan<double> point, double radius, bool inclusive)
        where TNorm : struct, INormAccumulator
    {
        double near = BoxDistance<TNorm>(node, point);
        if (inclusive ? near > radius : near >= radius)
        {
            return 0;
        }

        double far = FarthestBoxDistance<TNorm>(node, point);
        if (inclusive ? far <= radius : far < radius)
        {
            return _nodeEnd[node] - _nodeStart[node];
        }

        int left = 2 * node + 1;
        if (left < _nodeCount)
        {
            return CountNode<TNorm>(left, point, radius, inclusive) + CountNode<TNorm>(left + 1, point, radius, inclusive);
        }

        int count = 0;
        for (int p = _nodeStart[node], end = _nodeEnd[node]; p < end; p++)
        {
            double dist = PointDistance<TNorm>(p, point);
            if (inclusive ? dist <= radius : dist < radius)
            {
                count++;
            }
        }

        return count;
    }

    private interface INormAccumulator
    {
        static abstract double Add(double accumulated, double absoluteDifference);
    }

    private readonly struct MaximumNorm : INormAccumulator
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Add(double accumulated, double absoluteDifference) =>
            absoluteDifference > accumulated ? absoluteDifference : accumulated;
    }

    private readonly struct EuclideanNorm : INormAccumulator
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Add(double accumulated, double absoluteDifference) =>
            accumulated + absoluteDifference * absoluteDifference;
    }
}
