#:package Shannon@0.1.0
// The entropy of a text, in bits per character: the letter frequencies alone (four estimators of H(X), which
// differ by their bias correction) and the letter given the one before, H(X_t | X_t-1), with Miller-Madow.
// Run from the repository root:  dotnet run samples/text-entropy.cs -- README.md
using Shannon;
using Shannon.Estimators.Discrete;

string path = args.Length > 0 ? args[0] : "README.md";
string text = File.ReadAllText(path);
if (text.Length < 2)
{
    Console.Error.WriteLine($"text-entropy: '{path}' has fewer than two characters.");
    return 2;
}

// Characters as labels (one code per distinct character).
var characters = DiscreteVariable.FromLabels([.. text.Select(c => c.ToString())]);
Console.WriteLine($"{path}: {text.Length} characters, {characters.LevelCount} distinct");
foreach (var name in new[] { "plugin", "miller-madow", "chao-shen", "nsb" })
{
    var h = DiscreteInformation.Entropy(characters, EntropyEstimators.Parse(name), InformationUnit.Bits);
    Console.WriteLine($"H(X)         {name,-13} {h.Value:F4} bits per character");
}

// The character given the previous one: pairs (x_t, x_t-1) for t = 1..n-1.
var current = DiscreteVariable.FromLabels([.. text.Skip(1).Select(c => c.ToString())]);
var previous = DiscreteVariable.FromLabels([.. text.SkipLast(1).Select(c => c.ToString())]);
var conditional = DiscreteInformation.ConditionalEntropy(current, previous, MillerMadowEntropyEstimator.Instance, InformationUnit.Bits);
Console.WriteLine($"H(X_t|X_t-1) {"miller-madow",-13} {conditional.Value:F4} bits per character");
return 0;
