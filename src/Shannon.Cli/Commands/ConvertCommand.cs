using System.CommandLine;
using System.Globalization;
using Shannon.Cli.Output;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon convert VALUE --from U --to U`: between bits, nats and hartleys (per token), perplexity, and
/// per-character rates (bits-per-char, nats-per-char) given `--chars-per-token` (default 1: tokens are characters).
/// </summary>
internal static class ConvertCommand
{
    private static readonly string[] Scales = ["bits", "nats", "hartleys", "perplexity", "bits-per-char", "nats-per-char"];

    public static Command Create()
    {
        var value = new Argument<string>("VALUE") { Description = "The number to convert." };
        var from = new Option<string>("--from") { Description = string.Join(", ", Scales), Required = true };
        var to = new Option<string>("--to") { Description = string.Join(", ", Scales), Required = true };
        var cpt = new Option<double>("--chars-per-token") { Description = "Mean characters per token for per-char rates (default 1).", DefaultValueFactory = _ => 1.0 };
        var json = CommonOptions.Json();
        var command = new Command("convert", "Convert a cross-entropy or entropy between units, perplexity and per-character rates.") { value, from, to, cpt, json };
        command.SetAction(result =>
        {
            string text = result.GetValue(value) ?? "";
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            {
                throw new UsageException($"`VALUE` must be a finite number; got '{text}'.");
            }

            string f = Scale(result.GetValue(from), "--from");
            string t = Scale(result.GetValue(to), "--to");
            double c = result.GetValue(cpt);
            if (!(c > 0) || !double.IsFinite(c))
            {
                throw new UsageException($"`--chars-per-token` must be a finite number > 0; got {CommonOptions.Format(c)}.");
            }

            double natsPerToken = ToNatsPerToken(v, f, c);
            if (!double.IsFinite(natsPerToken))
            {
                throw new UsageException($"`VALUE` {CommonOptions.Format(v)} {f} is beyond the range of a double ({CommonOptions.Format(double.MaxValue)}) once converted to nats per token.");
            }

            if (t == "perplexity" && natsPerToken < 0)
            {
                throw new UsageException($"`VALUE` must be >= 0 to convert it to a perplexity (the exponential of a cross-entropy); got {CommonOptions.Format(v)} {f}.");
            }

            double converted = FromNatsPerToken(natsPerToken, t, c);
            if (!double.IsFinite(converted))
            {
                if (t != "perplexity")
                {
                    throw new UsageException($"`VALUE` {CommonOptions.Format(v)} {f} is {CommonOptions.Format(natsPerToken)} nats, beyond the range of a double ({CommonOptions.Format(double.MaxValue)}) in {t}.");
                }

                // The perplexity e^H overflows for H > 709.78 nats: give it as a power of 10 and of e, never as Infinity.
                double log10 = natsPerToken / Math.Log(10);
                string power = string.Create(CultureInfo.InvariantCulture, $"10^{log10:0.######} (e^{CommonOptions.Format(natsPerToken)})");
                string warning = $"the perplexity overflows a double (largest {CommonOptions.Format(double.MaxValue)}): it is {power}";
                if (result.GetValue(json))
                {
                    using var o = new JsonOutput(result.Output());
                    o.String("measure", "convert").String("estimator", "exact").String("unit", t)
                        .Number("value", double.PositiveInfinity).Number("log10_value", log10).Number("ln_value", natsPerToken)
                        .Number("input", v).String("from", f).String("to", t)
                        .Number("chars_per_token", c).Number("n", 1L).String("n_counts", "values").Strings("warnings", [warning]);
                }
                else
                {
                    result.Output().WriteLine($"{CommonOptions.Format(v)} {f} = {power} {t}  (overflows a double; shown as a power)");
                }

                return 0;
            }

            if (result.GetValue(json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "convert").String("estimator", "exact").String("unit", t)
                    .Number("value", converted).Number("input", v).String("from", f).String("to", t)
                    .Number("chars_per_token", c).Number("n", 1L).String("n_counts", "values").Strings("warnings", []);
            }
            else
            {
                result.Output().WriteLine($"{CommonOptions.Format(v)} {f} = {CommonOptions.Format(converted)} {t}");
            }

            return 0;
        });
        return command;
    }

    private static string Scale(string? text, string option)
    {
        string s = (text ?? "").Trim().ToLowerInvariant();
        if (InformationUnits.TryParse(s, out var unit))
        {
            return InformationUnits.Name(unit);
        }

        return Array.IndexOf(Scales, s) >= 0
            ? s
            : throw new UsageException($"`{option}` must be one of {string.Join(", ", Scales)}; got '{text}'.");
    }

    private static double ToNatsPerToken(double v, string scale, double charsPerToken) => scale switch
    {
        "perplexity" => Perplexity.ToCrossEntropy(v, InformationUnit.Nats).Value,
        "bits-per-char" => Perplexity.FromBitsPerCharacter(v, charsPerToken, InformationUnit.Nats).Value,
        "nats-per-char" => v * charsPerToken,
        _ => InformationUnits.ToNats(v, Unit(scale)),
    };

    private static double FromNatsPerToken(double nats, string scale, double charsPerToken) => scale switch
    {
        "perplexity" => Perplexity.FromCrossEntropy(new Information(nats, InformationUnit.Nats)),
        "bits-per-char" => Perplexity.BitsPerCharacter(new Information(nats, InformationUnit.Nats), charsPerToken),
        "nats-per-char" => nats / charsPerToken,
        _ => InformationUnits.FromNats(nats, Unit(scale)),
    };

    private static InformationUnit Unit(string scale)
    {
        InformationUnits.TryParse(scale, out var unit);
        return unit;
    }
}
