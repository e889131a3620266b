using System.Globalization;

namespace Shannon.Estimators.Continuous;

/// <summary>The variational lower bound a neural estimator maximises and reports.</summary>
public enum VariationalBound
{
    /// <summary>InfoNCE (van den Oord, Li and Vinyals 2018, arXiv:1807.03748, eq. 4; Poole et al. 2019, eq. 12):
    /// E[f(x_i, y_i) - ln (1/B) sum_j exp f(x_i, y_j)]. Low variance, but never above ln B for a batch of B.</summary>
    InfoNce = 1,

    /// <summary>NWJ (Nguyen, Wainwright and Jordan 2010, doi:10.1109/TIT.2010.2068870; Poole et al. eq. 9):
    /// E_P[f] - e^-1 E_Q[e^f]. Unbiased batch value, high variance when the MI is large.</summary>
    Nwj = 2,

    /// <summary>MINE (Belghazi et al. 2018, ICML, eqs. 9-12): the Donsker-Varadhan bound E_P[f] - ln E_Q[e^f], trained
    /// with the bias-corrected gradient that divides by a moving average of E_Q[e^f].</summary>
    Mine = 3,

    /// <summary>SMILE (Song and Ermon 2020, ICLR, eq. 17): the critic trained on the Jensen-Shannon bound, the value
    /// reported by Donsker-Varadhan with e^f clipped to [e^-tau, e^tau] on the negatives (lower variance, some bias).</summary>
    Smile = 4,
}

/// <summary>The form of the critic f(x, y).</summary>
public enum CriticArchitecture
{
    /// <summary>f(x, y) = g(x) . h(y), two ReLU networks: all B^2 batch scores from 2B network passes.</summary>
    Separable = 1,

    /// <summary>f(x, y) = MLP([x, y]): more expressive, B^2 passes of the upper layers per batch.</summary>
    Joint = 2,
}

/// <summary>Options of <see cref="VariationalMutualInformationEstimator"/>.</summary>
/// <remarks>Defaults follow Poole et al. 2019 and Song and Ermon 2020 (batch 128, Adam, ReLU networks of width
/// 64 to 256; 64 here for speed), SMILE's tau = 5 and MINE's moving-average rate 0.01 (Belghazi et al.).</remarks>
public sealed record VariationalOptions
{
    /// <summary>SMILE, separable critic, defaults below.</summary>
    public static VariationalOptions Default { get; } = new();

    /// <summary>The bound (default <see cref="VariationalBound.Smile"/>).</summary>
    public VariationalBound Bound { get; init; } = VariationalBound.Smile;

    /// <summary>The critic (default <see cref="CriticArchitecture.Separable"/>).</summary>
    public CriticArchitecture Critic { get; init; } = CriticArchitecture.Separable;

    /// <summary>Hidden units per layer (default 64).</summary>
    public int HiddenUnits { get; init; } = 64;

    /// <summary>The separable critic's embedding size (default 32).</summary>
    public int EmbeddingSize { get; init; } = 32;

    /// <summary>The batch size B (default 128; the joint critic uses at most 64).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam's step size (default 1e-3).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>The most training steps (default 3000).</summary>
    public int MaxSteps { get; init; } = 3000;

    /// <summary>Steps between validation checks (default 100).</summary>
    public int EvaluationInterval { get; init; } = 100;

    /// <summary>Validation checks without improvement before stopping (default 5).</summary>
    public int Patience { get; init; } = 5;

    /// <summary>The fraction of samples held out for the reported value (default 0.2).</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>The fraction held out for early stopping (default 0.1); the rest trains.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>SMILE's clip tau (default 5).</summary>
    public double SmileClip { get; init; } = 5;

    /// <summary>MINE's moving-average rate (default 0.01).</summary>
    public double MineAverageRate { get; init; } = 0.01;

    /// <summary>The marginal map of the inputs (default normal scores: invariant, and heavy tails stop dominating training).</summary>
    public MarginalPreprocessing Preprocessing { get; init; } = MarginalPreprocessing.NormalScores;

