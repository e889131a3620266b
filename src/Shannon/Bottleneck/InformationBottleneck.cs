using System.Globalization;
using Shannon.Distributions;

namespace Shannon.Bottleneck;

/// <summary>
/// The information bottleneck of Tishby, Pereira &amp; Bialek (1999, arXiv:physics/0004057) on a joint table
/// p(x, y), and its generalisation by Strouse &amp; Schwab (2017, Neural Computation 29(6), eq. 13) that includes
/// the deterministic IB. For a trade-off beta the solver minimises L = H(T) - alpha H(T|X) - beta I(T;Y) over
/// encoders q(t|x) by iterating the self-consistent equations
/// <list type="bullet">
/// <item>q(t|x) proportional to exp([log q(t) - beta D(p(y|x) || q(y|t))] / alpha) (alpha &gt; 0; for alpha = 0 the
/// arg-max of the bracket, ties to the lowest t),</item>
/// <item>q(t) = sum_x p(x) q(t|x), and q(y|t) = sum_x q(t|x) p(x, y) / q(t),</item>
/// </list>
/// each sweep costing O(|X| |T| |Y|). The sweeps are annealed over beta (deterministic annealing, Slonim 2002,
/// ch. 3): a path starts from one cluster, and at each beta of the schedule merges clusters whose decoders
/// coincide, splits every cluster in two perturbed copies, and iterates to convergence. The deterministic IB's
/// hard sweeps cannot merge clusters, so for alpha = 0 each convergence is followed by greedy agglomerative merges
/// (the pair whose union lowers the objective most) and further sweeps, until no merge helps. A split survives only
/// above the cluster's critical beta, so the number of clusters grows with beta as the theory says. Each restart
/// is an independent path with its own seed (the paths run in parallel); the solution with the lowest objective is kept. The solver computes
/// in nats and converts once.
/// </summary>
public static class InformationBottleneck
{
    /// <summary>
    /// Solves the (generalised) IB at one beta, annealing from just below the critical beta
    /// (0.9 / rho^2, see <see cref="CriticalBeta"/>) up to <paramref name="beta"/> in steps of
    /// <see cref="InformationBottleneckOptions.AnnealingRatio"/>.
    /// </summary>
    /// <param name="joint">p(x, y), X = rows (a two-variable table).</param>
    /// <param name="beta">The trade-off, a finite number &gt; 0.</param>
    /// <param name="unit">The unit of the informations.</param>
    /// <param name="options">Options (null: <see cref="InformationBottleneckOptions.Default"/>).</param>
    /// <param name="progress">Receives one report per annealing step and restart; may be null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The best solution over the restarts.</returns>
    public static InformationBottleneckSolution Solve(
        JointDistribution joint, double beta, InformationUnit unit, InformationBottleneckOptions? options = null,
        IProgress<InformationBottleneckProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckJoint(joint);
        Preconditions.PositiveFinite(beta, nameof(beta));
        Preconditions.Unit(unit, nameof(unit));
        options ??= InformationBottleneckOptions.Default;
        options.Validate();
        CheckSize(joint, options);
        double betaC = CriticalBetaCore(joint);
        var schedule = Schedule(double.IsFinite(betaC) ? 0.9 * betaC : beta, beta, options.AnnealingRatio);
        var paths = RunPaths(joint, schedule, unit, options, progress, cancellationToken, keepAll: false);
        return Best(paths, schedule.Count - 1);
    }

