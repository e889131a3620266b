using System.Text;
using Shannon.Lab.Language;

namespace Shannon.Lab.Tests.Language;

/// <summary>Issue 15: model files carry a version, a length and a checksum; sampling at T = 5e-324 is the argmax.</summary>
public sealed class ModelFileAndSamplingTests
{
    private static readonly CharacterLanguageModel Model = CharacterLanguageModel.Train(
        string.Concat(Enumerable.Repeat("the cat sat on the mat. the dog ate a bone. ", 30)), 3);

    private static byte[] Saved()
    {
        using var stream = new MemoryStream();
        Model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void EveryFlippedByte_IsRefused_NotLoadedAsAWrongModel()
    {
        var bytes = Saved();
        Assert.Equal("SHLM"u8.ToArray(), bytes[..4]);
        Assert.Equal(2, BitConverter.ToInt32(bytes, 4));
        Assert.Equal(bytes.Length - 48, BitConverter.ToInt64(bytes, 8)); // magic, version, length, SHA-256, payload
        var rng = new Random(15);
        for (int trial = 0; trial < 200; trial++)
        {
            var copy = (byte[])bytes.Clone();
            int at = trial < 48 ? trial : rng.Next(copy.Length);
            copy[at] ^= (byte)(1 << rng.Next(8));
            var e = Record.Exception(() => CharacterLanguageModel.Load(new MemoryStream(copy)));
            Assert.True(e is InvalidDataException, $"byte {at}: {e?.GetType().Name ?? "loaded"}");
        }

        Assert.Throws<InvalidDataException>(() => CharacterLanguageModel.Load(new MemoryStream([.. bytes, 0])));
        Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() =>
        {
            var copy = (byte[])bytes.Clone();
            copy[^1] ^= 1;
            CharacterLanguageModel.Load(new MemoryStream(copy));
        }).Message, StringComparison.Ordinal);
        Assert.Equal(Model.Alphabet, CharacterLanguageModel.Load(new MemoryStream(bytes)).Alphabet);
    }

    [Fact]
    public void VersionOneFiles_AreRefusedWithAHint()
    {
        var bytes = Saved();
        BitConverter.GetBytes(1).CopyTo(bytes, 4);
        Assert.Contains("train the model again", Assert.Throws<InvalidDataException>(() => CharacterLanguageModel.Load(new MemoryStream(bytes))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SmallestTemperature_SamplesTheArgmax()
    {
        // At T = 5e-324, 1 / T is infinite and (log p - max) * (1 / T) was NaN at the maximum: the walk found no
        // symbol (index out of range) or fell back to the T = 1 draw. The limit T -> 0 is the argmax at every step.
        var sample = Model.Sample(40, new SamplingOptions(5e-324), new Random(3), "the ");
        var history = new StringBuilder("the ");
        var p = new double[Model.SymbolCount];
        var expected = new StringBuilder();
        for (int step = 0; step < 40; step++)
        {
            Model.Distribution(history.ToString().AsSpan(history.Length - Math.Min(history.Length, Model.Order - 1)), p);
            int best = 1;
            for (int w = 2; w < p.Length; w++)
            {
                if (p[w] > p[best])
                {
                    best = w;
                }
            }

            char c = Model.Alphabet[best - 1];
            expected.Append(c);
            history.Append(c);
        }

        Assert.Equal(expected.ToString(), sample.Text);
        Assert.All(sample.EntropiesBits, h => Assert.Equal(0.0, h));
    }
}
