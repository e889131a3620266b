using System.CommandLine;
using System.Globalization;
using Shannon.Bottleneck;
using Shannon.Distributions;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon ib --joint FILE --beta B [--deterministic] [--unit U] [--json]`: the information bottleneck of a joint
/// table. FILE is a CSV of non-negative weights: a header row naming the y values, then one row per x (no label
/// column); it is normalised on read.
/// </summary>
internal static class IbCommand
{
    public static Command Create()
    {
        var joint = new Option<string>("--joint") { Description = "CSV of non-negative weights: header row of y names, one row per x, no label column." };
        var beta = new Option<string>("--beta") { Description = "The trade-off beta > 0." };
        var deterministic = new Option<bool>("--deterministic") { Description = "The deterministic IB (Strouse & Schwab 2017) instead of the IB." };
        var unit = CommonOptions.Unit();
        var json = CommonOptions.Json();
        var command = new Command("ib", "Information bottleneck of a joint table p(x, y): I(X;T) and I(T;Y) at one beta.") { joint, beta, deterministic, unit, json };
        command.SetAction(result =>
        {
            var u = CommonOptions.ParseUnit(result.GetValue(unit));
            string file = result.GetValue(joint) ?? throw new UsageException("`ib` needs `--joint FILE` (a CSV table of weights, one row per x).");
            string betaText = result.GetValue(beta) ?? throw new UsageException("`ib` needs `--beta B` (a number > 0).");
            if (!double.TryParse(betaText, NumberStyles.Float, CultureInfo.InvariantCulture, out double b) || !(b > 0) || !double.IsFinite(b))
            {
                throw new UsageException($"`--beta` must be a finite number > 0; got '{betaText}'.");
            }

            var (table, warnings) = ReadJoint(file);
            bool dib = result.GetValue(deterministic);
            var options = new InformationBottleneckOptions { Alpha = dib ? 0 : 1 };
            var s = InformationBottleneck.Solve(table, b, u, options);
            if (!s.Converged)
            {
                warnings.Add($"the iterations did not converge within {options.MaxIterations} sweeps at the final beta");
            }

            string estimator = dib ? "deterministic-ib" : "ib";
            if (result.GetValue(json))
            {
                using var o = new JsonOutput(Console.Out);
                o.String("measure", "information-bottleneck").String("estimator", estimator).String("unit", InformationUnits.Name(u))
                    .Number("value", s.MutualInformationTY).Number("n", (long)table.Rows)
                    .Number("i_xt", s.MutualInformationXT).Number("i_ty", s.MutualInformationTY).Number("beta", b)
                    .Bool("converged", s.Converged).Number("iterations", (long)s.Iterations)
                    .Number("clusters", (long)s.ClusterCount).Number("objective", s.Objective)
                    .Strings("warnings", warnings);
            }
            else
            {
                string name = InformationUnits.Name(u);
                Console.Out.WriteLine($"{(dib ? "Deterministic IB" : "IB")} at beta = {CommonOptions.Format(b)}: I(X;T) = {CommonOptions.Format(s.MutualInformationXT)} {name}, " +
                    $"I(T;Y) = {CommonOptions.Format(s.MutualInformationTY)} {name}, |T| = {s.ClusterCount}, " +
                    $"{(s.Converged ? "converged" : "NOT converged")} after {s.Iterations} sweeps ({table.Rows} x values, {table.Columns} y values)");
                foreach (var w in warnings)
                {
                    Console.Error.WriteLine("warning: " + w);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Reads the --joint CSV: header of y names, then rows of non-negative weights; normalised here.</summary>
    internal static (JointDistribution Table, List<string> Warnings) ReadJoint(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"`--joint` must name an existing file; got '{path}'.");
        }

        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (lines.Count < 2)
        {
            throw new UsageException($"`--joint` must hold a header row and at least one row of weights; got {lines.Count} non-empty line(s) in '{path}'.");
        }

        int columns = lines[0].Split(',').Length;
        var weights = new List<double>();
        for (int r = 1; r < lines.Count; r++)
        {
            var cells = lines[r].Split(',');
            if (cells.Length != columns)
            {
                throw new UsageException($"`--joint` must have {columns} values per row (one per header name); got {cells.Length} on line {r + 1}.");
            }

            for (int c = 0; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double w) || !(w >= 0) || !double.IsFinite(w))
                {
                    throw new UsageException($"`--joint` must hold finite weights >= 0; got '{cells[c].Trim()}' on line {r + 1}, column {c + 1}.");
                }

                weights.Add(w);
            }
        }

        if (!(weights.Sum() > 0))
        {
            throw new UsageException("`--joint` must have a positive total weight; got all zeros.");
        }

        var warnings = new List<string>();
        if (Math.Abs(weights.Sum() - 1) > 1e-9)
        {
            warnings.Add($"weights normalised on read (total {CommonOptions.Format(weights.Sum())})");
        }

        return (JointDistribution.FromCounts(weights.ToArray(), lines.Count - 1, columns), warnings);
    }
}
