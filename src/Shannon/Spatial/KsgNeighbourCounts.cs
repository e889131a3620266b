using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Shannon.Estimators.Continuous;

namespace Shannon.Spatial;

/// <summary>How the k-NN engine finds neighbours.</summary>
public enum NeighbourSearch
{
    /// <summary>Chosen by measured cost: a pilot of a few queries times each method on the data at hand (the result
    /// does not depend on the choice, only the speed).</summary>
    Automatic = 1,

    /// <summary>A k-d tree (or the plane grid) for the joint space and sorted arrays or k-d trees for the marginals:
    /// O(N log N) in low dimension, close to O(N^2) in high dimension.</summary>
    Tree = 2,

    /// <summary>Blocked SIMD brute force: every pair once, joint and marginal distances in the same pass; O(N^2 d)
    /// time and O(N) memory per thread, fast in every dimension for moderate N.</summary>
    BruteForce = 3,
}

/// <summary>The per-point quantities of KSG: the joint k-th neighbour distance and the marginal neighbour counts.</summary>
/// <param name="Radius">eps_i, the max-norm distance to the k-th neighbour in the joint space.</param>
/// <param name="CountX">n_x(i): Algorithm 1: other points strictly within eps_i in X; Algorithm 2: within (&lt;=) the X-extent of the k neighbours.</param>
/// <param name="CountY">n_y(i), the same in Y.</param>
/// <param name="Search">The method that was used.</param>
internal sealed record KsgCounts(double[] Radius, int[] CountX, int[] CountY, NeighbourSearch Search);

/// <summary>
/// The k-NN engine of the KSG family in the maximum norm: exact neighbour counts by a k-d tree or by blocked SIMD brute
/// force (<see cref="Vector{T}"/>, so 128-, 256- or 512-bit registers as the machine has), chosen by measured cost.
/// </summary>
internal static class KsgNeighbourCounts
{
    /// <summary>Points per block of the brute-force scan: the block's distances stay in L1 while each column is added.</summary>
    private const int Block = 1024;

    /// <summary>Queries per parallel work item.</summary>
    private const int Chunk = 64;

    /// <summary>Below this many points brute force is used without a pilot (it costs at most a few milliseconds).</summary>
    private const int SmallCount = 1500;

    /// <summary>Joint dimensions up to this go to the tree without a pilot (above <see cref="SmallCount"/> points).</summary>
    private const int LowDimension = 4;

    /// <summary>Queries that share one pass over the columns in the brute-force scan (each column block is loaded once for all).</summary>
    private const int Group = 4;

    public static KsgCounts Compute(double[][] xs, double[][] ys, int k, KsgAlgorithm algorithm, NeighbourSearch search, int maxDegreeOfParallelism)
    {
        int n = xs[0].Length;
        if (search == NeighbourSearch.Automatic)
        {
            search = Choose(xs, ys, k, algorithm, n);
        }

        return search == NeighbourSearch.Tree
            ? Tree(xs, ys, k, algorithm, maxDegreeOfParallelism)
            : BruteForce(xs, ys, k, algorithm, maxDegreeOfParallelism);
    }

