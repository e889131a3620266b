using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Shannon.Web.Api;

/// <summary>
/// Reads query parameters, each checked against its range; a bad one is a 400 whose message reads like the library's:
/// "`p` must be a number in [0, 1]; got 1.5."
/// </summary>
internal sealed class Parameters(HttpRequest request)
{
    public const int MaxListLength = 64;

    private readonly IQueryCollection _query = request.Query;

    public double Number(string name, double min, double max, double? fallback = null)
    {
        string constraint = $"a number in [{Format(min)}, {Format(max)}]";
        string? text = Raw(name, constraint, fallback is null);
        if (text is null)
        {
            return fallback!.Value;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw Bad(name, constraint, Quote(text));
        }

        if (value < min || value > max)
        {
            throw Bad(name, constraint, Format(value));
        }

        return value;
    }

    public int Integer(string name, int min, int max, int? fallback = null)
    {
        string constraint = $"an integer in [{min}, {max}]";
        string? text = Raw(name, constraint, fallback is null);
        if (text is null)
        {
            return fallback!.Value;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Bad(name, constraint, Quote(text));
        }

        if (value < min || value > max)
        {
            throw Bad(name, constraint, value.ToString(CultureInfo.InvariantCulture));
        }

        return (int)value;
    }

    public double[] Numbers(string name, int minCount, int maxCount, double min, double max, double[]? fallback = null)
    {
        string constraint = $"a comma-separated list of {minCount} to {maxCount} numbers in [{Format(min)}, {Format(max)}]";
        string? text = Raw(name, constraint, fallback is null);
        if (text is null)
        {
            return fallback!;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length < minCount || parts.Length > maxCount)
        {
            throw Bad(name, constraint, $"{parts.Length} numbers");
        }

        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw Bad(name, constraint, $"{Quote(parts[i])} at position {i + 1}");
            }

            if (values[i] < min || values[i] > max)
            {
                throw Bad(name, constraint, $"{Format(values[i])} at position {i + 1}");
            }
        }

        return values;
    }

    public string? Text(string name, int maxLength, bool required = false)
    {
        string constraint = $"a text of at most {maxLength} characters";
        string? text = Raw(name, constraint, required, trim: false, emptyAllowed: true);
        if (text is not null && text.Length > maxLength)
        {
            throw Bad(name, constraint, $"{text.Length} characters");
        }

        return text;
    }

    public string Choice(string name, IReadOnlyList<string> choices, string fallback)
    {
        string constraint = "one of " + string.Join(", ", choices);
        string? text = Raw(name, constraint, required: false);
        if (text is null)
        {
            return fallback;
        }

        return choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) ?? throw Bad(name, constraint, Quote(text));
    }

    public InformationUnit Unit()
    {
        string? text = Raw("unit", "bits, nats or hartleys", required: false);
        if (text is null)
        {
            return InformationUnit.Bits;
        }

        return InformationUnits.TryParse(text, out var unit) ? unit : throw Bad("unit", "bits, nats or hartleys", Quote(text));
    }

    public static ApiException Bad(string name, string constraint, string got) =>
        new(StatusCodes.Status400BadRequest, $"`{name}` must be {constraint}; got {got}.");

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) => "'" + (text.Length > 40 ? text[..40] + "..." : text) + "'";

    private string? Raw(string name, string constraint, bool required, bool trim = true, bool emptyAllowed = false)
    {
        var values = _query[name];
        if (values.Count > 1)
        {
            throw Bad(name, constraint + " (given once)", $"{values.Count} values");
        }

        string? text = values.Count == 1 ? values[0] : null;
        if (trim)
        {
            text = text?.Trim();
        }

        if (values.Count == 1 && string.IsNullOrEmpty(text) && !emptyAllowed)
        {
            // `logits=` is a mistake, not a request for the defaults: only an absent parameter takes its default.
            throw Bad(name, constraint, "an empty value (leave the parameter out for its default)");
        }

        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                throw Bad(name, constraint, "nothing (the parameter is required)");
            }

            return null;
        }

        return text;
    }
}
