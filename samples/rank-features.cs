#:project ../src/Shannon/Shannon.csproj
// Rank the features of a CSV by their mutual information with a class column, with a permutation p-value each.
// Real features against class labels: Ross's mixed k-NN estimator (the estimator of scikit-learn's
// mutual_info_classif), with seeded jitter of 1e-10 standard deviations to break the ties of rounded data.
// Run from the repository root:  dotnet run samples/rank-features.cs -- docs/data/wine.csv class
using Shannon;
using Shannon.Estimators.Continuous;

string path = args.Length > 0 ? args[0] : "docs/data/wine.csv";
string target = args.Length > 1 ? args[1] : "class";
int permutations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 99;

// A plain numeric CSV with a header row (for anything else, Shannon.Data reads CSV, Parquet and JSON).
string[] lines = File.ReadAllLines(path);
string[] header = lines[0].Split(',');
double[][] rows = [.. lines.Skip(1).Where(l => l.Length > 0)
    .Select(l => l.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())];
int t = Array.IndexOf(header, target);
if (t < 0)
{
    Console.Error.WriteLine($"rank-features: '{path}' has no column '{target}'.");
    return 2;
}

int[] labels = [.. rows.Select(r => (int)r[t])];
var estimator = new MixedMutualInformationEstimator(new KsgOptions { K = 3, Jitter = 1e-10, Seed = 0 });
var random = new Random(1);
var ranked = new List<(string Name, double Bits, double P)>();
for (int c = 0; c < header.Length; c++)
{
    if (c == t)
    {
        continue;
    }

    double[] x = [.. rows.Select(r => r[c])];
    double observed = estimator.Estimate(x, labels, InformationUnit.Bits).Value;
    int atLeast = 0;
    int[] shuffled = [.. labels];
    for (int b = 0; b < permutations; b++)
    {
        random.Shuffle(shuffled);
        atLeast += estimator.Estimate(x, shuffled, InformationUnit.Bits).Value >= observed ? 1 : 0;
    }

    ranked.Add((header[c], observed, (atLeast + 1.0) / (permutations + 1.0)));
}

Console.WriteLine($"I(feature; {target}) in bits, n = {rows.Length}, p from {permutations} permutations:");
foreach (var (name, bits, p) in ranked.OrderByDescending(r => r.Bits))
{
    Console.WriteLine($"  {name,-22} {bits,8:F4}   p = {p:F2}");
}

return 0;