    /// <summary>Times a few brute-force queries and, when brute force would take long, a tree build and a few tree queries; picks the cheaper.</summary>
    private static NeighbourSearch Choose(double[][] xs, double[][] ys, int k, KsgAlgorithm algorithm, int n)
    {
        if (n <= SmallCount)
        {
            return NeighbourSearch.BruteForce;
        }

        if (xs.Length + ys.Length <= LowDimension)
        {
            return NeighbourSearch.Tree; // O(N log N) against O(N^2): measured 5x to 50x faster at N >= 5000 up to 2 + 2
        }

        const int pilot = 32;
        var work = new Workspace(n, k);
        var r = new double[n];
        var cx = new int[n];
        var cy = new int[n];
        var watch = Stopwatch.StartNew();
        for (int q = 0; q < pilot; q++)
        {
            BruteQuery(xs, ys, (int)((long)q * n / pilot), k, algorithm == KsgAlgorithm.Algorithm2, work, r, cx, cy);
        }

        double brute = watch.Elapsed.TotalSeconds / pilot * n;
        if (brute < 0.05)
        {
            return NeighbourSearch.BruteForce;
        }

        // The tree's cost grows steeply with dimension; a 2-d joint space always goes to the tree (grid) for large N.
        watch.Restart();
        var index = new TreeIndex(xs, ys);
        double build = watch.Elapsed.TotalSeconds;
        if (build > brute)
        {
            return NeighbourSearch.BruteForce;
        }

        const int treePilot = 64;
        watch.Restart();
        for (int q = 0; q < treePilot; q++)
        {
            index.Query((int)((long)q * n / treePilot), k, algorithm == KsgAlgorithm.Algorithm2, xs, ys, r, cx, cy);
        }

        // Tree queries vary more from point to point than brute-force ones (which all cost the same), so the tree's
        // extrapolation is the less reliable one: it must win clearly.
        double tree = build + watch.Elapsed.TotalSeconds / treePilot * n;
        return tree < 0.7 * brute ? NeighbourSearch.Tree : NeighbourSearch.BruteForce;
    }

    /// <summary>The tree path: the same joint index and marginal counters as <see cref="KsgMutualInformationEstimator"/>.</summary>
    public static KsgCounts Tree(double[][] xs, double[][] ys, int k, KsgAlgorithm algorithm, int maxDegreeOfParallelism)
    {
        int n = xs[0].Length;
        var index = new TreeIndex(xs, ys);
        var r = new double[n];
        var cx = new int[n];
        var cy = new int[n];
        bool second = algorithm == KsgAlgorithm.Algorithm2;
        int chunks = (n + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, ContinuousInput.Parallelism(maxDegreeOfParallelism), c =>
        {
            int end = Math.Min(n, (c + 1) * Chunk);
            for (int p = c * Chunk; p < end; p++)
            {
                index.Query(p, k, second, xs, ys, r, cx, cy);
            }
        });
        return new KsgCounts(r, cx, cy, NeighbourSearch.Tree);
    }

    /// <summary>The brute-force path: for each query, every other point's X and Y max-norm distances, block by block,
    /// <see cref="Group"/> queries at a time so each loaded column block serves several queries.</summary>
    public static KsgCounts BruteForce(double[][] xs, double[][] ys, int k, KsgAlgorithm algorithm, int maxDegreeOfParallelism)
    {
        int n = xs[0].Length;
        var r = new double[n];
        var cx = new int[n];
        var cy = new int[n];
        bool second = algorithm == KsgAlgorithm.Algorithm2;
        int chunks = (n + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, ContinuousInput.Parallelism(maxDegreeOfParallelism), () => new GroupWorkspace(n, k), (c, _, work) =>
        {
            int end = Math.Min(n, (c + 1) * Chunk);
            for (int i = c * Chunk; i < end; i += Group)
            {
                BruteGroup(xs, ys, i, Math.Min(Group, end - i), k, second, work, r, cx, cy);
            }

            return work;
        }, _ => { });
        return new KsgCounts(r, cx, cy, NeighbourSearch.BruteForce);
    }

    private sealed class GroupWorkspace
    {
        public readonly Workspace[] Queries;

        public GroupWorkspace(int n, int k)
        {
            Queries = new Workspace[Group];
            for (int q = 0; q < Group; q++)
            {
                Queries[q] = new Workspace(n, k);
            }
        }
    }

    private static void BruteGroup(double[][] xs, double[][] ys, int first, int count, int k, bool second, GroupWorkspace group, double[] radius, int[] countX, int[] countY)
    {
        int n = xs[0].Length;
        for (int q = 0; q < count; q++)
        {
            group.Queries[q].Best.AsSpan().Fill(double.PositiveInfinity);
            group.Queries[q].BestAt.AsSpan().Fill(-1);
        }

        for (int start = 0; start < n; start += Block)
        {
            int len = Math.Min(Block, n - start);
            MarginalDistancesGroup(xs, first, count, start, len, group, true);
            MarginalDistancesGroup(ys, first, count, start, len, group, false);
            for (int q = 0; q < count; q++)
            {
                var w = group.Queries[q];
                SelectNearest(w.Dx.AsSpan(start, len), w.Dy.AsSpan(start, len), start, first + q, w.Best, w.BestAt);
            }
        }

        for (int q = 0; q < count; q++)
        {
            Finish(first + q, k, second, group.Queries[q], radius, countX, countY);
        }
    }

