using System.Diagnostics;
using ScottPlot;
using Shannon.Distributions;
using Shannon.Estimators.Continuous;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// "Which estimator to trust when": every continuous MI estimator on the Beyond-Normal tasks (Czyz et al., NeurIPS
/// 2023), whose truth is known in closed form, with the error against the dimension. Settings: <c>n</c> (samples per
/// task; 5000, quick 800), <c>max-dimension</c> (25, quick 3), <c>neural</c> (<c>all</c>, <c>infonce</c> (default),
/// <c>none</c>), <c>seed</c> (1), <c>lnc</c> (<c>1</c> adds the LNC column; off by default).
/// </summary>
public sealed class EstimatorTrustExperiment : IExperiment
{
    /// <inheritdoc />
    public string Name => "estimator-trust";

    /// <inheritdoc />
    public string Title => "Which MI estimator to trust when: the Beyond-Normal benchmark";

    /// <inheritdoc />
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        int n = Setting(context, "n", context.Quick ? 800 : 5000);
        int maxDimension = Setting(context, "max-dimension", context.Quick ? 3 : 25);
        int seed = Setting(context, "seed", 1);
        string neural = context.Settings.TryGetValue("neural", out var v) ? v : "infonce";
        var tasks = MutualInformationTask.Standard(maxDimension);
        if (context.Quick)
        {
            tasks = tasks.Where((_, i) => i % 2 == 0).ToList();
        }