    /// <summary>The seed of the split, the initial weights and the batches (default 0).</summary>
    public int Seed { get; init; }
}

/// <summary>One validation check of the training.</summary>
/// <param name="Step">The step after which it was made.</param>
/// <param name="TrainingBound">The bound on the last training batch, in nats.</param>
/// <param name="ValidationBound">The bound on the validation split, in nats.</param>
public sealed record VariationalCheckpoint(int Step, double TrainingBound, double ValidationBound);

/// <summary>The result of a variational estimator: the held-out estimate and how the training went.</summary>
/// <param name="Estimate">The bound on the test split (never used for training or stopping), in the unit asked for.</param>
/// <param name="Bound">The bound.</param>
/// <param name="StandardError">The standard error of the test value from its spread over test blocks, in the unit.</param>
/// <param name="Ceiling">For InfoNCE, ln B of the evaluation blocks in the unit (the estimate cannot exceed it); null otherwise.</param>
/// <param name="Iterations">Training steps taken.</param>
/// <param name="Converged">Whether training stopped early because the validation bound stopped improving.</param>
/// <param name="Curve">The validation checks in order (the training-curve figure's data).</param>
public sealed record VariationalMutualInformationResult(
    ContinuousEstimate Estimate, VariationalBound Bound, double StandardError, double? Ceiling, int Iterations, bool Converged,
    IReadOnlyList<VariationalCheckpoint> Curve);

/// <summary>
/// Neural (variational) estimators of I(X;Y): a critic network trained to maximise a lower bound on the MI
/// (InfoNCE, NWJ, MINE, SMILE; Poole, Ozair, van den Oord, Alemi and Tucker, "On variational bounds of mutual
/// information", ICML 2019), on the library's own small networks (no ML framework).
/// </summary>
/// <remarks>
/// <para>The samples are split by the seed into training, validation (early stopping: the parameters of the best
/// validation check are kept) and test; the reported value is the bound on the test split, in blocks of B samples,
/// so it is an honest held-out estimate of a lower bound: it can fall below the truth (an under-trained critic) and,
/// for NWJ, MINE and SMILE, scatter above it by its standard error. InfoNCE is at most ln B (B the evaluation
/// block); the result says so when the value is near it. Deterministic for a seed (parallel work is reduced in a
/// fixed order). Cost: O(steps B (d H + H^2)) for the separable critic, O(steps B^2 H^2) for the joint one.</para>
/// </remarks>
public sealed class VariationalMutualInformationEstimator
{
    /// <summary>An estimator with <see cref="VariationalOptions.Default"/>.</summary>
    public VariationalMutualInformationEstimator()
        : this(VariationalOptions.Default)
    {
    }

    /// <summary>An estimator with the given options, checked here.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown bound or critic, or a size, rate or fraction out of range (the message names it).</exception>
    public VariationalMutualInformationEstimator(VariationalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Bound is < VariationalBound.InfoNce or > VariationalBound.Smile)
        {
            throw Preconditions.OutOfRange("bound", "InfoNce, Nwj, Mine or Smile", ContinuousInput.Text((int)options.Bound));
        }

        if (options.Critic is not (CriticArchitecture.Separable or CriticArchitecture.Joint))
        {
            throw Preconditions.OutOfRange("critic", "Separable or Joint", ContinuousInput.Text((int)options.Critic));
        }

        Preconditions.Positive(options.HiddenUnits, "hiddenUnits");
        Preconditions.Positive(options.EmbeddingSize, "embeddingSize");
        if (options.BatchSize < 2)
        {
            throw Preconditions.OutOfRange("batchSize", ">= 2", ContinuousInput.Text(options.BatchSize));
        }

        Preconditions.PositiveFinite(options.LearningRate, "learningRate");
        Preconditions.Positive(options.MaxSteps, "maxSteps");
        Preconditions.Positive(options.EvaluationInterval, "evaluationInterval");
        Preconditions.Positive(options.Patience, "patience");
        // Each fraction is named as itself with its own value (a bad validationFraction used to be reported as testFraction).
        if (!(options.TestFraction > 0 && options.TestFraction + (options.ValidationFraction > 0 ? options.ValidationFraction : 0) < 0.9))
        {
            throw Preconditions.OutOfRange("testFraction", "positive, with validationFraction positive and their sum below 0.9",
                ContinuousInput.Text(options.TestFraction));
        }

