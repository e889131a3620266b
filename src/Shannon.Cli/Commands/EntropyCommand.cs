using System.CommandLine;

namespace Shannon.Cli.Commands;

/// <summary>`shannon entropy --probabilities LIST`: the exact entropy of a distribution.</summary>
internal static class EntropyCommand
{
    public static Command Create()
    {
        var probabilities = new Option<string>("--probabilities") { Description = "A probability vector, e.g. 0.5,0.25,0.25 (must sum to 1 within 1e-9)." };
        var unit = CommonOptions.Unit();
        var json = CommonOptions.Json();
        var command = new Command("entropy", "Shannon entropy H(P) of a distribution.") { probabilities, unit, json };
        command.SetAction(result =>
        {
            var u = CommonOptions.ParseUnit(result.GetValue(unit));
            var text = result.GetValue(probabilities)
                ?? throw new UsageException("`entropy` needs `--probabilities LIST` (e.g. --probabilities 0.5,0.25,0.25).");
            var p = CommonOptions.ParseList(text, "--probabilities");
            var h = Measures.Entropy(p, u);
            if (result.GetValue(json))
            {
                using var o = new JsonOutput(Console.Out);
                o.String("measure", "entropy").String("estimator", "exact").String("unit", InformationUnits.Name(u))
                    .Number("value", h.Value).Number("n", (long)p.Length)
                    .Number("perplexity", Math.Exp(h.Nats)).Strings("warnings", []);
            }
            else
            {
                Console.Out.WriteLine($"H(P) = {h}  (perplexity {CommonOptions.Format(Math.Exp(h.Nats))}, {p.Length} outcomes)");
            }

            return 0;
        });
        return command;
    }
}
