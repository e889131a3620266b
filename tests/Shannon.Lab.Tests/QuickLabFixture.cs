using Shannon.Lab.Experiments;
using Shannon.Lab.Report;

namespace Shannon.Lab.Tests;

/// <summary>Runs every experiment once in quick mode and writes the report to a temporary folder.</summary>
public sealed class QuickLabFixture : IDisposable
{
    public QuickLabFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "shannon-lab-tests-" + Guid.NewGuid().ToString("N"));
        var context = new ExperimentContext { Quick = true };
        Results = ExperimentCatalog.All().Select(e => e.Run(context)).ToList();
        Index = ReportWriter.Write(Directory, Results, quick: true);
    }

    public string Directory { get; }

    public string Index { get; }

    public IReadOnlyList<ExperimentResult> Results { get; }

    public ExperimentResult this[string name] => Results.Single(r => r.Name == name);

    public double Number(string experiment, string key) => Convert.ToDouble(this[experiment].KeyNumbers[key], System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition("quick lab")]
public sealed class QuickLabCollection : ICollectionFixture<QuickLabFixture>
{
}
