namespace Shannon.Lab.Models;

/// <summary>How the layers of a <see cref="QuantisedNetwork"/> are joined.</summary>
public enum NetworkPath
{
    /// <summary>A plain stack: T_l = Q(tanh(W_l T_(l-1) + b_l)).</summary>
    Plain = 1,

    /// <summary>Residual blocks: T_l = Q(T_(l-1) + tanh(W_l T_(l-1) + b_l)); the skip carries T_(l-1) past the block.</summary>
    Residual = 2,
}

/// <summary>Options of <see cref="QuantisedNetwork"/>.</summary>
public sealed record QuantisedNetworkOptions
{
    /// <summary>Units of every layer but the bottleneck (default 12, the input's width).</summary>
    public int Width { get; init; } = 12;

    /// <summary>Layers after the input (default 12).</summary>
    public int Depth { get; init; } = 12;

    /// <summary>The layer (1-based) that holds the bottleneck, when <see cref="BottleneckRank"/> &gt; 0 (default 6).</summary>
    public int BottleneckLayer { get; init; } = 6;

    /// <summary>
    /// The rank r of the bottleneck (0: none). The bottleneck's map W = U V factors through a code of r units,
    /// c = Q(tanh(V T + a)): in a plain stack the code is the layer itself (r units); in a residual block it sits in the
    /// branch, T_l = Q(T_(l-1) + tanh(U c + b)), and the skip bypasses it.
    /// </summary>
    public int BottleneckRank { get; init; }

    /// <summary>Plain or residual.</summary>
    public NetworkPath Path { get; init; } = NetworkPath.Plain;

    /// <summary>Weights are normal with standard deviation gain / sqrt(fan-in) (default 3: saturating, as tanh layers become late in training), biases normal with sd 0.1.</summary>
    public double Gain { get; init; } = 3.0;

    /// <summary>The width of the quantisation grid every layer is rounded to (default 2/30: the 30 bins on [-1, 1] of Shwartz-Ziv &amp; Tishby).</summary>
    public double BinWidth { get; init; } = 2.0 / 30;

    /// <summary>The seed of the weights.</summary>
    public int Seed { get; init; }
}

/// <summary>
/// A forward-only tanh network, plain or residual, with an optional rank-r bottleneck, whose every layer is
/// rounded to the centres of a fixed grid before the next layer reads it. The network is then a chain of
/// deterministic maps on finite sets, X -&gt; T_1 -&gt; ... -&gt; T_L, so on the 4096 equiprobable patterns
/// I(X; T_l) = H(T_l) is counted exactly (no estimator, no bias) and the data-processing inequality
/// I(X; T_(l+1)) &lt;= I(X; T_l) holds exactly. The weights are random (seeded), not trained: the inequality
/// holds for every choice of weights.
/// </summary>
public static class QuantisedNetwork
{
    /// <summary>Runs the network on feature-major inputs (unit u of sample n at u * n + n), mapped from {0, 1} to {-1, +1}.</summary>
    /// <param name="options">The network.</param>
    /// <param name="inputs">Feature-major inputs of width <see cref="QuantisedNetworkOptions.Width"/>.</param>
    /// <param name="samples">The number of samples.</param>
    /// <returns>The activity of layers 1..Depth (feature-major; a plain bottleneck layer has r units) and, for a residual bottleneck, the branch's code (else null).</returns>
    public static (double[][] Layers, int[] Units, double[]? BranchCode) Run(QuantisedNetworkOptions options, ReadOnlySpan<double> inputs, int samples)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Width < 1 || options.Depth < 1 || options.BottleneckRank < 0 || (options.BottleneckRank > 0 && (options.BottleneckLayer < 1 || options.BottleneckLayer > options.Depth)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`options` must have width >= 1, depth >= 1 and a bottleneck layer in [1, depth]; got width {options.Width}, depth {options.Depth}, bottleneck {options.BottleneckRank} at {options.BottleneckLayer}.");
        }

        if (!(options.BinWidth > 0) || !(options.Gain > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`options` must have BinWidth > 0 and Gain > 0; got {options.BinWidth} and {options.Gain}.");
        }

        if (inputs.Length != options.Width * samples)
        {
            throw new ArgumentException($"`inputs` must hold width x samples = {options.Width * samples} values; got {inputs.Length}.", nameof(inputs));
        }

        var random = new Random(options.Seed);
        int w = options.Width;
        var current = new double[w * samples];
        for (int i = 0; i < current.Length; i++)
        {
            current[i] = (2 * inputs[i]) - 1;
        }

        int currentUnits = w;
        var layers = new double[options.Depth][];
        var units = new int[options.Depth];
        double[]? branchCode = null;
        for (int l = 1; l <= options.Depth; l++)
        {
            bool bottleneck = options.BottleneckRank > 0 && l == options.BottleneckLayer;
            double[] next;
            if (options.Path == NetworkPath.Plain)
            {
                int outUnits = bottleneck ? options.BottleneckRank : w;
                next = Quantise(TanhAffine(current, currentUnits, outUnits, samples, options.Gain, random), options.BinWidth);
                currentUnits = outUnits;
            }
            else
            {
                double[] branch;
                if (bottleneck)
                {
                    var code = Quantise(TanhAffine(current, w, options.BottleneckRank, samples, options.Gain, random), options.BinWidth);
                    branchCode = code;
                    branch = TanhAffine(code, options.BottleneckRank, w, samples, options.Gain, random);
                }
                else
                {
                    branch = TanhAffine(current, w, w, samples, options.Gain, random);
                }

                for (int i = 0; i < branch.Length; i++)
                {
                    branch[i] += current[i];
                }

                next = Quantise(branch, options.BinWidth);
            }

            layers[l - 1] = next;
            units[l - 1] = currentUnits;
            current = next;
        }

        return (layers, units, branchCode);
    }

    /// <summary>tanh(W a + b) for a random W (sd gain / sqrt(fan-in)) and b (sd 0.1), feature-major.</summary>
    private static double[] TanhAffine(double[] a, int fanIn, int fanOut, int samples, double gain, Random random)
    {
        var standard = Shannon.Distributions.Gaussian.WithMeanStdDev(0, 1);
        var z = new double[fanOut * samples];
        double sd = gain / Math.Sqrt(fanIn);
        for (int o = 0; o < fanOut; o++)
        {
            var row = z.AsSpan(o * samples, samples);
            row.Fill(0.1 * standard.Sample(random));
            for (int i = 0; i < fanIn; i++)
            {
                double weight = sd * standard.Sample(random);
                var input = a.AsSpan(i * samples, samples);
                for (int n = 0; n < samples; n++)
                {
                    row[n] += weight * input[n];
                }
            }

            for (int n = 0; n < samples; n++)
            {
                row[n] = Math.Tanh(row[n]);
            }
        }

        return z;
    }

    /// <summary>Rounds every value to the centre of its grid cell, (floor(v / width) + 1/2) width, so that floor(v / width) reads the cell back exactly.</summary>
    private static double[] Quantise(double[] values, double width)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (Math.Floor(values[i] / width) + 0.5) * width;
        }

        return values;
    }
}
