using System.Text.Json;

namespace Shannon.Cli.Tests;

public class LabCommandTests
{
    [Fact]
    public void LabWritesTheReportWithTheBinaryEntropyCurve()
    {
        string dir = Path.Combine(Path.GetTempPath(), "shannon-lab-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("lab", "binary-entropy", "--out", dir, "--quick");
            Assert.True(code == 0, stderr);
            Assert.Contains("Report written", stdout, StringComparison.Ordinal);
            string html = File.ReadAllText(Path.Combine(dir, "index.html"));
            Assert.Contains("binary-entropy", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "figures", "binary-entropy-curve.png")));
            Assert.True(File.Exists(Path.Combine(dir, "figures", "binary-entropy-curve.svg")));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
            var be = json.RootElement.GetProperty("experiments").GetProperty("binary-entropy");
            Assert.Equal(0.5, be.GetProperty("argmax_p").GetDouble());
            Assert.Equal(1.0, be.GetProperty("max_bits").GetDouble());
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    [Fact]
    public void LabListsItsExperiments()
    {
        var (code, stdout, _) = CliRunner.Run("lab", "--list");
        Assert.Equal(0, code);
        Assert.Contains("binary-entropy", stdout, StringComparison.Ordinal);
    }
}
