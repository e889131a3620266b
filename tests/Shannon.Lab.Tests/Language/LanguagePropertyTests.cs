using CsCheck;
using Shannon.Lab.Language;
using Shannon.Text;

namespace Shannon.Lab.Tests.Language;

public class LanguagePropertyTests
{
    private static readonly CharacterLanguageModel Model = CharacterLanguageModel.Train(
        "she sells sea shells by the sea shore; the shells she sells are sea shells, I'm sure.\n" +
        "peter piper picked a peck of pickled peppers; a peck of pickled peppers peter piper picked.\n", 4);

    [Fact]
    public void EntropyOfTemperedDistributionNeverDecreasesWithTemperature()
    {
        var gen = Gen.Double[0.001, 1].Array[2, 12].Select(Gen.Double[0.05, 3], Gen.Double[0.05, 3]);
        gen.Sample((weights, t1, t2) =>
        {
            double sum = weights.Sum();
            var p = new double[weights.Length + 1];
            for (int i = 0; i < weights.Length; i++)
            {
                p[i + 1] = weights[i] / sum;
            }

            var q = new double[p.Length];
            var ranking = new int[weights.Length];
            double lo = Math.Min(t1, t2), hi = Math.Max(t1, t2);
            double hLo = CharacterLanguageModel.Transform(p, q, ranking, new SamplingOptions(lo));
            double hHi = CharacterLanguageModel.Transform(p, q, ranking, new SamplingOptions(hi));
            return hLo <= hHi + 1e-12;
        }, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void ArithmeticCodingRoundTripsArbitraryStrings()
    {
        var chars = Gen.OneOf(Gen.Char["abcdefghijklmnopqrstuvwxyz ;,.'\n"], Gen.Char['\u00a0', '\u2fff']);
        chars.Array[0, 200].Select(a => new string(a)).Sample(text =>
        {
            var code = ModelArithmeticCoder.Encode(Model, text);
            // Code length <= ideal + 2 bits of termination + quantisation loss (< K / 2^24 relative per symbol: < 1e-4 bits).
            double ideal = text.Length == 0 ? 0 : Model.CrossEntropyBitsPerCharacter(text) * text.Length;
            return ModelArithmeticCoder.Decode(Model, code) == text && code.BitCount <= ideal + 2 + (text.Length * 1e-4);
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void TextTokenizerAgreesWithParagraphSplitting()
    {
        var chars = Gen.Char["ab cD'-\n\n.,x\u2019"];
        chars.Array[0, 80].Select(a => new string(a)).Sample(text =>
        {
            var fast = WordTokens.FromText(text);
            var docs = text.Split("\n\n").Select(WordTokens.Split).Where(d => d.Count > 0).ToList();
            var slow = WordTokens.FromDocuments(docs);
            return fast.Ids.SequenceEqual(slow.Ids) && fast.Words.SequenceEqual(slow.Words) && fast.Counts.SequenceEqual(slow.Counts);
        }, iter: 500, seed: "0N0XIzNsQ0O2");
    }
}
