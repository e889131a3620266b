using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Shannon.Lab.Models;

/// <summary>The hidden layers' non-linearity.</summary>
public enum HiddenActivation
{
    /// <summary>tanh, saturating at +-1 (Shwartz-Ziv &amp; Tishby 2017).</summary>
    Tanh = 1,

    /// <summary>max(0, z), unbounded above (Saxe et al. 2018).</summary>
    Relu = 2,
}

/// <summary>What the last layer does to its affine output.</summary>
public enum OutputActivation
{
    /// <summary>Softmax over the classes (a classifier; the default).</summary>
    Softmax = 1,

    /// <summary>None: the last layer's affine output as it is (a regression head, or a VAE's encoder and decoder).</summary>
    Identity = 2,
}

/// <summary>Options of <see cref="Mlp"/>: architecture, initialisation and the Adam optimiser.</summary>
public sealed record MlpOptions
{
    /// <summary>The defaults: the 12-10-7-5-4-3-2 network of Shwartz-Ziv &amp; Tishby (2017), tanh, Adam with Kingma &amp; Ba's defaults.</summary>
    public static MlpOptions Default { get; } = new();

    /// <summary>Units per layer, input first and output (classes) last. Default 12-10-7-5-4-3-2.</summary>
    public IReadOnlyList<int> LayerSizes { get; init; } = [12, 10, 7, 5, 4, 3, 2];

    /// <summary>The hidden layers' activation. Default tanh.</summary>
    public HiddenActivation Activation { get; init; } = HiddenActivation.Tanh;

    /// <summary>The output layer's activation. Default softmax (a classifier, trained by <see cref="Mlp.ComputeGradients"/>).</summary>
    public OutputActivation Output { get; init; } = OutputActivation.Softmax;

    /// <summary>Adam's step size. Default 1e-3 (Kingma &amp; Ba 2015, alg. 1).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam's first-moment decay. Default 0.9 (Kingma &amp; Ba).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's second-moment decay. Default 0.999 (Kingma &amp; Ba).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam's epsilon. Default 1e-8 (Kingma &amp; Ba).</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>The seed of the initial weights (normal, sd 1/sqrt(fan-in), truncated at 2 sd, as the original code; biases 0).</summary>
    public int Seed { get; init; }
}

/// <summary>
/// A small fully connected network with tanh or ReLU hidden layers and a softmax output, trained on the mean
/// cross-entropy with Adam. Batches are stored feature-major (unit u of sample b at u * batch + b), so every
/// multiply-add runs over the batch with SIMD (hand-written kernels for the layers, <see cref="TensorPrimitives"/> for the rest). Deterministic for a seed: the
/// arithmetic order never depends on threads.
/// </summary>
public sealed class Mlp
{
    private readonly int[] _sizes;
    private readonly double[][] _weights;   // layer l: sizes[l+1] x sizes[l], row-major (out, in)
    private readonly double[][] _biases;
    private readonly double[][] _gradW;
    private readonly double[][] _gradB;
    private readonly double[][] _m;
    private readonly double[][] _v;
    private readonly MlpOptions _options;
    private long _step;

    // Work buffers for one batch size (re-allocated when it changes).
    private int _batch = -1;
    private int _capacity;
    private double[][] _activations = [];
    private double[][] _deltas = [];
    private double[] _tmp = [];

    /// <summary>Creates a network with seeded initial weights.</summary>
    /// <param name="options">Options (null: defaults).</param>
    public Mlp(MlpOptions? options = null)
    {
        _options = options ?? MlpOptions.Default;
        ArgumentNullException.ThrowIfNull(_options.LayerSizes);
        if (_options.LayerSizes.Count < 2 || _options.LayerSizes.Any(s => s < 1) || (_options.Output == OutputActivation.Softmax && _options.LayerSizes[^1] < 2))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`LayerSizes` must be two or more positive sizes with >= 2 output classes for a softmax output; got [{string.Join(", ", _options.LayerSizes)}].");
        }