        if (!(options.ValidationFraction > 0 && options.TestFraction + options.ValidationFraction < 0.9))
        {
            throw Preconditions.OutOfRange("validationFraction", "positive, with testFraction positive and their sum below 0.9",
                ContinuousInput.Text(options.ValidationFraction));
        }

        Preconditions.Preprocessing(options.Preprocessing);

        Preconditions.PositiveFinite(options.SmileClip, "smileClip");
        Preconditions.InRange(options.MineAverageRate, 1e-6, 1, "mineAverageRate");
        Options = options;
    }

    /// <summary>The options.</summary>
    public VariationalOptions Options { get; }

    /// <summary>The held-out estimate of I(X;Y).</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="y">N samples of Y.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The estimate.</returns>
    public ContinuousEstimate Estimate(Samples x, Samples y, InformationUnit unit) => Train(x, y, unit).Estimate;

    /// <summary>Trains the critic and returns the held-out estimate with the training diagnostics.</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="y">N samples of Y, paired row by row.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="progress">Receives each validation check (optional).</param>
    /// <param name="cancellationToken">Stops the training (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">Unequal counts, a constant column, or too few samples for the split and the batch.</exception>
    public VariationalMutualInformationResult Train(Samples x, Samples y, InformationUnit unit,
        IProgress<VariationalCheckpoint>? progress = null, CancellationToken cancellationToken = default)
    {
        Preconditions.NonConstantPair(x, y, unit);
        int n = x.Count;
        int batch = Options.Critic == CriticArchitecture.Joint ? Math.Min(64, Options.BatchSize) : Options.BatchSize;
        int nTest = (int)(n * Options.TestFraction), nValidation = (int)(n * Options.ValidationFraction);
        int nTrain = n - nTest - nValidation;
        if (nTest < batch || nValidation < batch || nTrain < batch)
        {
            throw Preconditions.Error("x", $"enough samples for batches of {batch} in each of the training, validation and test splits",
                $"{ContinuousInput.Text(n)} samples", "Add samples or lower the batch size.");
        }

        var random = new Random(Options.Seed);
        double[][] xs = KnnMutualInformationEstimator.Prepare(x, Options.Preprocessing == MarginalPreprocessing.None ? MarginalPreprocessing.None : Options.Preprocessing);
        double[][] ys = KnnMutualInformationEstimator.Prepare(y, Options.Preprocessing);
        if (Options.Preprocessing == MarginalPreprocessing.Ranks)
        {
            xs = ContinuousInput.Prepare(Samples.FromColumns(xs), true, 0, null);
            ys = ContinuousInput.Prepare(Samples.FromColumns(ys), true, 0, null);
        }

        int[] order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        int[] train = order[..nTrain], validation = order[nTrain..(nTrain + nValidation)], test = order[(nTrain + nValidation)..];

        var parameters = new AdamParameters();
        ICritic critic = Options.Critic == CriticArchitecture.Separable
            ? new SeparableCritic(xs.Length, ys.Length, Options.HiddenUnits, Options.EmbeddingSize, parameters, random)
            : new JointCritic(xs.Length, ys.Length, Options.HiddenUnits, Math.Max(8, Options.HiddenUnits / 2), parameters, random);

        var curve = new List<VariationalCheckpoint>();
        double best = double.NegativeInfinity;
        double[][] bestParameters = parameters.Snapshot();
        int sinceBest = 0, steps = 0;
        bool converged = false, diverged = false;
        double logMovingAverage = double.NaN; // MINE's ln of the moving average of E_Q[e^f]
        var bx = new double[batch * xs.Length];
        var by = new double[batch * ys.Length];
        int cursor = nTrain;
        double lastTrain = double.NaN;
        while (steps < Options.MaxSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (cursor + batch > nTrain)
            {
                random.Shuffle(train);
                cursor = 0;
            }

            Gather(xs, train, cursor, batch, bx);
            Gather(ys, train, cursor, batch, by);
            cursor += batch;
            double[] s = critic.Scores(bx, by, batch);
            var (value, gradient) = Objective(s, batch, ref logMovingAverage);
            lastTrain = value;
            parameters.ZeroGradients();
            critic.Backward(gradient);
            parameters.Step(Options.LearningRate);
            steps++;
            if (!parameters.AllFinite())
            {
                diverged = true;
                break;
            }

            if (steps % Options.EvaluationInterval == 0 || steps == Options.MaxSteps)
            {
                double v = Evaluate(critic, xs, ys, validation, batch).Mean;
                var checkpoint = new VariationalCheckpoint(steps, lastTrain, v);
                curve.Add(checkpoint);
                progress?.Report(checkpoint);
                if (v > best)
                {
                    best = v;
                    bestParameters = parameters.Snapshot();
                    sinceBest = 0;
                }
                else if (++sinceBest >= Options.Patience)
                {
                    converged = true;
                    break;
                }
            }
        }

        parameters.Restore(bestParameters);
        int evalBlock = batch;
        var (mean, se) = Evaluate(critic, xs, ys, test, evalBlock);
        var warnings = new List<string>();
        if (diverged)
        {
            warnings.Add($"Training diverged (non-finite weights) at step {steps}; the parameters of the best validation check are reported.");
        }

        if (!converged && !diverged)
        {
            warnings.Add($"The validation bound was still improving after {steps} steps (MaxSteps); the estimate may be low.");
        }

        double? ceiling = null;
        if (Options.Bound == VariationalBound.InfoNce)
        {
            ceiling = Math.Log(evalBlock);
            if (mean > ceiling.Value - 1)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"InfoNCE ({mean:G4} nats) is near its ceiling ln B = {ceiling.Value:G4} nats for blocks of B = {evalBlock}: the true MI may be larger."));
            }
        }

        string name = Options.Bound switch
        {
            VariationalBound.InfoNce => "infonce",
            VariationalBound.Nwj => "nwj",
            VariationalBound.Mine => "mine",
            _ => "smile",
        } + (Options.Critic == CriticArchitecture.Joint ? "-joint" : "");
        var estimate = ContinuousInput.Result(mean, unit, n, name, null, 0, null, warnings);
        return new VariationalMutualInformationResult(estimate, Options.Bound, InformationUnits.FromNats(se, unit),
            ceiling is double c ? InformationUnits.FromNats(c, unit) : null, steps, converged, curve.AsReadOnly());
    }

    private static void Gather(double[][] columns, int[] rows, int start, int count, double[] destination)
    {
        int d = columns.Length;
        for (int b = 0; b < count; b++)
        {
            int r = rows[start + b];
            for (int j = 0; j < d; j++)
            {
                destination[b * d + j] = columns[j][r];
            }
        }
    }

    /// <summary>The bound's value on one B x B score matrix (diagonal: joint pairs) and the gradient of the training objective.</summary>
    private (double Value, double[] Gradient) Objective(double[] s, int b, ref double logMovingAverage)
    {
        var g = new double[b * b];
        double value = Value(s, b);
        double offCount = (double)b * (b - 1);
        switch (Options.Bound)
        {
            case VariationalBound.InfoNce:
                for (int i = 0; i < b; i++)
                {
                    double lse = LogSumExp(s.AsSpan(i * b, b), -1);
                    for (int j = 0; j < b; j++)
                    {
                        g[i * b + j] = ((i == j ? 1 : 0) - Math.Exp(s[i * b + j] - lse)) / b;
                    }
                }

                break;
            case VariationalBound.Nwj:
                for (int p = 0; p < s.Length; p++)
                {
                    g[p] = p % (b + 1) == 0 ? 1.0 / b : -Math.Exp(s[p] - 1) / offCount;
                }

                break;
            case VariationalBound.Mine:
            {
                double logMean = LogMeanExpOffDiagonal(s, b, double.PositiveInfinity);
                double rate = Options.MineAverageRate;
                logMovingAverage = double.IsNaN(logMovingAverage)
                    ? logMean
                    : Math.Max(Math.Log(rate) + logMean, Math.Log(1 - rate) + logMovingAverage)
                      + Math.Log(1 + Math.Exp(-Math.Abs(Math.Log(rate) + logMean - Math.Log(1 - rate) - logMovingAverage)));
                for (int p = 0; p < s.Length; p++)
                {
                    g[p] = p % (b + 1) == 0 ? 1.0 / b : -Math.Exp(s[p] - logMovingAverage) / offCount;
                }

                break;
            }

            default: // SMILE: train on Jensen-Shannon, E_P[-softplus(-f)] - E_Q[softplus(f)]
                for (int p = 0; p < s.Length; p++)
                {
                    g[p] = p % (b + 1) == 0 ? Sigmoid(-s[p]) / b : -Sigmoid(s[p]) / offCount;
                }

                break;
        }

        return (value, g);
    }

    /// <summary>The reported bound on one block's scores, in nats.</summary>
    private double Value(double[] s, int b)
    {
        double diagonal = 0;
        for (int i = 0; i < b; i++)
        {
            diagonal += s[i * b + i];
        }

        diagonal /= b;
        switch (Options.Bound)
        {
            case VariationalBound.InfoNce:
            {
                double sum = 0;
                for (int i = 0; i < b; i++)
                {
                    sum += LogSumExp(s.AsSpan(i * b, b), -1);
                }

                return diagonal - sum / b + Math.Log(b);
            }

            case VariationalBound.Nwj:
            {
                double sum = 0;
                for (int p = 0; p < s.Length; p++)
                {
                    if (p % (b + 1) != 0)
                    {
                        sum += Math.Exp(s[p] - 1);
                    }
                }

                return diagonal - sum / ((double)b * (b - 1));
            }

            case VariationalBound.Mine:
                return diagonal - LogMeanExpOffDiagonal(s, b, double.PositiveInfinity);
            default:
                return diagonal - LogMeanExpOffDiagonal(s, b, Options.SmileClip);
        }
    }

    private (double Mean, double StandardError) Evaluate(ICritic critic, double[][] xs, double[][] ys, int[] rows, int block)
    {
        int blocks = rows.Length / block;
        var bx = new double[block * xs.Length];
        var by = new double[block * ys.Length];
        var values = new double[blocks];
        for (int t = 0; t < blocks; t++)
        {
            Gather(xs, rows, t * block, block, bx);
            Gather(ys, rows, t * block, block, by);
            values[t] = Value(critic.Scores(bx, by, block), block);
        }

        double mean = values.Average();
        double sd = blocks > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (blocks - 1)) : double.NaN;
        return (mean, sd / Math.Sqrt(blocks));
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double LogSumExp(ReadOnlySpan<double> v, int skip)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < v.Length; i++)
        {
            if (i != skip && v[i] > max)
            {
                max = v[i];
            }
        }

        double sum = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (i != skip)
            {
                sum += Math.Exp(v[i] - max);
            }
        }

        return max + Math.Log(sum);
    }

    /// <summary>ln of the mean of exp(clip(S_ij, -tau, tau)) over the off-diagonal pairs.</summary>
    private static double LogMeanExpOffDiagonal(double[] s, int b, double clip)
    {
        double max = double.NegativeInfinity;
        for (int p = 0; p < s.Length; p++)
        {
            if (p % (b + 1) != 0)
            {
                max = Math.Max(max, Math.Clamp(s[p], -clip, clip));
            }
        }

        double sum = 0;
        for (int p = 0; p < s.Length; p++)
        {
            if (p % (b + 1) != 0)
            {
                sum += Math.Exp(Math.Clamp(s[p], -clip, clip) - max);
            }
        }

        return max + Math.Log(sum / ((double)b * (b - 1)));
    }
}
