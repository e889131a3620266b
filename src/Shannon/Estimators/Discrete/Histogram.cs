using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// Fast counting kernels: the histogram of integer codes and the joint histogram of code pairs, at memory speed.
/// The range check is one SIMD min/max pass (Vector&lt;int&gt;); counting then uses four interleaved sub-histograms
/// per thread, so that runs of equal values do not serialise on one counter (store-to-load forwarding stalls), and
/// splits long inputs across the cores, merging the per-thread tables at the end. O(N + threads * bins).
/// </summary>
public static class Histogram
{
    /// <summary>Inputs shorter than this are counted on one thread (thread start-up costs more than it saves).</summary>
    internal const int ParallelThreshold = 1 << 18;

    /// <summary>Above this many bins the four sub-histograms no longer fit in cache and one table is used.</summary>
    internal const int SubHistogramBinLimit = 1 << 16;

    /// <summary>Counts how often each code 0..<paramref name="binCount"/>-1 occurs.</summary>
    /// <param name="codes">Codes in [0, binCount).</param>
    /// <param name="binCount">The number of bins (&gt;= 1).</param>
    /// <returns>The counts, length <paramref name="binCount"/>.</returns>
    public static long[] Count(ReadOnlySpan<int> codes, int binCount)
    {
        Preconditions.Positive(binCount, nameof(binCount));
        CheckRange(codes, binCount, nameof(codes));
        var result = new long[binCount];
        CountUnchecked(codes, result);
        return result;
    }

    /// <summary>
    /// Counts the pairs (x, y): bin x * <paramref name="yBinCount"/> + y of a row-major
    /// <paramref name="xBinCount"/> x <paramref name="yBinCount"/> table.
    /// </summary>
    /// <param name="x">Codes in [0, xBinCount).</param>
    /// <param name="y">Codes in [0, yBinCount), the same length as <paramref name="x"/>.</param>
    /// <param name="xBinCount">Rows of the table.</param>
    /// <param name="yBinCount">Columns of the table; the product must be at most 2^28 (use <see cref="SparseJointCounts"/> above).</param>
    /// <returns>The counts, row-major, length xBinCount * yBinCount.</returns>
    public static long[] CountPairs(ReadOnlySpan<int> x, ReadOnlySpan<int> y, int xBinCount, int yBinCount)
    {
        Preconditions.Positive(xBinCount, nameof(xBinCount));
        Preconditions.Positive(yBinCount, nameof(yBinCount));
        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        long cells = (long)xBinCount * yBinCount;
        if (cells > 1 << 28)
        {
            throw Preconditions.Error(nameof(yBinCount), "such that xBinCount * yBinCount <= 2^28",
                cells.ToString(CultureInfo.InvariantCulture) + " cells", "Use SparseJointCounts for large alphabets.");
        }

        CheckRange(x, xBinCount, nameof(x));
        CheckRange(y, yBinCount, nameof(y));
        var result = new long[cells];
        CountPairsUnchecked(x, y, yBinCount, result);
        return result;
    }

    /// <summary>Throws unless every code is in [0, binCount); one SIMD pass for min and max.</summary>
    internal static void CheckRange(ReadOnlySpan<int> codes, int binCount, string name)
    {
        if (codes.IsEmpty)
        {
            return;
        }

        var (min, max) = MinMax(codes);
        if (min < 0 || max >= binCount)
        {
            int bad = min < 0 ? codes.IndexOf(min) : codes.IndexOf(max);
            throw Preconditions.Error(name, $"codes in [0, {binCount})",
                $"{codes[bad].ToString(CultureInfo.InvariantCulture)} at index {bad}");
        }
    }

