using Shannon.Distributions;

namespace Shannon.Tests.Conventions;

/// <summary>The README's library example is compiled and run here, and the README is checked to still show it verbatim.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void TheReadmeLibraryExampleRunsAndIsShownVerbatim()
    {
        // --- begin README snippet (each line below must appear in README.md) ---
        Information kl = Shannon.Measures.KullbackLeibler([0.5, 0.5], [0.9, 0.1], InformationUnit.Bits); // 0.7369655941662062 bits
        var joint = JointDistribution.FromProbabilities([0.4, 0.1, 0.1, 0.4], rows: 2, columns: 2);
        Information mi = Shannon.Measures.MutualInformation(joint, InformationUnit.Bits);              // I(X;Y)
        Information h = Shannon.Measures.EntropyFromLogits([2.0, 1.0, 0.1], temperature: 0.7, InformationUnit.Nats);
        double perplexity = Perplexity.FromCrossEntropy(new Information(3.2, InformationUnit.Nats));  // e^3.2
        // --- end README snippet ---

        Assert.Equal(0.7369655941662062, kl.Value, 1e-12);

        // I = 1 - h(0.2) bits for this symmetric channel: 0.2780719051126377 (Python: 1 - scipy.stats.entropy([0.2, 0.8], base=2)).
        Assert.Equal(0.2780719051126377, mi.Value, 1e-12);
        Assert.Equal(0.6667608722411806, h.Value, 1e-12); // see ReferenceTests.SoftmaxWithTemperatureMatchesScipy
        Assert.Equal(24.532530197109352, perplexity, 1e-12);

        string readme = File.ReadAllText(Shannon.Testing.RepositoryPaths.Combine("README.md"));
        string[] shown =
        [
            "Information kl = Measures.KullbackLeibler([0.5, 0.5], [0.9, 0.1], InformationUnit.Bits);",
            "var joint = JointDistribution.FromProbabilities([0.4, 0.1, 0.1, 0.4], rows: 2, columns: 2);",
            "Information mi = Measures.MutualInformation(joint, InformationUnit.Bits);",
            "Information h = Measures.EntropyFromLogits([2.0, 1.0, 0.1], temperature: 0.7, InformationUnit.Nats);",
            "double perplexity = Perplexity.FromCrossEntropy(new Information(3.2, InformationUnit.Nats));",
        ];
        foreach (var line in shown)
        {
            Assert.Contains(line, readme, StringComparison.Ordinal);
        }

        // docs/guide.md shows the same lines.
        string guide = File.ReadAllText(Shannon.Testing.RepositoryPaths.Combine(Path.Combine("docs", "guide.md")));
        foreach (var line in shown)
        {
            Assert.Contains(line, guide, StringComparison.Ordinal);
        }
    }
}
