using System.CommandLine;
using Shannon.Cli.Output;

namespace Shannon.Cli.Commands;

internal enum DivergenceKind
{
    KullbackLeibler = 1,
    CrossEntropy = 2,
    JensenShannon = 3,
}

/// <summary>`shannon kl | cross-entropy | js --p LIST --q LIST`.</summary>
internal static class DivergenceCommands
{
    public static Command Create(string name, string description, DivergenceKind kind)
    {
        var p = new Option<string>("--p") { Description = "P as a probability vector, e.g. 0.5,0.5.", Required = true };
        var q = new Option<string>("--q") { Description = "Q as a probability vector of the same length.", Required = true };
        var unit = CommonOptions.Unit();
        var json = CommonOptions.Json();
        var command = new Command(name, description) { p, q, unit, json };
        var reverse = new Option<bool>("--reverse") { Description = "Report D(Q||P) instead of D(P||Q)." };
        var weight = new Option<double>("--weight") { Description = "The weight of P in the mixture (default 0.5).", DefaultValueFactory = _ => 0.5 };
        if (kind == DivergenceKind.KullbackLeibler)
        {
            command.Add(reverse);
        }

        if (kind == DivergenceKind.JensenShannon)
        {
            command.Add(weight);
        }

        command.SetAction(result =>
        {
            var u = CommonOptions.ParseUnit(result.GetValue(unit));
            var pv = CommonOptions.ParseList(result.GetValue(p), "--p");
            var qv = CommonOptions.ParseList(result.GetValue(q), "--q");
            string measure;
            Information value;
            double? distance = null;
            switch (kind)
            {
                case DivergenceKind.KullbackLeibler:
                    bool rev = result.GetValue(reverse);
                    measure = rev ? "reverse-kl" : "kl";
                    value = rev ? Measures.ReverseKullbackLeibler(pv, qv, u) : Measures.KullbackLeibler(pv, qv, u);
                    break;
                case DivergenceKind.CrossEntropy:
                    measure = "cross-entropy";
                    value = Measures.CrossEntropy(pv, qv, u);
                    break;
                default:
                    measure = "js";
                    double w = result.GetValue(weight);
                    value = Measures.JensenShannon(pv, qv, w, u);
                    if (w == 0.5)
                    {
                        distance = Measures.JensenShannonDistance(pv, qv, u);
                    }

                    break;
            }

            var warnings = new List<string>();
            if (double.IsPositiveInfinity(value.Value))
            {
                warnings.Add("Q gives probability 0 to an outcome that P gives positive probability: the divergence is infinite.");
            }

            if (result.GetValue(json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", measure).String("estimator", "exact").String("unit", InformationUnits.Name(u))
                    .Number("value", value.Value).Number("n", (long)pv.Length).String("n_counts", "outcomes");
                if (distance is double d)
                {
                    o.Number("distance", d);
                }

                o.Strings("warnings", warnings);
            }
            else
            {
                string label = measure switch
                {
                    "kl" => "D(P||Q)",
                    "reverse-kl" => "D(Q||P)",
                    "cross-entropy" => "H(P,Q)",
                    _ => "JS(P,Q)",
                };
                result.Output().WriteLine($"{label} = {value}" + (distance is double dd ? $"  (distance {CommonOptions.Format(dd)})" : ""));
                foreach (var warning in warnings)
                {
                    result.Error().WriteLine("warning: " + warning);
                }
            }

            return 0;
        });
        return command;
    }
}
