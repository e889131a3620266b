namespace Shannon.Coding;

/// <summary>A sequence of bits packed most-significant-bit first into bytes, with its exact length in bits.</summary>
/// <param name="Bytes">The packed bits; the last byte is padded with zeros.</param>
/// <param name="BitCount">The number of meaningful bits, at most 8 * Bytes.Length.</param>
public sealed record EncodedBits(byte[] Bytes, long BitCount);

/// <summary>Appends bits, most significant first, to a growing byte buffer.</summary>
internal sealed class BitWriter
{
    private byte[] _buffer = new byte[1024];
    private long _bitCount;

    public long BitCount => _bitCount;

    public void Write(int bit)
    {
        long byteIndex = _bitCount >> 3;
        if (byteIndex >= _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        if (bit != 0)
        {
            _buffer[byteIndex] |= (byte)(0x80 >> (int)(_bitCount & 7));
        }

        _bitCount++;
    }

    /// <summary>Writes the low <paramref name="length"/> bits of <paramref name="bits"/>, most significant first.</summary>
    public void Write(ulong bits, int length)
    {
        for (int i = length - 1; i >= 0; i--)
        {
            Write((int)((bits >> i) & 1));
        }
    }

    public EncodedBits ToEncodedBits()
    {
        var bytes = new byte[(_bitCount + 7) >> 3];
        Array.Copy(_buffer, bytes, bytes.Length);
        return new EncodedBits(bytes, _bitCount);
    }
}

/// <summary>Reads bits, most significant first; past the end it reads zeros (and counts them).</summary>
internal sealed class BitReader
{
    private readonly byte[] _bytes;
    private readonly long _bitCount;
    private long _position;

    public BitReader(EncodedBits bits)
    {
        _bytes = bits.Bytes;
        _bitCount = bits.BitCount;
    }

    public long Position => _position;

    public bool AtEnd => _position >= _bitCount;

    public int Read()
    {
        long p = _position++;
        return p < _bitCount ? (_bytes[p >> 3] >> (7 - (int)(p & 7))) & 1 : 0;
    }
}
