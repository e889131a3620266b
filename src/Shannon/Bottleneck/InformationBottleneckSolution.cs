namespace Shannon.Bottleneck;

/// <summary>
/// A solution of the (generalised) information bottleneck at one beta: the encoder q(t|x), the cluster marginal
/// q(t), the decoder q(y|t), the two informations and the objective, with the convergence report.
/// Only clusters in use (q(t) &gt; 0 and distinct decoders) are kept.
/// </summary>
public sealed class InformationBottleneckSolution
{
    private readonly double[] _encoder;
    private readonly double[] _clusterProbabilities;
    private readonly double[] _decoder;

    internal InformationBottleneckSolution(
        double beta, double alpha, InformationUnit unit, int inputCount, int clusterCount, int outputCount,
        double[] encoder, double[] clusterProbabilities, double[] decoder,
        double ixtNats, double ityNats, double htNats, bool converged, int iterations)
    {
        Beta = beta;
        Alpha = alpha;
        Unit = unit;
        InputCount = inputCount;
        ClusterCount = clusterCount;
        OutputCount = outputCount;
        _encoder = encoder;
        _clusterProbabilities = clusterProbabilities;
        _decoder = decoder;
        MutualInformationXTNats = ixtNats;
        MutualInformationTYNats = ityNats;
        ClusterEntropyNats = htNats;
        Converged = converged;
        Iterations = iterations;
    }

    /// <summary>The trade-off parameter beta.</summary>
    public double Beta { get; }

    /// <summary>The generalised-IB parameter (1: IB, 0: deterministic IB).</summary>
    public double Alpha { get; }

    /// <summary>The unit of the informations and the objective.</summary>
    public InformationUnit Unit { get; }

    /// <summary>|X|.</summary>
    public int InputCount { get; }

    /// <summary>The number of clusters in use, |T|.</summary>
    public int ClusterCount { get; }

    /// <summary>|Y|.</summary>
    public int OutputCount { get; }

    /// <summary>The encoder q(t|x), row-major: entry x * ClusterCount + t.</summary>
    public ReadOnlySpan<double> Encoder => _encoder;

    /// <summary>The cluster marginal q(t) = sum_x p(x) q(t|x).</summary>
    public ReadOnlySpan<double> ClusterProbabilities => _clusterProbabilities;

    /// <summary>The decoder q(y|t), row-major: entry t * OutputCount + y.</summary>
    public ReadOnlySpan<double> Decoder => _decoder;

    /// <summary>I(X;T), the compression term (the rate), in <see cref="Unit"/>.</summary>
    public double MutualInformationXT => InformationUnits.FromNats(MutualInformationXTNats, Unit);

    /// <summary>I(T;Y), the relevant information, in <see cref="Unit"/>.</summary>
    public double MutualInformationTY => InformationUnits.FromNats(MutualInformationTYNats, Unit);

    /// <summary>H(T), in <see cref="Unit"/>.</summary>
    public double ClusterEntropy => InformationUnits.FromNats(ClusterEntropyNats, Unit);

    /// <summary>
    /// The objective L = H(T) - alpha H(T|X) - beta I(T;Y), in <see cref="Unit"/> (for alpha = 1 this is
    /// I(X;T) - beta I(T;Y)). Lower is better.
    /// </summary>
    public double Objective => InformationUnits.FromNats(ObjectiveNats, Unit);

    /// <summary>Whether the last sweeps met the tolerance before the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>The sweeps of the self-consistent equations spent at this beta (by the kept restart).</summary>
    public int Iterations { get; }

    internal double MutualInformationXTNats { get; }

    internal double MutualInformationTYNats { get; }

    internal double ClusterEntropyNats { get; }

    internal double ObjectiveNats =>
        ClusterEntropyNats - (Alpha * (ClusterEntropyNats - MutualInformationXTNats)) - (Beta * MutualInformationTYNats);

    /// <summary>A copy of the encoder q(t|x) (row-major, x * ClusterCount + t).</summary>
    /// <returns>A new array.</returns>
    public double[] EncoderToArray() => (double[])_encoder.Clone();
}
