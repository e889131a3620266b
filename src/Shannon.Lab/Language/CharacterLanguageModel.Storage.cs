using Shannon.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Shannon.Lab.Language;

public sealed partial class CharacterLanguageModel
{
    private const uint Magic = 0x4D4C4853; // "SHLM"
    private const int FormatVersion = 2;

    /// <summary>
    /// Writes the model as a compact binary file: "SHLM", the format version (2), the payload's length in bytes
    /// (int64) and its SHA-256, then the payload: order, alphabet, then per order the packed context keys and the
    /// children (symbol, raw count, continuation count). Discounts and weights are recomputed on load. The length and
    /// checksum make a truncated, extended or flipped file a clean refusal on load instead of a wrong model.
    /// </summary>
    /// <param name="stream">The output stream (left open).</param>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        WritePayload(payload);
        payload.Position = 0;
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(payload.Length);
        w.Write(SHA256.HashData(payload));
        w.Write(payload.GetBuffer(), 0, (int)payload.Length);
    }

    private void WritePayload(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Order);
        w.Write(_alphabet.Length);
        foreach (char c in _alphabet)
        {
            w.Write((ushort)c);
        }

        for (int n = 1; n <= Order; n++)
        {
            var level = _levels[n];
            w.Write(level.Contexts.Count);
            w.Write(level.ChildSymbol.Length);
            w.Write(MemoryMarshal.AsBytes(level.Contexts.Keys));
            w.Write(MemoryMarshal.AsBytes(level.ChildStart.AsSpan()));
            w.Write(level.ChildSymbol);
            w.Write(MemoryMarshal.AsBytes(level.ChildRaw.AsSpan()));
            w.Write(MemoryMarshal.AsBytes(level.ChildCont.AsSpan()));
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="stream">The input stream (left open).</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The stream is not a Shannon language model, or it is truncated or corrupt.</exception>
    public static CharacterLanguageModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException("not a Shannon language model file (bad magic number; expected one written by `shannon lm train`)");
            }

            int version = r.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException(version == 1
                    ? "language model format version 1 carries no checksum; train the model again with this build (format 2)"
                    : $"unsupported language model format version {version} (this build reads {FormatVersion})");
            }

            long length = r.ReadInt64();
            var checksum = r.ReadBytes(SHA256.HashSizeInBytes);
            if (length < 0 || length > Array.MaxLength || (stream.CanSeek && length != stream.Length - stream.Position))
            {
                throw new InvalidDataException(stream.CanSeek && length >= 0
                    ? $"corrupt or truncated language model file (the header promises {length} bytes of model; the file holds {stream.Length - stream.Position})"
                    : $"corrupt language model file (payload length {length})");
            }

            var bytes = r.ReadBytes((int)length);
            if (bytes.Length != length || checksum.Length != SHA256.HashSizeInBytes)
            {
                throw new EndOfStreamException();
            }

            if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(checksum))
            {
                throw new InvalidDataException("corrupt language model file (its SHA-256 checksum does not match its contents)");
            }

            using var payload = new MemoryStream(bytes, writable: false);
            return ReadPayload(new BinaryReader(payload, Encoding.UTF8));
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("truncated language model file", ex);
        }
    }

    private static CharacterLanguageModel ReadPayload(BinaryReader r)
    {
        try
        {
            int order = r.ReadInt32();
            int alphabetLength = r.ReadInt32();
            if (order is < 1 or > MaxOrder || alphabetLength is < 0 or > MaxAlphabet)
            {
                throw new InvalidDataException($"corrupt language model file (order {order}, alphabet {alphabetLength})");
            }

            var alphabet = new char[alphabetLength];
            for (int i = 0; i < alphabetLength; i++)
            {
                alphabet[i] = (char)r.ReadUInt16();
            }

            var levels = new Level[order + 1];
            for (int n = 1; n <= order; n++)
            {
                int contexts = r.ReadInt32();
                int ngrams = r.ReadInt32();
                if (contexts < 0 || ngrams < 0)
                {
                    throw new InvalidDataException("corrupt language model file (negative sizes)");
                }

                var keys = ReadArray<ulong>(r, contexts);
                var start = ReadArray<int>(r, contexts + 1);
                var symbols = r.ReadBytes(ngrams);
                var raw = ReadArray<int>(r, ngrams);
                var cont = ReadArray<int>(r, ngrams);
                if (symbols.Length != ngrams || start[0] != 0 || start[contexts] != ngrams)
                {
                    throw new InvalidDataException("corrupt or truncated language model file");
                }

                for (int c = 0; c < contexts; c++)
                {
                    if (start[c + 1] < start[c])
                    {
                        throw new InvalidDataException($"corrupt language model file (order {n}: child ranges out of order at context {c})");
                    }
                }

                for (int j = 0; j < ngrams; j++)
                {
                    if (symbols[j] > alphabetLength || raw[j] < 0 || cont[j] < 0)
                    {
                        throw new InvalidDataException($"corrupt language model file (order {n}: n-gram {j} has symbol {symbols[j]}, counts {raw[j]} and {cont[j]})");
                    }
                }

                var index = new PackedKeyIndex(contexts);
                foreach (var key in keys)
                {
                    index.GetOrAdd(key);
                }

                levels[n] = new Level(n, index, start, symbols, raw, cont);
            }

            for (int n = 1; n <= order; n++)
            {
                levels[n].ComputeStatistics(hasContinuation: n < order);
            }

            return new CharacterLanguageModel(order, alphabet, levels);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("truncated language model file", ex);
        }
    }

    private static T[] ReadArray<T>(BinaryReader r, int length)
        where T : unmanaged
    {
        var array = new T[length];
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        int read = 0;
        while (read < bytes.Length)
        {
            int got = r.Read(bytes[read..]);
            if (got == 0)
            {
                throw new EndOfStreamException();
            }

            read += got;
        }

        return array;
    }
}
