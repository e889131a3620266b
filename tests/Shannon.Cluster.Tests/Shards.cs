using System.Globalization;
using System.Text;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Shannon.Cluster.Tests;

/// <summary>
/// Small generated shards (fixed seeds) and their concatenations, in a temporary folder: label tables, texts, and
/// tables with real-valued columns (u and v correlated Gaussians, w uniform on a range that differs by shard, so no
/// shard holds the global extremes of every column; a and t labels).
/// </summary>
internal sealed class Shards : IDisposable
{
    public Shards(int count = 12, int rows = 200)
    {
        Root = Path.Combine(Path.GetTempPath(), "shannon-cluster-" + Guid.NewGuid().ToString("N"));
        Tables = Path.Combine(Root, "tables");
        Texts = Path.Combine(Root, "texts");
        Reals = Path.Combine(Root, "reals");
        Directory.CreateDirectory(Tables);
        Directory.CreateDirectory(Texts);
        Directory.CreateDirectory(Reals);
        var rng = new Random(20261204);
        var all = new StringBuilder("a,b,c,t\n");
        var texts = new List<string>();
        string[] vocabulary = ["the", "cat", "sat", "on", "mat", "dog", "ran", "far", "away", "home", "red", "sun", "sea", "blue", "sky"];
        for (int s = 0; s < count; s++)
        {
            var shard = new StringBuilder("a,b,c,t\n");
            for (int r = 0; r < rows; r++)
            {
                int a = rng.Next(4);
                string b = "xyz"[(a + rng.Next(2)) % 3].ToString();
                int c = rng.Next(10);
                int t = rng.NextDouble() < 0.6 ? a : rng.Next(4);
                string line = string.Create(CultureInfo.InvariantCulture, $"{a},{b},{c},{t}\n");
                shard.Append(line);
                all.Append(line);
            }

            File.WriteAllText(Path.Combine(Tables, $"part-{s:00}.csv"), shard.ToString());
            var words = new StringBuilder();
            int n = 150 + rng.Next(100);
            for (int w = 0; w < n; w++)
            {
                // A little structure: "blue" tends to precede "sky", "red" "sun".
                string word = vocabulary[rng.Next(vocabulary.Length)];
                words.Append(word).Append(word == "blue" && rng.NextDouble() < 0.7 ? " sky" : word == "red" && rng.NextDouble() < 0.7 ? " sun" : "");
                words.Append(w % 17 == 16 ? ".\n" : " ");
            }

            string text = words.ToString();
            texts.Add(text);
            File.WriteAllText(Path.Combine(Texts, $"doc-{s:00}.txt"), text);
        }

        var realRng = new Random(20261205);
        var allReals = new StringBuilder("u,v,w,a,t\n");
        for (int s = 0; s < count; s++)
        {
            var shard = new StringBuilder("u,v,w,a,t\n");
            for (int r = 0; r < rows; r++)
            {
                double u = Normal(realRng), v = (0.8 * u) + (0.6 * Normal(realRng)), w = (realRng.NextDouble() * 6 - 3) * (1 + (s % 3));
                int a = realRng.Next(4), t = realRng.NextDouble() < 0.6 ? a : realRng.Next(4);
                string line = string.Create(CultureInfo.InvariantCulture, $"{u:R},{v:R},{w:R},{a},{t}\n");
                shard.Append(line);
                allReals.Append(line);
            }

            File.WriteAllText(Path.Combine(Reals, $"part-{s:00}.csv"), shard.ToString());
        }

        AllReals = Path.Combine(Root, "all-reals.csv");
        File.WriteAllText(AllReals, allReals.ToString());
        AllTable = Path.Combine(Root, "all.csv");
        File.WriteAllText(AllTable, all.ToString());
        AllText = Path.Combine(Root, "all.txt");
        File.WriteAllText(AllText, string.Join("\n\n", texts));
    }

    public string Root { get; }

    public string Tables { get; }

    public string Texts { get; }

    public string AllTable { get; }

    /// <summary>The folder of shards with real-valued columns u, v, w and labels a, t.</summary>
    public string Reals { get; }

    /// <summary>The real-valued shards concatenated.</summary>
    public string AllReals { get; }

    public string AllText { get; }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