    /// <summary>
    /// The information curve over a grid of betas: one annealing path per restart walks the grid in increasing
    /// order (starting from one cluster at the smallest beta); at each beta the restart with the lowest objective
    /// is kept; the Pareto front filters out dominated points.
    /// </summary>
    /// <param name="joint">p(x, y), X = rows.</param>
    /// <param name="betas">The grid: finite numbers &gt; 0, any order (sorted and de-duplicated here).</param>
    /// <param name="unit">The unit of the informations.</param>
    /// <param name="options">Options (null: defaults).</param>
    /// <param name="progress">One report per beta and restart; may be null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The curve.</returns>
    public static InformationCurve Curve(
        JointDistribution joint, IReadOnlyList<double> betas, InformationUnit unit, InformationBottleneckOptions? options = null,
        IProgress<InformationBottleneckProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckJoint(joint);
        ArgumentNullException.ThrowIfNull(betas);
        if (betas.Count == 0)
        {
            throw Preconditions.Error(nameof(betas), "non-empty", "an empty list");
        }

        for (int i = 0; i < betas.Count; i++)
        {
            if (!(betas[i] > 0) || !double.IsFinite(betas[i]))
            {
                throw Preconditions.OutOfRange(nameof(betas), "finite numbers > 0", $"{Preconditions.Format(betas[i])} at index {i}");
            }
        }

        Preconditions.Unit(unit, nameof(unit));
        options ??= InformationBottleneckOptions.Default;
        options.Validate();
        CheckSize(joint, options);
        var grid = betas.Distinct().Order().ToList();
        var paths = RunPaths(joint, grid, unit, options, progress, cancellationToken, keepAll: true);
        var best = new List<InformationBottleneckSolution>(grid.Count);
        for (int i = 0; i < grid.Count; i++)
        {
            best.Add(Best(paths, i));
        }

        double ixy = InformationUnits.FromNats(Measures.MutualInformationNats(joint.Probabilities, joint.Rows, joint.Columns), unit);
        return new InformationCurve(best, unit, ixy, CriticalBetaCore(joint));
    }

    /// <summary>
    /// The critical beta 1 / rho^2 below which the IB (alpha = 1) has only the trivial solution I(X;T) = 0, where rho
    /// is the Hirschfeld-Gebelein-Renyi maximal correlation of X and Y: the second singular value of the matrix
    /// p(x, y) / sqrt(p(x) p(y)) (Wu, Fischer, Chuang &amp; Tegmark 2019, "Learnability for the information
    /// bottleneck", thm. 3; for the doubly symmetric binary source with crossover p it is 1/(1 - 2p)^2).
    /// +infinity when X and Y are independent or either has one outcome.
    /// </summary>
    /// <param name="joint">p(x, y).</param>
    /// <returns>1 / rho^2.</returns>
    public static double CriticalBeta(JointDistribution joint)
    {
        CheckJoint(joint);
        return CriticalBetaCore(joint);
    }

    /// <summary>The empirical joint distribution of paired samples of two discrete variables coded 0..K-1.</summary>
    /// <param name="x">Codes of X (&gt;= 0).</param>
    /// <param name="y">Codes of Y (&gt;= 0), the same length as <paramref name="x"/>.</param>
    /// <returns>The table of relative frequencies, |X| = max(x) + 1 rows, |Y| = max(y) + 1 columns.</returns>
    public static JointDistribution EmpiricalJoint(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        if (x.IsEmpty)
        {
            throw Preconditions.Error(nameof(x), "non-empty", "an empty sequence");
        }

        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        int rows = 0, cols = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < 0)
            {
                throw Preconditions.Error(nameof(x), "codes >= 0", $"{x[i]} at index {i}");
            }

            if (y[i] < 0)
            {
                throw Preconditions.Error(nameof(y), "codes >= 0", $"{y[i]} at index {i}");
            }