        var estimators = new List<(string Name, Func<Samples, Samples, double> Run)>
        {
            ("ksg1 (k = 3)", (x, y) => new KnnMutualInformationEstimator(new KnnMutualInformationOptions { Preprocessing = MarginalPreprocessing.Standardize }).Estimate(x, y, InformationUnit.Nats).Value),
            ("ksg1 normal scores", (x, y) => new KnnMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats).Value),
            ("gaussian", (x, y) => new GaussianMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats).Value),
            ("gaussian copula", (x, y) => new GaussianCopulaMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats).Value),
        };
        if (context.Settings.TryGetValue("lnc", out var lnc) && lnc is "1" or "true" or "yes")
        {
            // Off by default: with k = d it costs 140 s of the full run (25 x 25) and over-corrects beyond 1 + 1.
            estimators.Add(("lnc (k = max(5, d))", (x, y) => new LncMutualInformationEstimator(new LncOptions { K = Math.Max(5, x.Dimension + y.Dimension) }).Estimate(x, y, InformationUnit.Nats).Value));
        }
        var bounds = neural switch
        {
            "all" => Enum.GetValues<VariationalBound>(),
            "none" => [],
            _ => [VariationalBound.InfoNce],
        };
        foreach (var bound in bounds)
        {
            var options = new VariationalOptions { Bound = bound, Seed = seed };
            if (context.Quick)
            {
                options = options with { MaxSteps = 150, HiddenUnits = 16, BatchSize = 64 };
            }

            estimators.Add((bound.ToString().ToLowerInvariant(), (x, y) => new VariationalMutualInformationEstimator(options).Estimate(x, y, InformationUnit.Nats).Value));
        }

        var rows = new List<object[]>();
        var errors = new double[estimators.Count + 1][];
        for (int e = 0; e < errors.Length; e++)
        {
            errors[e] = new double[tasks.Count];
        }

        var seconds = new double[estimators.Count + 1];
        int within = 0;
        for (int t = 0; t < tasks.Count; t++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var task = tasks[t];
            context.Report(Name, task.Name, (double)t / tasks.Count);
            var (x, y) = task.Sample(n, seed + t);
            var row = new List<object> { task.Name, task.TrueMutualInformation };
            for (int e = 0; e < estimators.Count; e++)
            {
                var watch = Stopwatch.StartNew();
                double value = estimators[e].Run(x, y);
                seconds[e] += watch.Elapsed.TotalSeconds;
                errors[e][t] = value - task.TrueMutualInformation;
                row.Add(value);
            }

            var autoWatch = Stopwatch.StartNew();
            var auto = new AutoMutualInformationEstimator().EstimateWithDiagnostics(x, y, InformationUnit.Nats);
            seconds[^1] += autoWatch.Elapsed.TotalSeconds;
            errors[^1][t] = auto.Estimate.Value - task.TrueMutualInformation;
            bool ok = Math.Abs(errors[^1][t]) <= 0.1 + 0.15 * task.TrueMutualInformation;
            within += ok ? 1 : 0;
            row.Add(auto.Estimate.Value);
            row.Add(auto.StandardError);
            row.Add(auto.Choice);
            row.Add(ok ? "yes" : "no");
            rows.Add([.. row]);
        }

        var names = estimators.Select(e => e.Name).Append("auto").ToList();
        result.Tables.Add(new ResultTable("tasks", $"Estimates (nats) on each task, N = {n:N0}, seed {seed}; auto's choice and whether it is within 0.1 nats + 15% of the truth",
            ["task", "truth", .. names.Take(estimators.Count), "auto", "auto SE", "auto's choice", "within 0.1 + 15%"], rows));
        var summary = new List<object[]>();
        for (int e = 0; e < names.Count; e++)
        {
            double mae = errors[e].Average(Math.Abs);
            summary.Add([names[e], mae, errors[e].Max(Math.Abs), seconds[e]]);
            result.KeyNumbers[$"mae_{Slug(names[e])}_nats"] = mae;
        }

        result.Tables.Add(new ResultTable("summary", "Mean and largest absolute error (nats) over the tasks, and the total time (s)",
            ["estimator", "mean |error|", "max |error|", "seconds"], summary));
        result.KeyNumbers["n"] = n;
        result.KeyNumbers["tasks"] = tasks.Count;
        result.KeyNumbers["auto_within_tolerance"] = within;

        // Error against dimension: mean absolute error over the tasks of each d_x.
        var dims = tasks.Select(t => t.DimensionX).Distinct().Order().ToArray();
        var plot = Plots.Create($"Error against dimension on the Beyond-Normal tasks (N = {n:N0})", "d_x = d_y", "mean |estimate - truth| (nats)");
        Color[] palette = [Colors.SteelBlue, Colors.Navy, Colors.Gray, Colors.Green, Colors.OrangeRed, Colors.MediumPurple, Colors.Brown, Colors.DarkOrange, Colors.Black];
        for (int e = 0; e < names.Count; e++)
        {
            var ys = dims.Select(d => Enumerable.Range(0, tasks.Count).Where(t => tasks[t].DimensionX == d).Average(t => Math.Abs(errors[e][t]))).ToArray();
            Line(plot, dims.Select(d => (double)d).ToArray(), ys, names[e], palette[e % palette.Length], e == names.Count - 1 ? 3 : 1.5f);
        }

        plot.ShowLegend(Edge.Right); // outside: the InfoNCE curve starts in the upper left
        result.Figures.Add(new Figure("error-vs-dimension", "Mean absolute error of each estimator against the dimension of X (= that of Y), over the task families present at that dimension; auto is the thick line.", plot, 900, 560));
        if (bounds.Length > 0)
        {
            AddTrainingCurves(result, tasks, n, seed, bounds, context.Quick);
        }

        result.Paragraphs.Add(
            "Every task has a closed-form truth (Gaussian log-determinants, the Student-t entropy formula, the additive-noise " +
            "trapezoid) and the transformed tasks (half-cube, normal CDF, asinh, spiral, bimodal) keep the MI of their base. " +
            "KSG is good in low dimension and collapses beyond a few dimensions; the Gaussian copula is exact for Gaussian " +
            "dependence under any monotone marginals but blind to Student-t dependence and spirals; neural bounds sit below " +
            "the truth with this training budget. Auto checks the Gaussian copula against a Gaussian surrogate of the same " +
            "copula and reports the copula when KSG agrees with the surrogate; failing that (beyond 1 + 1) it fits a Student-t " +
            "copula and reports its closed-form MI when KSG agrees with a t surrogate (the Student-t tasks); otherwise KSG " +
            "with the closer surrogate's bias removed. Spirals beyond 3 x 3 remain under-estimated by every estimator here.");
        return result;
    }

    /// <summary>The training curve of each neural bound on the sparse-normal task of the largest dimension up to 5 x 5:
    /// the bound on the last training batch and on the validation split at every check, with the truth.</summary>
    private static void AddTrainingCurves(ExperimentResult result, IReadOnlyList<MutualInformationTask> tasks, int n, int seed, VariationalBound[] bounds, bool quick)
    {
        var task = tasks.Where(t => t.Family == MutualInformationTaskFamily.NormalSparse && t.DimensionX <= 5).MaxBy(t => t.DimensionX)
            ?? tasks.MinBy(t => t.DimensionX)!;
        var (x, y) = task.Sample(n, seed + 1000);
        var plot = Plots.Create($"Training curves on {task.Name} (N = {n:N0})", "training step", "bound (nats)");
        Color[] palette = [Colors.OrangeRed, Colors.MediumPurple, Colors.Brown, Colors.DarkOrange];
        var rows = new List<object[]>();
        double lastStep = 1;
        for (int b = 0; b < bounds.Length; b++)
        {
            var options = new VariationalOptions { Bound = bounds[b], Seed = seed };
            if (quick)
            {
                options = options with { MaxSteps = 150, HiddenUnits = 16, BatchSize = 64, EvaluationInterval = 25 };
            }

            var r = new VariationalMutualInformationEstimator(options).Train(x, y, InformationUnit.Nats);
            double[] steps = r.Curve.Select(c => (double)c.Step).ToArray();
            string name = bounds[b].ToString().ToLowerInvariant();
            var color = palette[b % palette.Length];
            Line(plot, steps, r.Curve.Select(c => c.TrainingBound).ToArray(), name + " train", color, 1);
            var held = Line(plot, steps, r.Curve.Select(c => c.ValidationBound).ToArray(), name + " held-out", color, 2.5f);
            held.LinePattern = LinePattern.Dashed;
            lastStep = Math.Max(lastStep, steps.Length > 0 ? steps[^1] : 1);
            foreach (var c in r.Curve)
            {
                rows.Add([name, c.Step, c.TrainingBound, c.ValidationBound]);
            }

            result.KeyNumbers[$"curve_checks_{name}"] = r.Curve.Count;
        }

        Line(plot, [0, lastStep], [task.TrueMutualInformation, task.TrueMutualInformation], "truth", Colors.Black, 1.5f);
        plot.ShowLegend(Alignment.LowerRight);
        result.Figures.Add(new Figure("training-curves", $"The neural bounds during training on {task.Name}: the bound on the last training batch (thin) and on the validation split that drives early stopping (dashed), against the truth.", plot, 900, 560));
        result.Tables.Add(new ResultTable("training-curves", $"Training and validation bound (nats) at each check on {task.Name}", ["bound", "step", "train", "held-out"], rows));
    }

    private static int Setting(ExperimentContext context, string key, int fallback) =>
        context.Settings.TryGetValue(key, out var s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out int v) ? v : fallback;

    private static string Slug(string label) => new(label.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());
}
