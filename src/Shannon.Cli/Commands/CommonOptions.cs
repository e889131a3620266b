using System.CommandLine;
using System.Globalization;

namespace Shannon.Cli.Commands;

/// <summary>Options and parsing shared by the commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Unit() => new("--unit")
    {
        Description = "bits (default), nats or hartleys",
        DefaultValueFactory = _ => "bits",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on stdout." };

    /// <summary>`--force`: replace an existing output that Shannon did not write (never an input, never through a link).</summary>
    public static Option<bool> Force() => new("--force") { Description = "Replace an existing --out that Shannon did not write (inputs and symbolic links are never replaced)." };

    public static InformationUnit ParseUnit(string? text, string option = "--unit")
    {
        if (InformationUnits.TryParse(text, out var unit))
        {
            return unit;
        }

        throw new UsageException($"`{option}` must be bits, nats or hartleys; got '{text}'.");
    }

    /// <summary>Parses "0.5,0.25,0.25" (commas or whitespace) into numbers, naming the option in errors.</summary>
    public static double[] ParseList(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"`{option}` must be a comma-separated list of numbers; got an empty value.");
        }

        var parts = text.Split([',', ' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new UsageException($"`{option}` must be a comma-separated list of numbers; got '{parts[i]}' at position {i + 1}.");
            }
        }

        return values;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
