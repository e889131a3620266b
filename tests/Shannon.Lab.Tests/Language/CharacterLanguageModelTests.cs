using System.Text;
using Shannon.Lab.Corpora;
using Shannon.Lab.Language;

namespace Shannon.Lab.Tests.Language;

public class CharacterLanguageModelTests
{
    private static readonly string Corpus = EnglishText.Fallback();
    private static readonly string Training = Corpus[..(Corpus.Length * 9 / 10)];
    private static readonly string HeldOut = Corpus[(Corpus.Length * 9 / 10)..];
    private static readonly CharacterLanguageModel Model5 = CharacterLanguageModel.Train(Training, 5);

    [Fact]
    public void DistributionsSumToOneForRandomContextsAtEveryOrder()
    {
        var random = new Random(7);
        var p = new double[Model5.SymbolCount];
        for (int order = 1; order <= 5; order++)
        {
            for (int trial = 0; trial < 200; trial++)
            {
                string history;
                if (trial % 2 == 0)
                {
                    int at = random.Next(Training.Length - 8);
                    history = Training.Substring(at, random.Next(0, 8)); // seen contexts
                }
                else
                {
                    var chars = new char[random.Next(0, 8)];
                    for (int i = 0; i < chars.Length; i++)
                    {
                        chars[i] = random.Next(10) == 0 ? '\u00e9' : Model5.Alphabet[random.Next(Model5.Alphabet.Count)];
                    }

                    history = new string(chars); // mostly unseen contexts, some with characters outside the alphabet
                }

                Model5.Distribution(history, p, order);
                Assert.Equal(1.0, p.Sum(), 1e-12);
                Assert.All(p, x => Assert.True(x > 0));
                int w = random.Next(1, Model5.SymbolCount);
                Assert.Equal(p[w], Model5.Probability(history, Model5.Alphabet[w - 1], order), 1e-15);
            }
        }
    }

    [Fact]
    public void HigherOrdersPredictHeldOutEnglishBetterThanUnigrams()
    {
        var eval = Model5.EvaluateAllOrders(HeldOut);
        Assert.Equal(HeldOut.Length, eval.Characters);
        // A unigram model of English letters and spaces costs about 4.1 bits/char (Shannon 1951, F1 = 4.14 for
        // 27 symbols); context must help substantially on any English text.
        Assert.InRange(eval.BitsPerCharacter[0], 3.8, 5.0);
        Assert.True(eval.BitsPerCharacter[3] < eval.BitsPerCharacter[0] - 1.0, $"order 4: {eval.BitsPerCharacter[3]}");
    }

    [Fact]
    public void EvaluationMatchesSumOfLogProbabilities()
    {
        string text = HeldOut[..300];
        double sum = 0;
        for (int i = 0; i < text.Length; i++)
        {
            sum -= Math.Log2(Model5.Probability(text.AsSpan(0, i), text[i]));
        }

        Assert.Equal(sum / text.Length, Model5.CrossEntropyBitsPerCharacter(text), 1e-9);
    }

    [Fact]
    public void ArithmeticCodeRoundTripsAndMatchesCrossEntropy()
    {
        // Held-out text plus characters the model never saw, which cost p(other) and 16 bits each.
        string text = HeldOut + " caf\u00e9 \u20ac5 \u00e9t\u00e9";
        var code = ModelArithmeticCoder.Encode(Model5, text);
        Assert.Equal(text, ModelArithmeticCoder.Decode(Model5, code));
        double crossEntropy = Model5.CrossEntropyBitsPerCharacter(text);
        // Quantisation to 2^24 costs < 1e-3 bits/char here; termination adds 2 bits in total.
        Assert.InRange(code.BitsPerCharacter - crossEntropy, -1e-9, 0.01);
    }

    [Fact]
    public void ArithmeticCodeRoundTripsAtEveryOrderOnShortTexts()
    {
        foreach (int order in new[] { 1, 2, 3 })
        {
            var model = CharacterLanguageModel.Train("abracadabra, abracadabra!", order);
            foreach (var text in new[] { "a", "abracadabra", "zzzz", "bra bra\u2603 cad" })
            {
                Assert.Equal(text, ModelArithmeticCoder.Decode(model, ModelArithmeticCoder.Encode(model, text)));
            }
        }
    }