    /// <summary>For the queries first .. first + count - 1: d_q[start + j] = max over the columns of |c[start + j] - c[query]|.</summary>
    private static void MarginalDistancesGroup(double[][] columns, int first, int count, int start, int len, GroupWorkspace group, bool isX)
    {
        if (count < Group)
        {
            for (int q = 0; q < count; q++)
            {
                var w = group.Queries[q];
                MarginalDistances(columns, first + q, start, (isX ? w.Dx : w.Dy).AsSpan(start, len));
            }

            return;
        }

        int width = Vector<double>.Count;
        ref double d0 = ref MemoryMarshal.GetArrayDataReference(isX ? group.Queries[0].Dx : group.Queries[0].Dy);
        ref double d1 = ref MemoryMarshal.GetArrayDataReference(isX ? group.Queries[1].Dx : group.Queries[1].Dy);
        ref double d2 = ref MemoryMarshal.GetArrayDataReference(isX ? group.Queries[2].Dx : group.Queries[2].Dy);
        ref double d3 = ref MemoryMarshal.GetArrayDataReference(isX ? group.Queries[3].Dx : group.Queries[3].Dy);
        for (int c = 0; c < columns.Length; c++)
        {
            double[] col = columns[c];
            var v0 = new Vector<double>(col[first]);
            var v1 = new Vector<double>(col[first + 1]);
            var v2 = new Vector<double>(col[first + 2]);
            var v3 = new Vector<double>(col[first + 3]);
            ref double src = ref MemoryMarshal.GetArrayDataReference(col);
            int j = start, end = start + len;
            if (c == 0)
            {
                for (; j <= end - width; j += width)
                {
                    var a = Vector.LoadUnsafe(ref src, (nuint)j);
                    Vector.StoreUnsafe(Vector.Abs(a - v0), ref d0, (nuint)j);
                    Vector.StoreUnsafe(Vector.Abs(a - v1), ref d1, (nuint)j);
                    Vector.StoreUnsafe(Vector.Abs(a - v2), ref d2, (nuint)j);
                    Vector.StoreUnsafe(Vector.Abs(a - v3), ref d3, (nuint)j);
                }
            }
            else
            {
                for (; j <= end - width; j += width)
                {
                    var a = Vector.LoadUnsafe(ref src, (nuint)j);
                    Vector.StoreUnsafe(Vector.Max(Vector.Abs(a - v0), Vector.LoadUnsafe(ref d0, (nuint)j)), ref d0, (nuint)j);
                    Vector.StoreUnsafe(Vector.Max(Vector.Abs(a - v1), Vector.LoadUnsafe(ref d1, (nuint)j)), ref d1, (nuint)j);
                    Vector.StoreUnsafe(Vector.Max(Vector.Abs(a - v2), Vector.LoadUnsafe(ref d2, (nuint)j)), ref d2, (nuint)j);
                    Vector.StoreUnsafe(Vector.Max(Vector.Abs(a - v3), Vector.LoadUnsafe(ref d3, (nuint)j)), ref d3, (nuint)j);
                }
            }

            for (; j < end; j++)
            {
                for (int q = 0; q < Group; q++)
                {
                    double[] d = isX ? group.Queries[q].Dx : group.Queries[q].Dy;
                    double diff = Math.Abs(col[j] - col[first + q]);
                    d[j] = c == 0 ? diff : Math.Max(d[j], diff);
                }
            }
        }
    }

