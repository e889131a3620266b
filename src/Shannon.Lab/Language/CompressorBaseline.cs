using System.Diagnostics;
using System.Text;

namespace Shannon.Lab.Language;

/// <summary>A compressor's result on a text.</summary>
/// <param name="Name">The program and its flags, e.g. "xz -9e".</param>
/// <param name="CompressedBytes">The output size (null when the program could not be run).</param>
/// <param name="BitsPerCharacter">8 x compressed bytes / characters (null when not run).</param>
/// <param name="Seconds">Wall-clock time of the run.</param>
/// <param name="Problem">Why it did not run (null when it did).</param>
public sealed record CompressorResult(string Name, long? CompressedBytes, double? BitsPerCharacter, double Seconds, string? Problem);

/// <summary>
/// Runs the standard compressors as programs (gzip -9, bzip2 -9, xz -9e) on a text written as UTF-8 to their
/// standard input, and reports bits per character, so that a language model's cross-entropy can be set beside
/// the code lengths of general-purpose compressors on exactly the same text.
/// </summary>
public static class CompressorBaseline
{
    /// <summary>The programs and flags run.</summary>
    public static IReadOnlyList<(string Program, string[] Arguments)> Programs { get; } =
    [
        ("gzip", ["-9", "-c"]),
        ("bzip2", ["-9", "-c"]),
        ("xz", ["-9e", "-c", "--format=xz"]),
    ];

    /// <summary>Compresses <paramref name="text"/> with each program.</summary>
    /// <param name="text">The text.</param>
    /// <returns>One result per program; a missing program gives a result with its problem.</returns>
    public static IReadOnlyList<CompressorResult> Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var results = new CompressorResult[Programs.Count];
        Parallel.For(0, Programs.Count, i =>
        {
            var (program, arguments) = Programs[i];
            string name = program + " " + arguments[0];
            var watch = Stopwatch.StartNew();
            try
            {
                long size = Run(program, arguments, bytes);
                results[i] = new CompressorResult(name, size, 8.0 * size / text.Length, watch.Elapsed.TotalSeconds, null);
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
            {
                results[i] = new CompressorResult(name, null, null, watch.Elapsed.TotalSeconds, $"{program} could not be run: {ex.Message}");
            }
        });
        return results;
    }

    private static long Run(string program, string[] arguments, byte[] input)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        var counting = Task.Run(() =>
        {
            long total = 0;
            var buffer = new byte[1 << 16];
            int read;
            while ((read = process.StandardOutput.BaseStream.Read(buffer)) > 0)
            {
                total += read;
            }

            return total;
        });
        _ = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        long size = counting.Result;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"exit code {process.ExitCode}");
        }

        return size;
    }
}
