using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using Shannon.Tests.InformationPlane;

namespace Shannon.Tests.Bottleneck;

/// <summary>
/// The bottleneck kernels give the same results with hardware intrinsics switched off: the probe
/// (tests/Shannon.KernelProbe) runs in a child process with DOTNET_EnableHWIntrinsic=0 (the scalar path) or
/// DOTNET_EnableAVX2=0 (the 128-bit path, as on ARM64), and its lines are compared with the same probe run here, on the
/// accelerated path. The in-process tests (BottleneckKernelsTests) call each path explicitly; this one checks that the
/// dispatch really takes the other paths when the runtime reports no acceleration. The probe ends with the KDE upper
/// bound of the information plane on a few layers, held to the tolerance that KernelDensityPathTests derives.
/// </summary>
public class HardwareIntrinsicsTests
{
    /// <summary>u = 2^-53, the unit roundoff of doubles.</summary>
    private const double UnitRoundoff = 1.1102230246251565e-16;

    /// <summary>The kernels whose lanes do the same IEEE operations in the same order on every path: the same bits.</summary>
    private static readonly HashSet<string> Exact = ["transposed", "scores", "relevance", "max"];

    public static TheoryData<string, string> Switches => new()
    {
        { "DOTNET_EnableHWIntrinsic", "Scalar" },
        { "DOTNET_EnableAVX2", Vector128.IsHardwareAccelerated ? "Vector128" : "Scalar" },
    };

    [Theory]
    [MemberData(nameof(Switches))]
    public void KernelsAgreeWithTheAcceleratedOnesWhenIntrinsicsAreSwitchedOff(string variable, string expectedPath)
    {
        var here = new StringWriter(CultureInfo.InvariantCulture);
        Shannon.KernelProbe.KernelProbe.Write(here);
        var expected = here.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var child = RunProbe(variable);

        Assert.Equal(expectedPath, child[0].Split(' ')[1]);
        Assert.Equal(expected.Length, child.Length);
        for (int line = 1; line < expected.Length; line++)
        {
            var want = expected[line].Split(' ');
            var got = child[line].Split(' ');
            string kernel = want[0];
            Assert.Equal(kernel, got[0]);
            Assert.Equal(want.Length, got.Length);
            int length = int.Parse(want[1], CultureInfo.InvariantCulture);
            for (int j = 2; j < want.Length; j++)
            {
                if (Exact.Contains(kernel))
                {
                    Assert.True(want[j] == got[j], $"{kernel} at length {length}, value {j - 2}: {got[j]} under {variable}=0, {want[j]} accelerated");
                    continue;
                }

                double a = double.Parse(want[j], CultureInfo.InvariantCulture), b = double.Parse(got[j], CultureInfo.InvariantCulture);
                if (kernel is "kde-xt" or "kde-ty")
                {
                    // Only the single-precision row sums over one leaf are grouped differently: 2 gamma_32 nats for
                    // I(X;T), 4 gamma_32 for I(T;Y), plus double roundings (KernelDensityPathTests).
                    double tolerance = kernel == "kde-xt" ? KernelDensityPathTests.MutualInformationXTTolerance : KernelDensityPathTests.MutualInformationTYTolerance;
                    Assert.True(Math.Abs(a - b) <= tolerance, $"{kernel} at {length} samples: {b} under {variable}=0, {a} accelerated");
                    continue;
                }


                // The vector log and exp are within 5e-16 relative of Math.Log and Math.Exp (VectorMathTests). The soft
                // row's two sums add same-signed terms (weights >= 0, weight * logit <= 0), so |sum| is the sum of the
                // magnitudes and two summation orders differ by 2 gamma_(k+1) |sum| (Higham 2002, eq. 4.4) plus the
                // weights' 5e-16.
                double gamma = (length + 1) * UnitRoundoff / (1 - ((length + 1) * UnitRoundoff));
                double relative = kernel == "softrow-sums" ? (2 * gamma) + 5e-16 : 5e-16;
                Assert.True(Math.Abs(a - b) <= relative * Math.Abs(a), $"{kernel} at length {length}, value {j - 2}: {b} under {variable}=0, {a} accelerated");
            }
        }
    }

    private static string[] RunProbe(string variable)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Shannon.KernelProbe.dll"));
        info.Environment[variable] = "0";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the probe did not finish within a minute under {variable}=0");
        }

        Assert.True(process.ExitCode == 0, $"the probe failed under {variable}=0: {error.Result}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
