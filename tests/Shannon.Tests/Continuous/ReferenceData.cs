using System.Globalization;

namespace Shannon.Tests.Continuous;

/// <summary>
/// tests/Shannon.Tests/Continuous/data/continuous_reference.csv, written by tools/reference/continuous_reference.py
/// (numpy.random.RandomState(20261130), N = 800, values printed with repr so the doubles round-trip exactly).
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<Dictionary<string, double[]>> Columns = new(Load);

    public static double[] Column(string name) => (double[])Columns.Value[name].Clone();

    private static Dictionary<string, double[]> Load()
    {
        string path = Shannon.Testing.RepositoryPaths.Combine("tests", "Shannon.Tests", "Continuous", "data", "continuous_reference.csv");
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        var values = header.Select(_ => new double[lines.Length - 1]).ToArray();
        for (int r = 1; r < lines.Length; r++)
        {
            string[] cells = lines[r].Split(',');
            for (int c = 0; c < header.Length; c++)
            {
                values[c][r - 1] = double.Parse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return header.Select((h, c) => (h, c)).ToDictionary(t => t.h, t => values[t.c]);
    }
}
