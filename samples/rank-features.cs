#:package Shannon@0.1.0
// Rank the features of a CSV by their mutual information with a class column, with a permutation p-value each.
// The estimator catalogue chooses per feature: a real feature against class labels gets Ross's mixed k-NN estimator
// (the estimator of scikit-learn's mutual_info_classif), on values dequantised when they were rounded to a grid.
// Run from the repository root:  dotnet run samples/rank-features.cs -- docs/data/wine.csv class
using Shannon;
using Shannon.Estimators.Catalogue;

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
// Each feature a column of numbers; the catalogue decides per feature how to read it (a lattice of rounded values
// is dequantised, integers with few distinct values are categories) and which estimator fits the pair of kinds.
SampleColumn[] features = [.. Enumerable.Range(0, header.Length).Where(c => c != t)
    .Select(c => SampleColumn.FromNumbers(header[c], [.. rows.Select(r => r[c])]))];
var ranked = FeatureRanking.Rank(SampleColumn.FromCodes(target, labels), features, estimator: null, settings: null,
    InformationUnit.Bits, new UncertaintyOptions { Permutations = permutations, Seed = 1 });

Console.WriteLine($"I(feature; {target}) in bits, n = {rows.Length}, p from {permutations} permutations:");
foreach (var feature in ranked)
{
    Console.WriteLine($"  {feature.Column,-22} {feature.Estimate.Value,8:F4}   p = {feature.Test!.PValue:F2}   ({feature.Estimate.Estimator})");
}

return 0;
