using System.Globalization;
using System.Numerics;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// The occupied cells of a joint count table held in an open-addressing hash table (linear probing, 64-bit keys
/// x * yBinCount + y, Fibonacci hashing), for alphabets far too large for a dense table (e.g. 10^6 x 10^6 possible
/// pairs): memory is proportional to the occupied cells, never to the possible ones. O(N) expected time.
/// </summary>
public sealed class SparseJointCounts
{
    private SparseJointCounts(long[] keys, long[] counts, int xBinCount, int yBinCount, long total)
    {
        Keys = keys;
        Counts = counts;
        XBinCount = xBinCount;
        YBinCount = yBinCount;
        Total = total;
    }

    /// <summary>The occupied cells' keys x * <see cref="YBinCount"/> + y, in no particular order.</summary>
    public IReadOnlyList<long> Keys { get; }

    /// <summary>The occupied cells' counts, aligned with <see cref="Keys"/> (all &gt; 0).</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>The number of x codes.</summary>
    public int XBinCount { get; }

    /// <summary>The number of y codes.</summary>
    public int YBinCount { get; }

    /// <summary>The number of possible cells, XBinCount * YBinCount (the alphabet size of the pair).</summary>
    public long CellCount => (long)XBinCount * YBinCount;

    /// <summary>The number of samples.</summary>
    public long Total { get; }

    /// <summary>Counts the pairs (x[i], y[i]).</summary>
    /// <param name="x">Codes in [0, xBinCount).</param>
    /// <param name="y">Codes in [0, yBinCount), the same length as <paramref name="x"/>.</param>
    /// <param name="xBinCount">The number of x codes (&gt;= 1).</param>
    /// <param name="yBinCount">The number of y codes (&gt;= 1).</param>
    /// <returns>The occupied cells.</returns>
    public static SparseJointCounts Count(ReadOnlySpan<int> x, ReadOnlySpan<int> y, int xBinCount, int yBinCount)
    {
        Preconditions.Positive(xBinCount, nameof(xBinCount));
        Preconditions.Positive(yBinCount, nameof(yBinCount));
        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        Histogram.CheckRange(x, xBinCount, nameof(x));
        Histogram.CheckRange(y, yBinCount, nameof(y));
        var table = new LongCountTable(16);
        for (int i = 0; i < x.Length; i++)
        {
            table.Add((long)x[i] * yBinCount + y[i], 1);
        }

        var (keys, counts) = table.ToArrays();
        return new SparseJointCounts(keys, counts, xBinCount, yBinCount, x.Length);
    }

    /// <summary>The counts of the occupied cells as an array (for the entropy estimators with alphabet size <see cref="CellCount"/>).</summary>
    /// <returns>A copy of the counts.</returns>
    public long[] ToCountArray() => [.. Counts];
}

/// <summary>An open-addressing hash map from non-negative 64-bit keys to counts; grows at load 1/2.</summary>
internal sealed class LongCountTable
{
    private long[] _keys;
    private long[] _values;
    private int _shift;

    public LongCountTable(int capacity)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _keys = new long[size];
        _values = new long[size];
        Array.Fill(_keys, -1);
        _shift = 64 - BitOperations.Log2((uint)size);
    }

    public int Count { get; private set; }

    public void Add(long key, long amount)
    {
        int slot = Find(key);
        if (_keys[slot] == -1)
        {
            _keys[slot] = key;
            Count++;
            if (Count * 2 > _keys.Length)
            {
                _values[slot] += amount;
                Grow();
                return;
            }
        }

        _values[slot] += amount;
    }

    private int Find(long key)
    {
        int mask = _keys.Length - 1;
        int slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (_keys[slot] != -1 && _keys[slot] != key)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private void Grow()
    {
        if (_keys.Length >= 1 << 30)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The sparse count table cannot hold more than {_keys.Length / 2} cells."));
        }

        var oldKeys = _keys;
        var oldValues = _values;
        _keys = new long[oldKeys.Length * 2];
        _values = new long[oldKeys.Length * 2];
        Array.Fill(_keys, -1);
        _shift--;
        for (int i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != -1)
            {
                int slot = Find(oldKeys[i]);
                _keys[slot] = oldKeys[i];
                _values[slot] = oldValues[i];
            }
        }
    }

    public (long[] Keys, long[] Values) ToArrays()
    {
        var keys = new long[Count];
        var values = new long[Count];
        int j = 0;
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != -1)
            {
                keys[j] = _keys[i];
                values[j++] = _values[i];
            }
        }

        return (keys, values);
    }
}