    private sealed class Workspace(int n, int k)
    {
        public readonly double[] Dx = new double[n];
        public readonly double[] Dy = new double[n];
        public readonly double[] Best = new double[k];
        public readonly int[] BestAt = new int[k];
    }

    private static void BruteQuery(double[][] xs, double[][] ys, int i, int k, bool second, Workspace work, double[] radius, int[] countX, int[] countY)
    {
        int n = xs[0].Length;
        double[] dx = work.Dx, dy = work.Dy;
        Span<double> best = work.Best;
        Span<int> bestAt = work.BestAt;
        best.Fill(double.PositiveInfinity);
        bestAt.Fill(-1);
        for (int start = 0; start < n; start += Block)
        {
            int len = Math.Min(Block, n - start);
            Span<double> bx = dx.AsSpan(start, len);
            Span<double> by = dy.AsSpan(start, len);
            MarginalDistances(xs, i, start, bx);
            MarginalDistances(ys, i, start, by);
            SelectNearest(bx, by, start, i, best, bestAt);
        }

        Finish(i, k, second, work, radius, countX, countY);
    }

    private static void Finish(int i, int k, bool second, Workspace work, double[] radius, int[] countX, int[] countY)
    {
        double[] dx = work.Dx, dy = work.Dy;
        int[] bestAt = work.BestAt;
        double eps = work.Best[k - 1];
        radius[i] = eps;
        if (!second)
        {
            countX[i] = CountBelow(dx, eps) - (eps > 0 ? 1 : 0);
            countY[i] = CountBelow(dy, eps) - (eps > 0 ? 1 : 0);
        }
        else
        {
            double ex = 0, ey = 0;
            for (int m = 0; m < k; m++)
            {
                ex = Math.Max(ex, dx[bestAt[m]]);
                ey = Math.Max(ey, dy[bestAt[m]]);
            }

            countX[i] = CountAtMost(dx, ex) - 1;
            countY[i] = CountAtMost(dy, ey) - 1;
        }
    }

    /// <summary>d[j] = max over the columns of |c[start + j] - c[i]|.</summary>
    private static void MarginalDistances(double[][] columns, int i, int start, Span<double> d)
    {
        int len = d.Length;
        int w = Vector<double>.Count;
        for (int c = 0; c < columns.Length; c++)
        {
            ReadOnlySpan<double> col = columns[c].AsSpan(start, len);
            double v = columns[c][i];
            var vv = new Vector<double>(v);
            int j = 0;
            ref double src = ref MemoryMarshal.GetReference(col);
            ref double dst = ref MemoryMarshal.GetReference(d);
            if (c == 0)
            {
                for (; j <= len - w; j += w)
                {
                    Vector.StoreUnsafe(Vector.Abs(Vector.LoadUnsafe(ref src, (nuint)j) - vv), ref dst, (nuint)j);
                }

                for (; j < len; j++)
                {
                    d[j] = Math.Abs(col[j] - v);
                }
            }
            else
            {
                for (; j <= len - w; j += w)
                {
                    var a = Vector.Abs(Vector.LoadUnsafe(ref src, (nuint)j) - vv);
                    Vector.StoreUnsafe(Vector.Max(a, Vector.LoadUnsafe(ref dst, (nuint)j)), ref dst, (nuint)j);
                }

                for (; j < len; j++)
                {
                    d[j] = Math.Max(d[j], Math.Abs(col[j] - v));
                }
            }
        }
    }

