namespace Shannon.Bottleneck;

/// <summary>
/// Options of the information-bottleneck solver (<see cref="InformationBottleneck"/>). Validated once by the
/// solver; every default is stated with where it comes from.
/// </summary>
public sealed record InformationBottleneckOptions
{
    /// <summary>The defaults: the IB of Tishby, Pereira &amp; Bialek (alpha = 1), three seeded restarts.</summary>
    public static InformationBottleneckOptions Default { get; } = new();

    /// <summary>
    /// The generalised-IB parameter alpha in [0, 1] (Strouse &amp; Schwab 2017, eq. 13): the solver minimises
    /// L = H(T) - alpha H(T|X) - beta I(T;Y). alpha = 1 is the IB of Tishby et al. (L = I(X;T) - beta I(T;Y));
    /// alpha = 0 is the deterministic IB (L = H(T) - beta I(T;Y)), whose encoder is a hard assignment.
    /// Default 1.
    /// </summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>
    /// The largest number of clusters |T|; null means |X|, which is always enough (an optimal encoder never needs
    /// more clusters than inputs). Annealing starts from one cluster and splits, so fewer are used in practice.
    /// </summary>
    public int? MaxClusters { get; init; }

    /// <summary>The most sweeps of the self-consistent equations per beta. Default 2000.</summary>
    public int MaxIterations { get; init; } = 2000;

    /// <summary>
    /// Convergence: the sweeps stop when the objective L (in nats) changes by at most this between two sweeps, the
    /// rule of Strouse &amp; Schwab's reference code (which uses 1e-4 by default). Default 1e-7 nats; the reference tests use 1e-13.
    /// </summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>
    /// The number of independent annealing paths (restarts), each with its own seed derived from <see cref="Seed"/>;
    /// at every beta the solution with the lowest objective is kept. Default 3.
    /// </summary>
    public int Restarts { get; init; } = 3;

    /// <summary>
    /// Accelerates the sweeps of the soft encoders (alpha &gt; 0) with SQUAREM (Varadhan &amp; Roland 2008): every two
    /// plain sweeps, the marginals are extrapolated along their last two steps and one sweep is made from there,
    /// kept only when it does not raise the objective. The convergence test and the returned state still come from
    /// plain sweeps. Near the splits the sweeps converge slowly; there this takes about a quarter of the sweeps.
    /// The objective is not convex, so an accelerated run can settle in a different local optimum from a plain one;
    /// <c>benchmarks/Shannon.Benchmarks.Bottleneck -- ibquality</c> compares both against the best of many restarts.
    /// Default true.
    /// </summary>
    public bool Accelerate { get; init; } = true;

    /// <summary>The seed of the split perturbations. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The relative perturbation in (0, 0.5) when a cluster is split in two: each x sends (1/2 + e u) of its
    /// weight to one copy and (1/2 - e u) to the other, with u uniform in [-1, 1]. Default 0.1.
    /// </summary>
    public double SplitPerturbation { get; init; } = 0.1;

    /// <summary>
    /// Two clusters are merged when their union changes the objective by at most this many nats (unions that lower
    /// it included): copies from a split that did not take, and clusters of negligible weight. Default 1e-9 nats.
    /// </summary>
    public double MergeTolerance { get; init; } = 1e-9;

    /// <summary>
    /// The ratio between consecutive betas of the annealing schedule that <see cref="InformationBottleneck.Solve(Distributions.JointDistribution, double, InformationUnit, InformationBottleneckOptions?, IProgress{InformationBottleneckProgress}?, CancellationToken)"/>
    /// walks from just below the critical beta up to the target. Default 1.15.
    /// </summary>
    public double AnnealingRatio { get; init; } = 1.15;

    internal void Validate()
    {
        Preconditions.InRange(Alpha, 0, 1, nameof(Alpha));
        if (MaxClusters is int k)
        {
            Preconditions.Positive(k, nameof(MaxClusters));
        }

        Preconditions.Positive(MaxIterations, nameof(MaxIterations));
        Preconditions.PositiveFinite(Tolerance, nameof(Tolerance));
        Preconditions.Positive(Restarts, nameof(Restarts));
        if (!(SplitPerturbation > 0 && SplitPerturbation < 0.5))
        {
            throw Preconditions.OutOfRange(nameof(SplitPerturbation), "in (0, 0.5)", Preconditions.Format(SplitPerturbation));
        }

        Preconditions.PositiveFinite(MergeTolerance, nameof(MergeTolerance));
        if (!(AnnealingRatio > 1) || !double.IsFinite(AnnealingRatio))
        {
            throw Preconditions.OutOfRange(nameof(AnnealingRatio), "a finite number > 1", Preconditions.Format(AnnealingRatio));
        }
    }
}

/// <summary>Progress of an information-bottleneck run: one report per beta of the schedule and restart.</summary>
/// <param name="Beta">The beta just solved.</param>
/// <param name="Restart">The restart (0-based).</param>
/// <param name="Fraction">Done so far, in [0, 1].</param>
/// <param name="MutualInformationXT">I(X;T) of the solution just found, in the unit asked for.</param>
/// <param name="MutualInformationTY">I(T;Y) of the solution just found, in the unit asked for.</param>
public readonly record struct InformationBottleneckProgress(double Beta, int Restart, double Fraction, double MutualInformationXT, double MutualInformationTY);