            rows = Math.Max(rows, x[i] + 1);
            cols = Math.Max(cols, y[i] + 1);
        }

        var counts = new double[(long)rows * cols];
        for (int i = 0; i < x.Length; i++)
        {
            counts[((long)x[i] * cols) + y[i]] += 1;
        }

        return JointDistribution.FromCounts(counts, rows, cols);
    }

    /// <summary>
    /// The most cells of the encoder p(t|x) (rows of X times clusters) the solver holds: 2^25 = 33.5 M doubles
    /// (268 MB; the solver keeps about five arrays of that size). A 10^6-symbol X with as many clusters would need
    /// 10^12 and overflowed; it is refused with the way out.
    /// </summary>
    internal const long MaxEncoderCells = 1L << 25;

    private static void CheckSize(JointDistribution joint, InformationBottleneckOptions options)
    {
        long clusters = Math.Min(options.MaxClusters ?? joint.Rows, joint.Rows);
        if ((long)joint.Rows * clusters > MaxEncoderCells)
        {
            throw Preconditions.Error(nameof(joint),
                $"a table whose rows times clusters fit the solver (at most {MaxEncoderCells.ToString(CultureInfo.InvariantCulture)} cells)",
                $"{joint.Rows.ToString(CultureInfo.InvariantCulture)} rows and {clusters.ToString(CultureInfo.InvariantCulture)} clusters",
                "Merge rare values of X first, or set MaxClusters.");
        }
    }

    private static void CheckJoint(JointDistribution joint)
    {
        ArgumentNullException.ThrowIfNull(joint);
        if (joint.Rank != 2)
        {
            throw Preconditions.Error(nameof(joint), "a two-variable table p(x, y)", $"a table of {joint.Rank} variables");
        }
    }

    internal static double CriticalBetaCore(JointDistribution joint)
    {
        var pxy = joint.Probabilities;
        int nx = joint.Rows, ny = joint.Columns;
        var px = new double[nx];
        var py = new double[ny];
        for (int x = 0; x < nx; x++)
        {
            for (int y = 0; y < ny; y++)
            {
                px[x] += pxy[(x * ny) + y];
                py[y] += pxy[(x * ny) + y];
            }
        }

        var rows = Enumerable.Range(0, nx).Where(x => px[x] > 0).ToArray();
        var cols = Enumerable.Range(0, ny).Where(y => py[y] > 0).ToArray();
        if (rows.Length < 2 || cols.Length < 2)
        {
            return double.PositiveInfinity;
        }

        // The singular values of the tall matrix B (m >= n, transposed if need be) are those of the n x n factor R of
        // its thin QR decomposition: the SVD itself builds an m x m workspace, which overflows for a 10^6-symbol X.
        var pxyCopy = joint.ToArray();
        bool tall = rows.Length >= cols.Length;
        int m = tall ? rows.Length : cols.Length, n = tall ? cols.Length : rows.Length;
        var b = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, n, (i, j) =>
        {
            int x = rows[tall ? i : j], y = cols[tall ? j : i];
            return pxyCopy[(x * ny) + y] / (Math.Sqrt(px[x]) * Math.Sqrt(py[y]));
        });
        var r = m > n ? b.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R : b;
        var s = r.Svd(computeVectors: false).S;
        double rho = s.Count > 1 ? s[1] : 0;
        return rho > 1e-12 ? 1.0 / (rho * rho) : double.PositiveInfinity;
    }

    private static InformationBottleneckSolution Best(List<InformationBottleneckSolution[]> paths, int index)
    {
        var best = paths[0][index];
        for (int r = 1; r < paths.Count; r++)
        {
            var s = paths[r][index];
            if (s.ObjectiveNats < best.ObjectiveNats - 1e-13)
            {
                best = s;
            }
        }

        return best;
    }

    private static List<InformationBottleneckSolution[]> RunPaths(
        JointDistribution joint, List<double> schedule, InformationUnit unit, InformationBottleneckOptions options,
        IProgress<InformationBottleneckProgress>? progress, CancellationToken cancellationToken, bool keepAll)
    {
        // The restarts are independent paths (each with its own seed and state), so they run in parallel; the
        // result does not depend on the number of cores. Up to twice as many threads as cores each run one path, so
        // that an odd number of paths shares the cores evenly (three paths on two cores take 1.5 path-times, not
        // two); more paths are dealt to one thread per core, in turn. Progress reports are serialised, in completion order.
        cancellationToken.ThrowIfCancellationRequested();
        var paths = new InformationBottleneckSolution[options.Restarts][];
        double total = (double)options.Restarts * schedule.Count;
        int reported = 0;
        var gate = new object();
        int restarts = options.Restarts, cores = Environment.ProcessorCount;
        int threads = restarts <= 2 * cores ? restarts : cores;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        void Work(int thread)
        {
            try
            {
                for (int r = thread; r < restarts; r += threads)
                {
                    int restart = r;
                    paths[r] = RunPath(joint, schedule, unit, options, r, stop.Token, keepAll, (beta, solution) =>
                    {
                        if (progress is not null)
                        {
                            lock (gate)
                            {
                                reported++;
                                progress.Report(new InformationBottleneckProgress(beta, restart, reported / total, solution.MutualInformationXT, solution.MutualInformationTY));
                            }
                        }
                    });
                }
            }
            catch (Exception e)
            {
                // The first failure is kept (a cancellation of the others that it causes is not), and stops the rest.
                if (Interlocked.CompareExchange(ref failure, e, null) is null)
                {
                    stop.Cancel();
                }
            }
        }

        var others = new Task[threads - 1];
        for (int j = 1; j < threads; j++)
        {
            int thread = j;
            others[j - 1] = Task.Factory.StartNew(() => Work(thread), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Work(0);
        Task.WaitAll(others);
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return [.. paths];
    }

    private static InformationBottleneckSolution[] RunPath(
        JointDistribution joint, List<double> schedule, InformationUnit unit, InformationBottleneckOptions options, int r,
        CancellationToken cancellationToken, bool keepAll, Action<double, InformationBottleneckSolution> report)
    {
        {
            var state = new BottleneckState(joint, options.MaxClusters ?? joint.Rows, SeedOf(options.Seed, r));
            var solutions = new InformationBottleneckSolution[schedule.Count];
            for (int i = 0; i < schedule.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pairs = state.Split(options.Alpha, options.SplitPerturbation);
                int iterations = 0;
                if (options.Alpha > 0 && pairs.Count > 0)
                {
                    // Does each split take? A short burst of sweeps; copies whose decoders moved closer together are
                    // below their cluster's critical beta and are merged back at once (Rose 1998, sec. III.B).
                    var before = pairs.Select(p => state.DecoderDistance(p.Cluster, p.Copy)).ToArray();
                    iterations += state.Iterate(schedule[i], options.Alpha, SplitBurst, 0, cancellationToken).Iterations;
                    state.Unsplit([.. pairs.Where((p, j) => state.DecoderDistance(p.Cluster, p.Copy) < before[j])]);
                }

                var (more, converged) = state.Iterate(schedule[i], options.Alpha, options.MaxIterations, options.Tolerance, cancellationToken, options.Accelerate);
                iterations += more;
                for (int round = 0; round < 32 && state.MergeRound(schedule[i], options.Alpha, options.MergeTolerance) > 0; round++)
                {
                    var (extra, done) = state.Iterate(schedule[i], options.Alpha, options.MaxIterations, options.Tolerance, cancellationToken, options.Accelerate);
                    iterations += extra;
                    converged = done;
                }

                if (keepAll || i == schedule.Count - 1)
                {
                    solutions[i] = state.Snapshot(schedule[i], options.Alpha, unit, converged, iterations);
                    report(schedule[i], solutions[i]);
                }
            }

            return solutions;
        }
    }

    /// <summary>Annealing steps taken at <see cref="InformationBottleneckOptions.AnnealingRatio"/> before the schedule widens its steps.</summary>
    internal const int FineAnnealingSteps = 200;

    /// <summary>The most steps the schedule takes after the fine part to reach the target beta.</summary>
    internal const int CoarseAnnealingSteps = 50;

    /// <summary>
    /// The annealing schedule from <paramref name="start"/> up to <paramref name="beta"/>: steps of
    /// <paramref name="ratio"/> for at most <see cref="FineAnnealingSteps"/> steps (a factor of 1.15^200 = 1.4e12 at
    /// the default ratio, far past the splits of any table that fits in memory), then at most
    /// <see cref="CoarseAnnealingSteps"/> equal steps in log beta to the target, so that a beta of 1e308 costs a
    /// bounded number of solves (it took 5,000 before).
    /// </summary>
    internal static List<double> Schedule(double start, double beta, double ratio)
    {
        var schedule = new List<double>();
        double b = start;
        for (int i = 0; b < beta && i < FineAnnealingSteps; i++, b *= ratio)
        {
            schedule.Add(b);
        }

        if (b < beta)
        {
            // Geometric steps from b to beta, no finer than the ratio: ln(beta / b) split in at most CoarseAnnealingSteps.
            double logSpan = Math.Log(beta) - Math.Log(b);
            int steps = (int)Math.Min(CoarseAnnealingSteps, Math.Ceiling(logSpan / Math.Log(ratio)));
            double logStep = logSpan / steps;
            for (int i = 0; i < steps; i++)
            {
                schedule.Add(Math.Exp(Math.Log(b) + (i * logStep)));
            }
        }

        schedule.Add(beta);
        return schedule;
    }

    /// <summary>Sweeps after a split before testing whether it takes.</summary>
    private const int SplitBurst = 25;

    private static int SeedOf(int seed, int restart) => unchecked((seed * 1_000_003) + restart);

    internal static string Describe(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