    /// <summary>The minimum and maximum of non-empty values in one pass, with Vector&lt;int&gt; lanes.</summary>
    internal static (int Min, int Max) MinMax(ReadOnlySpan<int> values)
    {
        int i = 0;
        int min = int.MaxValue, max = int.MinValue;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<int>.Count)
        {
            var vmin = new Vector<int>(int.MaxValue);
            var vmax = new Vector<int>(int.MinValue);
            var lanes = MemoryMarshal.Cast<int, Vector<int>>(values);
            foreach (var v in lanes)
            {
                vmin = Vector.Min(vmin, v);
                vmax = Vector.Max(vmax, v);
            }

            for (int l = 0; l < Vector<int>.Count; l++)
            {
                min = Math.Min(min, vmin[l]);
                max = Math.Max(max, vmax[l]);
            }

            i = lanes.Length * Vector<int>.Count;
        }

        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        return (min, max);
    }

    internal static unsafe void CountUnchecked(ReadOnlySpan<int> codes, long[] result)
    {
        int bins = result.Length;
        int threads = codes.Length >= ParallelThreshold ? Math.Min(Environment.ProcessorCount, 16) : 1;
        fixed (int* p = codes)
        {
            nint address = (nint)p;
            int length = codes.Length;
            if (threads == 1)
            {
                CountChunk((int*)address, length, bins, result);
                return;
            }

            var partial = new long[threads][];
            Parallel.For(0, threads, t =>
            {
                long start = (long)length * t / threads, end = (long)length * (t + 1) / threads;
                var local = new long[bins];
                CountChunk((int*)address + start, (int)(end - start), bins, local);
                partial[t] = local;
            });
            foreach (var local in partial)
            {
                TensorPrimitives.Add(result, local, result);
            }
        }
    }

    internal static void CountPairsUnchecked(ReadOnlySpan<int> x, ReadOnlySpan<int> y, int yBins, long[] result) =>
        CountPairsUnchecked(x, y, 0, 0, yBins, result);

    /// <summary>Counts bin (x - xOffset) * yBins + (y - yOffset); the caller has checked the ranges.</summary>
    internal static unsafe void CountPairsUnchecked(ReadOnlySpan<int> x, ReadOnlySpan<int> y, int xOffset, int yOffset, int yBins, long[] result)
    {
        int bins = result.Length;
        int threads = x.Length >= ParallelThreshold ? Math.Min(Environment.ProcessorCount, 16) : 1;
        fixed (int* px = x)
        fixed (int* py = y)
        {
            nint ax = (nint)px, ay = (nint)py;
            int length = x.Length;
            if (threads == 1)
            {
                CountPairChunk((int*)ax, (int*)ay, length, xOffset, yOffset, yBins, result);
                return;
            }

            var partial = new long[threads][];
            Parallel.For(0, threads, t =>
            {
                long start = (long)length * t / threads, end = (long)length * (t + 1) / threads;
                var local = new long[bins];
                CountPairChunk((int*)ax + start, (int*)ay + start, (int)(end - start), xOffset, yOffset, yBins, local);
                partial[t] = local;
            });
            foreach (var local in partial)
            {
                TensorPrimitives.Add(result, local, result);
            }
        }
    }

    /// <summary>One thread's count: four uint sub-histograms (flushed before they could overflow), then summed.</summary>
    private static unsafe void CountChunk(int* codes, int length, int bins, long[] result)
    {
        if (bins > SubHistogramBinLimit)
        {
            for (int i = 0; i < length; i++)
            {
                result[codes[i]]++;
            }

            return;
        }

        var sub = new uint[4 * bins];
        fixed (uint* h = sub)
        {
            uint* h0 = h, h1 = h + bins, h2 = h + 2 * bins, h3 = h + 3 * bins;
            int i = 0;
            while (i < length)
            {
                // Each sub-histogram receives at most one quarter of a block of 2^31 values: no uint overflow.
                int blockEnd = (int)Math.Min(length, i + (1L << 31) - 4);
                for (; i + 4 <= blockEnd; i += 4)
                {
                    h0[codes[i]]++;
                    h1[codes[i + 1]]++;
                    h2[codes[i + 2]]++;
                    h3[codes[i + 3]]++;
                }

                for (; i < blockEnd; i++)
                {
                    h0[codes[i]]++;
                }

                for (int b = 0; b < bins; b++)
                {
                    result[b] += (long)h0[b] + h1[b] + h2[b] + h3[b];
                }

                new Span<uint>(h, 4 * bins).Clear();
            }
        }
    }

    private static unsafe void CountPairChunk(int* x, int* y, int length, int xOffset, int yOffset, int yBins, long[] result)
    {
        int bins = result.Length;

        // (x - xo) * yBins + (y - yo) = x * yBins + y - shift.
        int shift = xOffset * yBins + yOffset;
        if (bins > SubHistogramBinLimit)
        {
            for (int i = 0; i < length; i++)
            {
                result[x[i] * yBins + y[i] - shift]++;
            }

            return;
        }

        var sub = new uint[4 * bins];
        fixed (uint* h = sub)
        {
            uint* h0 = h, h1 = h + bins, h2 = h + 2 * bins, h3 = h + 3 * bins;
            int i = 0;
            while (i < length)
            {
                int blockEnd = (int)Math.Min(length, i + (1L << 31) - 4);
                for (; i + 4 <= blockEnd; i += 4)
                {
                    h0[x[i] * yBins + y[i] - shift]++;
                    h1[x[i + 1] * yBins + y[i + 1] - shift]++;
                    h2[x[i + 2] * yBins + y[i + 2] - shift]++;
                    h3[x[i + 3] * yBins + y[i + 3] - shift]++;
                }

                for (; i < blockEnd; i++)
                {
                    h0[x[i] * yBins + y[i] - shift]++;
                }

                for (int b = 0; b < bins; b++)
                {
                    result[b] += (long)h0[b] + h1[b] + h2[b] + h3[b];
                }

                new Span<uint>(h, 4 * bins).Clear();
            }
        }
    }
}
