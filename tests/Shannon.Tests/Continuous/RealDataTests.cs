using System.Globalization;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Xunit.Abstractions;

namespace Shannon.Tests.Continuous;

/// <summary>
/// Real data (issue 13, "Checks that must exist"): scikit-learn's bundled wine, breast cancer and digits, exported by
/// tools/reference/sklearn_datasets.py (Debian python3-sklearn 1.2.1: load_wine(), load_breast_cancer(),
/// load_digits()) to tests/Shannon.Tests/Data, with mutual_info_classif(X, y, random_state=r) for r = 0..9 and
/// mutual_info_score(y, pixel) for the digits.
/// </summary>
public class RealDataTests(ITestOutputHelper output)
{
    private static string DataFolder => Path.Combine(NumericCsv.TestsFolder(), "Data");

    private static (string[] Features, double[][] Columns, int[] Target) Load(string name)
    {
        var table = NumericCsv.Load(Path.Combine(DataFolder, name + ".csv"));
        string[] header = File.ReadLines(Path.Combine(DataFolder, name + ".csv")).First().Split(',');
        string[] features = header.Where(h => h != "target").ToArray();
        return (features, features.Select(f => table[f]).ToArray(), table["target"].Select(v => (int)v).ToArray());
    }

    private static double TargetEntropy(string name) =>
        File.ReadLines(Path.Combine(DataFolder, "target_entropy.csv")).Skip(1).Select(l => l.Split(','))
            .Where(c => c[0] == name).Select(c => double.Parse(c[1], CultureInfo.InvariantCulture)).Single();

    /// <summary>mutual_info_classif's value of each feature for each random_state.</summary>
    private static Dictionary<string, double[]> Sklearn(string name)
    {
        var result = new Dictionary<string, double[]>();
        foreach (string[] c in File.ReadLines(Path.Combine(DataFolder, "sklearn_mutual_info.csv")).Skip(1).Select(l => l.Split(',')).Where(c => c[0] == name))
        {
            if (!result.TryGetValue(c[1], out var values))
            {
                result[c[1]] = values = new double[10];
            }

            values[int.Parse(c[2], CultureInfo.InvariantCulture)] = double.Parse(c[3], CultureInfo.InvariantCulture);
        }

        return result;
    }

    [Theory]
    [InlineData("wine")]
    [InlineData("breast_cancer")]
    [InlineData("digits")]
    public void NoFeatureHasMoreInformationAboutTheTargetThanTheTargetHas(string name)
    {
        // Issue 13: on wine, I(alcalinity_of_ash; target) read 1.217 nats > H(target) = 1.086 (ties: Ross's m_i = 1).
        var (features, columns, target) = Load(name);
        double h = TargetEntropy(name);
        Assert.Equal(h, RealDataTests.PlugIn(target), 1e-12);
        var ross = new MixedMutualInformationEstimator();
        var ksg = new KsgMutualInformationEstimator();
        double[] targetAsReal = target.Select(t => (double)t).ToArray();
        var values = new List<(string Feature, double Ross, double Ksg)>();
        for (int j = 0; j < features.Length; j++)
        {
            if (columns[j].Distinct().Count() == 1)
            {
                continue; // digits has constant pixels: no information, and the estimators refuse them by contract
            }

            var r = ross.Estimate(columns[j], target, InformationUnit.Nats);
            var g = ksg.Estimate(columns[j], targetAsReal, InformationUnit.Nats);
            values.Add((features[j], r.Value, g.Value));
            Assert.True(r.Value <= h, $"{name}.{features[j]}: mixed-ross {r.Value} > H(target) = {h}");
            Assert.True(g.Value <= h, $"{name}.{features[j]}: ksg1 (target as reals) {g.Value} > H(target) = {h}");
        }

        // The report's figures: the largest ratio, and the top-5 overlap with scikit-learn's ranking (by its mean over
        // r = 0..9; with the range of its own per-r overlaps with that mean ranking, to show which ranks are stable).
        var sklearn = Sklearn(name);
        var ours = values.OrderByDescending(v => v.Ross).Take(5).Select(v => v.Feature).ToList();
        var theirs = sklearn.OrderByDescending(kv => kv.Value.Average()).Take(5).Select(kv => kv.Key).ToList();
        var perSeed = Enumerable.Range(0, 10).Select(r => sklearn.OrderByDescending(kv => kv.Value[r]).Take(5).Select(kv => kv.Key).Intersect(theirs).Count()).ToList();
        int overlap = ours.Intersect(theirs).Count();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: H(target) = {h:F4} nats; max mixed-ross/H = {values.Max(v => v.Ross) / h:F4} ({values.MaxBy(v => v.Ross).Feature}); max ksg1/H = {values.Max(v => v.Ksg) / h:F4}; "
            + $"top-5 overlap with sklearn mean ranking = {overlap}/5 (sklearn per-seed vs its mean: {perSeed.Min()}..{perSeed.Max()}); ours: {string.Join(" ", ours)}; sklearn: {string.Join(" ", theirs)}"));
        Assert.True(overlap >= 3, $"top-5 overlap {overlap}: ours {string.Join(",", ours)}, sklearn {string.Join(",", theirs)}");
    }

    [Fact]
    public void DigitsKeepTheirExactPlugInValues()
    {
        // sklearn.metrics.mutual_info_score(y, X[:, j]) for the integer pixels 0..16 (digits_plugin.csv).
        var (features, columns, target) = Load("digits");
        var expected = File.ReadLines(Path.Combine(DataFolder, "digits_plugin.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => double.Parse(c[1], CultureInfo.InvariantCulture));
        for (int j = 0; j < features.Length; j++)
        {
            int[] pixel = columns[j].Select(v => (int)v).ToArray();
            double mi = DiscreteInformation.MutualInformation(pixel, target, PluginEntropyEstimator.Instance, InformationUnit.Nats).Value;
            Assert.Equal(expected[features[j]], mi, 1e-12);
        }
    }

    internal static double PlugIn(int[] labels) => TieTests.PluginEntropy(labels);
}