        if (_options.Output is not (OutputActivation.Softmax or OutputActivation.Identity))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`Output` must be Softmax or Identity; got {(int)_options.Output}.");
        }

        if (!(_options.LearningRate > 0) || !double.IsFinite(_options.LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`LearningRate` must be a finite number > 0; got {_options.LearningRate}.");
        }

        _sizes = [.. _options.LayerSizes];
        int layers = _sizes.Length - 1;
        _weights = new double[layers][];
        _biases = new double[layers][];
        _gradW = new double[layers][];
        _gradB = new double[layers][];
        _m = new double[2 * layers][];
        _v = new double[2 * layers][];
        var random = new Random(_options.Seed);
        for (int l = 0; l < layers; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            _weights[l] = new double[fanIn * fanOut];
            _biases[l] = new double[fanOut];
            _gradW[l] = new double[fanIn * fanOut];
            _gradB[l] = new double[fanOut];
            _m[2 * l] = new double[fanIn * fanOut];
            _v[2 * l] = new double[fanIn * fanOut];
            _m[(2 * l) + 1] = new double[fanOut];
            _v[(2 * l) + 1] = new double[fanOut];
            double sd = 1.0 / Math.Sqrt(fanIn);
            for (int i = 0; i < _weights[l].Length; i++)
            {
                _weights[l][i] = sd * TruncatedNormal(random);
            }
        }
    }

    /// <summary>Units per layer, input first.</summary>
    public IReadOnlyList<int> LayerSizes => _sizes;

    /// <summary>The number of weight layers (hidden layers + 1).</summary>
    public int WeightLayerCount => _weights.Length;

    /// <summary>The weights of a layer, (out, in) row-major; writable for tests and checks.</summary>
    /// <param name="layer">0-based weight layer.</param>
    /// <returns>The live array.</returns>
    public Span<double> Weights(int layer) => _weights[layer];

    /// <summary>The biases of a layer; writable.</summary>
    /// <param name="layer">0-based weight layer.</param>
    /// <returns>The live array.</returns>
    public Span<double> Biases(int layer) => _biases[layer];

    /// <summary>The gradient of the mean loss with respect to a layer's weights, from the last <see cref="ComputeGradients"/>.</summary>
    /// <param name="layer">0-based weight layer.</param>
    /// <returns>The gradient, same layout as the weights.</returns>
    public ReadOnlySpan<double> WeightGradients(int layer) => _gradW[layer];

    /// <summary>The gradient of the mean loss with respect to a layer's biases.</summary>
    /// <param name="layer">0-based weight layer.</param>
    /// <returns>The gradient.</returns>
    public ReadOnlySpan<double> BiasGradients(int layer) => _gradB[layer];

    /// <summary>
    /// Runs the batch forward. <paramref name="inputs"/> is feature-major (unit u of sample b at u * batch + b).
    /// Afterwards <see cref="Activations"/> holds every layer's output (the last one: class probabilities).
    /// </summary>
    /// <param name="inputs">Feature-major inputs, sizes[0] * batch values.</param>
    /// <param name="batch">The number of samples.</param>
    public void Forward(ReadOnlySpan<double> inputs, int batch)
    {
        Ensure(batch);
        if (inputs.Length != _sizes[0] * batch)
        {
            throw new ArgumentException($"`inputs` must hold {_sizes[0]} x {batch} values; got {inputs.Length}.", nameof(inputs));
        }

        inputs.CopyTo(_activations[0]);
        int n = _batch;
        int layers = _weights.Length;
        for (int l = 0; l < layers; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            var a = _activations[l];
            var z = _activations[l + 1];
            var w = _weights[l];
            Affine(w, _biases[l], a, z, fanIn, fanOut, batch);
            if (l < layers - 1)
            {
                var used = z.AsSpan(0, fanOut * n);
                if (_options.Activation == HiddenActivation.Tanh)
                {
                    TensorPrimitives.Tanh(used, used);
                }
                else
                {
                    TensorPrimitives.Max(used, 0.0, used);
                }
            }
            else if (_options.Output == OutputActivation.Softmax)
            {
                SoftmaxColumns(z, fanOut, batch);
            }
        }
    }

    /// <summary>The outputs of layer <paramref name="layer"/> (0 = inputs, last = probabilities) after the last forward pass, feature-major.</summary>
    /// <param name="layer">0..LayerSizes.Count-1.</param>
    /// <returns>sizes[layer] * batch values.</returns>
    public ReadOnlySpan<double> Activations(int layer) => _activations[layer].AsSpan(0, _sizes[layer] * _batch);

    /// <summary>
    /// The backward pass of the last <see cref="Forward"/>: given dL/dz of the last layer's affine output z (the logits
    /// of a softmax output, the output itself of an identity output), feature-major and already scaled as the loss
    /// wants (e.g. by 1/batch for a mean), fills the weight and bias gradients and, when
    /// <paramref name="inputGradients"/> is not empty, dL/dx of the inputs (feature-major). This is how a network
    /// sits inside a larger model (a VAE's decoder passes dL/dz back to the encoder).
    /// </summary>
    /// <param name="outputGradients">dL/dz, sizes[^1] * batch values, batch as in the last forward pass.</param>
    /// <param name="inputGradients">Receives dL/dx (sizes[0] * batch values), or empty to skip.</param>
    public void Backward(ReadOnlySpan<double> outputGradients, Span<double> inputGradients)
    {
        if (_batch < 1)
        {
            throw new InvalidOperationException("Backward needs a forward pass first: call Forward.");
        }

        if (outputGradients.Length != _sizes[^1] * _batch)
        {
            throw new ArgumentException($"`outputGradients` must hold {_sizes[^1]} x {_batch} values (the last forward pass's batch); got {outputGradients.Length}.", nameof(outputGradients));
        }

        if (!inputGradients.IsEmpty && inputGradients.Length != _sizes[0] * _batch)
        {
            throw new ArgumentException($"`inputGradients` must hold {_sizes[0]} x {_batch} values or none; got {inputGradients.Length}.", nameof(inputGradients));
        }

        outputGradients.CopyTo(_deltas[_weights.Length]);
        BackwardFromOutputDeltas(_batch, inputGradients);
    }

    /// <summary>
    /// Forward and backward pass: fills the gradients of the mean cross-entropy -mean_b log p(label_b | x_b).
    /// </summary>
    /// <param name="inputs">Feature-major inputs.</param>
    /// <param name="labels">Class of each sample, 0..classes-1.</param>
    /// <returns>The mean cross-entropy of the batch, in nats.</returns>
    public double ComputeGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<int> labels)
    {
        RequireSoftmax();
        int batch = labels.Length;
        Forward(inputs, batch);
        int layers = _weights.Length;
        int classes = _sizes[^1];
        var probabilities = _activations[layers];
        var delta = _deltas[layers];
        double loss = 0;
        double inv = 1.0 / batch;
        for (int b = 0; b < batch; b++)
        {
            loss -= Math.Log(probabilities[(labels[b] * batch) + b]);
        }

        // dL/dz of the softmax output: (p - onehot) / batch.
        TensorPrimitives.Multiply(probabilities.AsSpan(0, classes * batch), inv, delta.AsSpan(0, classes * batch));
        for (int b = 0; b < batch; b++)
        {
            delta[(labels[b] * batch) + b] -= inv;
        }

        BackwardFromOutputDeltas(batch, default);
        return loss * inv;
    }

    /// <summary>Back from the deltas of the last layer (in _deltas[layers]) to the gradients, and optionally dL/dx.</summary>
    private void BackwardFromOutputDeltas(int batch, Span<double> inputGradients)
    {
        int layers = _weights.Length;
        for (int l = layers - 1; l >= 0; l--)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            var a = _activations[l];
            var d = _deltas[l + 1];
            var w = _weights[l];
            var gw = _gradW[l];
            for (int j = 0; j < fanOut; j++)
            {
                var dj = d.AsSpan(j * batch, batch);
                _gradB[l][j] = TensorPrimitives.Sum(dj);
                for (int i = 0; i < fanIn; i++)
                {
                    gw[(j * fanIn) + i] = TensorPrimitives.Dot(dj, a.AsSpan(i * batch, batch));
                }
            }

            if (l == 0)
            {
                if (!inputGradients.IsEmpty)
                {
                    // dL/dx[i, b] = sum_j d[j, b] w[j, i]: the inputs have no activation to pass through.
                    for (int i = 0; i < fanIn; i++)
                    {
                        for (int b = 0; b < batch; b++)
                        {
                            double sum = 0;
                            for (int j = 0; j < fanOut; j++)
                            {
                                sum += d[(j * batch) + b] * w[(j * fanIn) + i];
                            }

                            inputGradients[(i * batch) + b] = sum;
                        }
                    }
                }

                break;
            }

            // Back through the weights, then through the hidden activation.
            BackThrough(w, d, a, _deltas[l], fanIn, fanOut, batch, _options.Activation == HiddenActivation.Tanh);
        }
    }

    /// <summary>
    /// z[j, b] = bias[j] + sum_i w[j, i] a[i, b] (feature-major, rows of <paramref name="batch"/>), sixteen samples
    /// (four vectors) at a time in registers. The terms are added in the order i = 0, 1, ... with a separate multiply
    /// and add, as one TensorPrimitives.MultiplyAdd per input did before, so the results are the same to the bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Affine(double[] w, double[] bias, double[] a, double[] z, int fanIn, int fanOut, int batch)
    {
        int n = Vector256<double>.Count, b = 0;
        ref double av = ref MemoryMarshal.GetArrayDataReference(a);
        ref double zv = ref MemoryMarshal.GetArrayDataReference(z);
        for (; b + (4 * n) <= batch; b += 4 * n)
        {
            for (int j = 0; j < fanOut; j++)
            {
                var z0 = Vector256.Create(bias[j]);
                Vector256<double> z1 = z0, z2 = z0, z3 = z0;
                WeightedRows(ref Unsafe.Add(ref av, b), batch, w, j * fanIn, 1, fanIn, ref z0, ref z1, ref z2, ref z3);

                ref double o = ref Unsafe.Add(ref zv, (j * batch) + b);
                z0.StoreUnsafe(ref o);
                z1.StoreUnsafe(ref o, (nuint)n);
                z2.StoreUnsafe(ref o, (nuint)(2 * n));
                z3.StoreUnsafe(ref o, (nuint)(3 * n));
            }
        }

        for (; b < batch; b++)
        {
            for (int j = 0; j < fanOut; j++)
            {
                double sum = bias[j];
                for (int i = 0; i < fanIn; i++)
                {
                    sum += a[(i * batch) + b] * w[(j * fanIn) + i];
                }

                z[(j * batch) + b] = sum;
            }
        }
    }

    /// <summary>
    /// The deltas of the layer below: p[i, b] = (sum_j d[j, b] w[j, i]) times the activation's derivative at the
    /// output a[i, b] (tanh: 1 - a^2; ReLU: 1 where a &gt; 0, else 0), sixteen samples at a time. The order of the
    /// operations is that of the TensorPrimitives calls this replaced (j = 0, 1, ..., separate multiply and add).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackThrough(double[] w, double[] d, double[] a, double[] p, int fanIn, int fanOut, int batch, bool tanh)
    {
        int n = Vector256<double>.Count, b = 0;
        ref double dv = ref MemoryMarshal.GetArrayDataReference(d);
        ref double av = ref MemoryMarshal.GetArrayDataReference(a);
        ref double pv = ref MemoryMarshal.GetArrayDataReference(p);
        var one = Vector256<double>.One;
        for (; b + (4 * n) <= batch; b += 4 * n)
        {
            for (int i = 0; i < fanIn; i++)
            {
                Vector256<double> p0 = default, p1 = default, p2 = default, p3 = default;
                WeightedRows(ref Unsafe.Add(ref dv, b), batch, w, i, fanIn, fanOut, ref p0, ref p1, ref p2, ref p3);

                ref double ai = ref Unsafe.Add(ref av, (i * batch) + b);
                ref double o = ref Unsafe.Add(ref pv, (i * batch) + b);
                Derivative(p0, Vector256.LoadUnsafe(ref ai), tanh, one).StoreUnsafe(ref o);
                Derivative(p1, Vector256.LoadUnsafe(ref ai, (nuint)n), tanh, one).StoreUnsafe(ref o, (nuint)n);
                Derivative(p2, Vector256.LoadUnsafe(ref ai, (nuint)(2 * n)), tanh, one).StoreUnsafe(ref o, (nuint)(2 * n));
                Derivative(p3, Vector256.LoadUnsafe(ref ai, (nuint)(3 * n)), tanh, one).StoreUnsafe(ref o, (nuint)(3 * n));
            }
        }

        for (; b < batch; b++)
        {
            for (int i = 0; i < fanIn; i++)
            {
                double sum = 0;
                for (int j = 0; j < fanOut; j++)
                {
                    sum += d[(j * batch) + b] * w[(j * fanIn) + i];
                }

                double ai = a[(i * batch) + b];
                p[(i * batch) + b] = tanh ? sum * (1.0 - (ai * ai)) : (ai <= 0 ? 0 : sum);
            }
        }
    }

    /// <summary>
    /// Adds sum_k w[start + k step] rows[k][0..16) to four vectors of sums, k = 0, 1, ... in turn, each term a
    /// separate multiply and add (rows of length <paramref name="batch"/>, starting at <paramref name="rows"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WeightedRows(ref double rows, int batch, double[] w, int start, int step, int count,
        ref Vector256<double> s0, ref Vector256<double> s1, ref Vector256<double> s2, ref Vector256<double> s3)
    {
        int n = Vector256<double>.Count;
        for (int k = 0; k < count; k++)
        {
            var wv = Vector256.Create(w[start + (k * step)]);
            ref double row = ref Unsafe.Add(ref rows, k * batch);
            s0 += Vector256.LoadUnsafe(ref row) * wv;
            s1 += Vector256.LoadUnsafe(ref row, (nuint)n) * wv;
            s2 += Vector256.LoadUnsafe(ref row, (nuint)(2 * n)) * wv;
            s3 += Vector256.LoadUnsafe(ref row, (nuint)(3 * n)) * wv;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Derivative(Vector256<double> sum, Vector256<double> output, bool tanh, Vector256<double> one) =>
        tanh
            ? sum * (one - (output * output))
            : Vector256.ConditionalSelect(Vector256.LessThanOrEqual(output, Vector256<double>.Zero), Vector256<double>.Zero, sum);

    /// <summary>One Adam step (Kingma &amp; Ba 2015, alg. 1) with the gradients of the last <see cref="ComputeGradients"/>.</summary>
    public void AdamStep()
    {
        _step++;
        double lr = _options.LearningRate, b1 = _options.Beta1, b2 = _options.Beta2, eps = _options.Epsilon;
        double c1 = 1 - Math.Pow(b1, _step), c2 = 1 - Math.Pow(b2, _step);
        double stepSize = lr * Math.Sqrt(c2) / c1;
        double epsHat = eps * Math.Sqrt(c2);
        for (int l = 0; l < _weights.Length; l++)
        {
            Update(_weights[l], _gradW[l], _m[2 * l], _v[2 * l]);
            Update(_biases[l], _gradB[l], _m[(2 * l) + 1], _v[(2 * l) + 1]);
        }

        // The efficient form of alg. 1 (Kingma & Ba, end of sec. 2): theta -= lr sqrt(1-b2^t)/(1-b1^t) m / (sqrt(v) + eps_hat).
        void Update(double[] theta, double[] g, double[] m, double[] v)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                m[i] = (b1 * m[i]) + ((1 - b1) * g[i]);
                v[i] = (b2 * v[i]) + ((1 - b2) * g[i] * g[i]);
                theta[i] -= stepSize * m[i] / (Math.Sqrt(v[i]) + epsHat);
            }
        }
    }

    /// <summary>Mean cross-entropy (nats) and accuracy of a feature-major batch, without touching the gradients.</summary>
    /// <param name="inputs">Feature-major inputs.</param>
    /// <param name="labels">Labels.</param>
    /// <returns>The loss and the fraction classified correctly.</returns>
    public (double Loss, double Accuracy) Evaluate(ReadOnlySpan<double> inputs, ReadOnlySpan<int> labels)
    {
        RequireSoftmax();
        int batch = labels.Length;
        Forward(inputs, batch);
        var p = _activations[^1];
        int classes = _sizes[^1];
        double loss = 0;
        int correct = 0;
        for (int b = 0; b < batch; b++)
        {
            loss -= Math.Log(p[(labels[b] * batch) + b]);
            int best = 0;
            for (int c = 1; c < classes; c++)
            {
                if (p[(c * batch) + b] > p[(best * batch) + b])
                {
                    best = c;
                }
            }

            if (best == labels[b])
            {
                correct++;
            }
        }

        return (loss / batch, (double)correct / batch);
    }

    private void RequireSoftmax()
    {
        if (_options.Output != OutputActivation.Softmax)
        {
            throw new InvalidOperationException("The cross-entropy needs a softmax output; this network's output is Identity: use Forward and Backward with your loss's gradient.");
        }
    }

    private void Ensure(int batch)
    {
        if (batch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), $"`batch` must be >= 1; got {batch}.");
        }

        if (batch <= _capacity)
        {
            // Buffers hold capacity * units values; a smaller batch uses the front with stride = batch.
            _batch = batch;
            return;
        }

        _batch = batch;
        _capacity = batch;
        _activations = [.. _sizes.Select(s => new double[s * batch])];
        _deltas = [.. _sizes.Select(s => new double[s * batch])];
        _tmp = new double[batch];
    }

    /// <summary>Softmax down each column (sample) of a feature-major block, with max subtraction (log-sum-exp safe).</summary>
    private void SoftmaxColumns(double[] z, int classes, int batch)
    {
        var max = _tmp.AsSpan(0, batch);
        z.AsSpan(0, batch).CopyTo(max);
        for (int c = 1; c < classes; c++)
        {
            TensorPrimitives.Max(max, z.AsSpan(c * batch, batch), max);
        }

        for (int c = 0; c < classes; c++)
        {
            var zc = z.AsSpan(c * batch, batch);
            TensorPrimitives.Subtract(zc, max, zc);
            TensorPrimitives.Exp(zc, zc);
        }

        // max now holds the column sums.
        z.AsSpan(0, batch).CopyTo(max);
        for (int c = 1; c < classes; c++)
        {
            TensorPrimitives.Add(max, z.AsSpan(c * batch, batch), max);
        }

        for (int c = 0; c < classes; c++)
        {
            var zc = z.AsSpan(c * batch, batch);
            TensorPrimitives.Divide(zc, max, zc);
        }
    }

    private static double TruncatedNormal(Random random)
    {
        while (true)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            double n = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            if (Math.Abs(n) <= 2)
            {
                return n;
            }
        }
    }
}
