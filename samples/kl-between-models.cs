#:package Shannon@0.1.0
// How far apart are two models' predictions? Two classifiers of the wine cultivars, Gaussian naive Bayes and a
// nearest-centroid softmax, each give a distribution over the 3 classes for every wine. Per wine: KL(A||B),
// KL(B||A) and the Jensen-Shannon divergence (symmetric, at most 1 bit); per model: the cross-entropy against the
// true class (the log loss). Run from the repository root:  dotnet run samples/kl-between-models.cs -- docs/data/wine.csv
using System.Globalization;
using Shannon;

string path = args.Length > 0 ? args[0] : "docs/data/wine.csv";
string[] lines = File.ReadAllLines(path);
double[][] rows = [.. lines.Skip(1).Where(l => l.Length > 0)
    .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
int features = rows[0].Length - 1; // the last column is the class
int[] labels = [.. rows.Select(r => (int)r[features])];
int classes = labels.Max() + 1;

// Standardise each feature, then per class the mean and variance of each feature.
double[] mean = [.. Enumerable.Range(0, features).Select(f => rows.Average(r => r[f]))];
double[] sd = [.. Enumerable.Range(0, features).Select(f => Math.Sqrt(rows.Average(r => (r[f] - mean[f]) * (r[f] - mean[f]))))];
double[][] z = [.. rows.Select(r => Enumerable.Range(0, features).Select(f => (r[f] - mean[f]) / sd[f]).ToArray())];
var centroid = new double[classes][];
var variance = new double[classes][];
for (int c = 0; c < classes; c++)
{
    var members = z.Where((_, i) => labels[i] == c).ToArray();
    centroid[c] = [.. Enumerable.Range(0, features).Select(f => members.Average(m => m[f]))];
    variance[c] = [.. Enumerable.Range(0, features).Select(f => members.Average(m => (m[f] - centroid[c][f]) * (m[f] - centroid[c][f])))];
}

double meanKlAB = 0, meanKlBA = 0, meanJs = 0, lossA = 0, lossB = 0;
var a = new double[classes];
var b = new double[classes];
for (int i = 0; i < z.Length; i++)
{
    // Model A, naive Bayes: log p(x | c) summed over features (equal priors), as logits.
    double[] logitsA = [.. Enumerable.Range(0, classes).Select(c => Enumerable.Range(0, features)
        .Sum(f => -0.5 * Math.Log(2 * Math.PI * variance[c][f]) - (z[i][f] - centroid[c][f]) * (z[i][f] - centroid[c][f]) / (2 * variance[c][f])))];
    // Model B, nearest centroid: minus the squared distance to each centroid, as logits.
    double[] logitsB = [.. Enumerable.Range(0, classes).Select(c => -Enumerable.Range(0, features).Sum(f => (z[i][f] - centroid[c][f]) * (z[i][f] - centroid[c][f])))];
    Measures.Softmax(logitsA, temperature: 1.0, a);
    Measures.Softmax(logitsB, temperature: 1.0, b);
    meanKlAB += Measures.KullbackLeibler(a, b, InformationUnit.Bits).Value / z.Length;
    meanKlBA += Measures.KullbackLeibler(b, a, InformationUnit.Bits).Value / z.Length;
    meanJs += Measures.JensenShannon(a, b, InformationUnit.Bits).Value / z.Length;
    lossA += Measures.InformationContent(a[labels[i]], InformationUnit.Bits).Value / z.Length;
    lossB += Measures.InformationContent(b[labels[i]], InformationUnit.Bits).Value / z.Length;
}

Console.WriteLine($"{path}: {z.Length} rows, {features} features, {classes} classes");
Console.WriteLine($"mean KL(naive Bayes || nearest centroid) = {meanKlAB:F4} bits");
Console.WriteLine($"mean KL(nearest centroid || naive Bayes) = {meanKlBA:F4} bits");
Console.WriteLine($"mean JS(naive Bayes, nearest centroid)   = {meanJs:F4} bits");
Console.WriteLine($"log loss: naive Bayes {lossA:F4} bits, nearest centroid {lossB:F4} bits");
return 0;
