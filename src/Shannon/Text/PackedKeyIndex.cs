using System.Runtime.CompilerServices;

namespace Shannon.Text;

/// <summary>
/// An open-addressing hash index from 64-bit keys to dense ids 0, 1, 2, ... in insertion order (linear probing,
/// power-of-two capacity, load factor at most 1/2). The counting structure of the n-gram model and the PMI table:
/// keys are exact packed contexts or pairs, so there are no hash collisions in the results, only in the probing.
/// Not thread-safe; use one per thread and merge.
/// </summary>
public sealed class PackedKeyIndex
{
    private const ulong Empty = ulong.MaxValue;
    private ulong[] _slots;
    private int[] _ids;
    private ulong[] _keys;
    private int _mask;
    private int _shift;

    /// <summary>Creates an empty index.</summary>
    /// <param name="capacity">The expected number of keys (the table grows when needed).</param>
    public PackedKeyIndex(int capacity = 16)
    {
        int size = 16;
        while (size < 2L * Math.Max(capacity, 8))
        {
            size <<= 1;
        }

        _slots = new ulong[size];
        Array.Fill(_slots, Empty);
        _ids = new int[size];
        _keys = new ulong[Math.Max(capacity, 8)];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    /// <summary>The number of distinct keys.</summary>
    public int Count { get; private set; }

    /// <summary>The keys in id order (the first <see cref="Count"/> entries are valid).</summary>
    public ReadOnlySpan<ulong> Keys => _keys.AsSpan(0, Count);

    /// <summary>The id of <paramref name="key"/>, adding it with the next id when new.</summary>
    /// <param name="key">Any key except <see cref="ulong.MaxValue"/>.</param>
    /// <returns>The dense id.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(ulong key)
    {
        int slot = Probe(key);
        return _slots[slot] == key ? _ids[slot] : Add(slot, key);
    }

    /// <summary>The id of <paramref name="key"/>, or -1 when absent.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The id or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        int slot = Probe(key);
        return _slots[slot] == key ? _ids[slot] : -1;
    }

    /// <summary>The slot that holds <paramref name="key"/>, or the empty slot where it would go (linear probing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe(ulong key)
    {
        int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (_slots[slot] != key && _slots[slot] != Empty)
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }

    private int Add(int slot, ulong key)
    {
        if (key == Empty)
        {
            throw new ArgumentOutOfRangeException(nameof(key), "`key` must be < 2^64 - 1; got 2^64 - 1 (the empty marker).");
        }

        int id = Count++;
        if (id == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[id] = key;
        _slots[slot] = key;
        _ids[slot] = id;
        if (2L * Count > _slots.Length)
        {
            Grow();
        }

        return id;
    }

    private void Grow()
    {
        int size = _slots.Length * 2;
        _slots = new ulong[size];
        Array.Fill(_slots, Empty);
        _ids = new int[size];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        for (int id = 0; id < Count; id++)
        {
            ulong key = _keys[id];
            int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
            while (_slots[slot] != Empty)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = key;
            _ids[slot] = id;
        }
    }
}