    /// <summary>Merges the block's joint distances max(dx, dy) into the k best (the query itself excluded).</summary>
    private static void SelectNearest(ReadOnlySpan<double> bx, ReadOnlySpan<double> by, int start, int self, Span<double> best, Span<int> bestAt)
    {
        int len = bx.Length;
        int w = Vector<double>.Count;
        int k = best.Length;
        int j = 0;
        ref double rx = ref MemoryMarshal.GetReference(bx);
        ref double ry = ref MemoryMarshal.GetReference(by);
        for (; j <= len - w; j += w)
        {
            var joint = Vector.Max(Vector.LoadUnsafe(ref rx, (nuint)j), Vector.LoadUnsafe(ref ry, (nuint)j));
            if (Vector.LessThanAny(joint, new Vector<double>(best[k - 1])))
            {
                for (int t = 0; t < w; t++)
                {
                    Consider(Math.Max(bx[j + t], by[j + t]), start + j + t, self, best, bestAt);
                }
            }
        }

        for (; j < len; j++)
        {
            Consider(Math.Max(bx[j], by[j]), start + j, self, best, bestAt);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Consider(double dist, int row, int self, Span<double> best, Span<int> bestAt)
    {
        if (dist < best[^1] && row != self)
        {
            NeighbourIndex.Insert(best, bestAt, dist, row);
        }
    }

    private static int CountBelow(ReadOnlySpan<double> d, double radius)
    {
        int w = Vector<double>.Count;
        var r = new Vector<double>(radius);
        var acc = Vector<long>.Zero;
        int j = 0;
        ref double rd = ref MemoryMarshal.GetReference(d);
        for (; j <= d.Length - w; j += w)
        {
            acc -= Vector.LessThan(Vector.LoadUnsafe(ref rd, (nuint)j), r);
        }

        long count = Vector.Sum(acc);
        for (; j < d.Length; j++)
        {
            count += d[j] < radius ? 1 : 0;
        }

        return (int)count;
    }

    private static int CountAtMost(ReadOnlySpan<double> d, double radius)
    {
        int w = Vector<double>.Count;
        var r = new Vector<double>(radius);
        var acc = Vector<long>.Zero;
        int j = 0;
        ref double rd = ref MemoryMarshal.GetReference(d);
        for (; j <= d.Length - w; j += w)
        {
            acc -= Vector.LessThanOrEqual(Vector.LoadUnsafe(ref rd, (nuint)j), r);
        }

        long count = Vector.Sum(acc);
        for (; j < d.Length; j++)
        {
            count += d[j] <= radius ? 1 : 0;
        }

        return (int)count;
    }

    /// <summary>The joint neighbour index and the two marginal counters of the tree path.</summary>
    private sealed class TreeIndex
    {
        private readonly INeighbourIndex _joint;
        private readonly MarginalCounter _x;
        private readonly MarginalCounter _y;
        private readonly int _yColumn;

        public TreeIndex(double[][] xs, double[][] ys)
        {
            _joint = NeighbourIndex.Create(ContinuousInput.Join(xs, ys), DistanceNorm.Maximum);
            _x = new MarginalCounter(xs);
            _y = new MarginalCounter(ys);
            _yColumn = xs.Length;
        }

        public void Query(int position, int k, bool second, double[][] xs, double[][] ys, double[] radius, int[] countX, int[] countY)
        {
            Span<int> rows = k <= 64 ? stackalloc int[k] : new int[k];
            Span<double> distances = k <= 64 ? stackalloc double[k] : new double[k];
            int i = _joint.RowAt(position);
            _joint.NearestNeighboursAtPosition(position, k, rows, distances);
            var hint = MarginalCounter.Hint.None;
            double eps = distances[k - 1];
            radius[i] = eps;
            if (!second)
            {
                countX[i] = _x.CountAround(i, _joint.Coordinate(position, 0), eps, inclusive: false, ref hint);
                hint = MarginalCounter.Hint.None;
                countY[i] = _y.CountAround(i, _joint.Coordinate(position, _yColumn), eps, inclusive: false, ref hint);
            }
            else
            {
                double ex = 0, ey = 0;
                for (int m = 0; m < k; m++)
                {
                    ex = Math.Max(ex, MarginalCounter.MaxDistance(xs, i, rows[m]));
                    ey = Math.Max(ey, MarginalCounter.MaxDistance(ys, i, rows[m]));
                }

                countX[i] = _x.CountAround(i, _joint.Coordinate(position, 0), ex, inclusive: true, ref hint);
                hint = MarginalCounter.Hint.None;
                countY[i] = _y.CountAround(i, _joint.Coordinate(position, _yColumn), ey, inclusive: true, ref hint);
            }
        }
    }
}