    [Fact]
    public void SaveAndLoadGiveTheSameModel()
    {
        using var stream = new MemoryStream();
        Model5.Save(stream);
        stream.Position = 0;
        var loaded = CharacterLanguageModel.Load(stream);
        Assert.Equal(Model5.Order, loaded.Order);
        Assert.Equal(Model5.Alphabet, loaded.Alphabet);
        string text = HeldOut;
        Assert.Equal(Model5.EvaluateAllOrders(text).BitsPerCharacter, loaded.EvaluateAllOrders(text).BitsPerCharacter);
        Assert.Throws<InvalidDataException>(() => CharacterLanguageModel.Load(new MemoryStream(Encoding.UTF8.GetBytes("not a model at all"))));
        var truncated = stream.ToArray()[..100];
        Assert.Throws<InvalidDataException>(() => CharacterLanguageModel.Load(new MemoryStream(truncated)));
    }

    [Fact]
    public void EntropyOfSamplingDistributionGrowsWithTemperature()
    {
        double previous = -1;
        foreach (double t in new[] { 0.2, 0.5, 1.0, 1.5, 2.0 })
        {
            var sample = Model5.Sample(300, new SamplingOptions(t), new Random(3));
            Assert.Equal(300, sample.Text.Length);
            // Same seed, different contexts per temperature: compare the means, which move by far more than their noise.
            Assert.True(sample.MeanEntropyBits > previous, $"T={t}: {sample.MeanEntropyBits} after {previous}");
            previous = sample.MeanEntropyBits;
        }

        var a = Model5.Sample(100, new SamplingOptions(0.7, TopK: 5, TopP: 0.9), new Random(11));
        var b = Model5.Sample(100, new SamplingOptions(0.7, TopK: 5, TopP: 0.9), new Random(11));
        Assert.Equal(a.Text, b.Text);
        var greedy = Model5.Sample(50, new SamplingOptions(1.0, TopK: 1), new Random(1));
        Assert.All(greedy.EntropiesBits, h => Assert.Equal(0.0, h));
    }

    [Fact]
    public void TransformAppliesTemperatureTopKAndTopP()
    {
        double[] p = [0.1, 0.5, 0.25, 0.15];
        var q = new double[4];
        var order = new int[3];
        // T = 1, no truncation: renormalised over symbols 1..3 (0.5, 0.25, 0.15) / 0.9.
        CharacterLanguageModel.Transform(p, q, order, new SamplingOptions());
        Assert.Equal(0.5 / 0.9, q[1], 1e-15);
        // T = 0.5 squares: 0.25, 0.0625, 0.0225 over 0.335.
        CharacterLanguageModel.Transform(p, q, order, new SamplingOptions(0.5));
        Assert.Equal(0.0625 / 0.335, q[2], 1e-14);
        // top-p 0.8 keeps 0.5/0.9 = 0.556 and 0.25/0.9 (cumulative 0.833 >= 0.8).
        double h = CharacterLanguageModel.Transform(p, q, order, new SamplingOptions(1, TopP: 0.8));
        Assert.Equal(0, q[3]);
        Assert.Equal(2.0 / 3, q[1], 1e-14);
        Assert.Equal(-(2.0 / 3 * Math.Log2(2.0 / 3)) - (1.0 / 3 * Math.Log2(1.0 / 3)), h, 1e-14);
    }

    [Fact]
    public void BadInputGivesClearErrors()
    {
        var empty = Assert.Throws<ArgumentException>(() => CharacterLanguageModel.Train("", 3));
        Assert.Contains("`text` must be a non-empty text; got an empty text.", empty.Message, StringComparison.Ordinal);
        var binary = Assert.Throws<ArgumentException>(() => CharacterLanguageModel.Train("ab\0cd", 3));
        Assert.Contains("NUL at index 2", binary.Message, StringComparison.Ordinal);
        var low = Assert.Throws<ArgumentOutOfRangeException>(() => CharacterLanguageModel.Train("abc", 0));
        Assert.Equal("order", low.ParamName);
        Assert.Contains("got 0", low.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CharacterLanguageModel.Train("abc", 11));
        var cold = Assert.Throws<ArgumentOutOfRangeException>(() => Model5.Sample(10, new SamplingOptions(0), new Random(1)));
        Assert.Contains("`temperature` must be a finite number > 0; got 0.", cold.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model5.Sample(10, new SamplingOptions(-1), new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Model5.Sample(10, new SamplingOptions(1, TopP: 0), new Random(1)));
    }

    [Fact]
    public void ShortTextsAndHighOrdersWork()
    {
        var model = CharacterLanguageModel.Train("ab", 10);
        var p = new double[model.SymbolCount];
        model.Distribution("ab", p);
        Assert.Equal(1.0, p.Sum(), 1e-12);
        Assert.True(model.Discounts(10, false).IsFallback);
        Assert.Equal(10, model.EvaluateAllOrders("abba").BitsPerCharacter.Count);
    }
}
