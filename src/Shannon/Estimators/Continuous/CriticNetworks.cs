using System.Numerics.Tensors;

namespace Shannon.Estimators.Continuous;

/// <summary>Parameter arrays with their gradients and Adam moments (Kingma and Ba 2015, algorithm 1).</summary>
internal sealed class AdamParameters
{
    private readonly List<(double[] Value, double[] Grad, double[] M, double[] V)> _groups = [];
    private long _step;

    public double[] Add(int length, Random random, double scale)
    {
        var value = new double[length];
        for (int i = 0; i < length; i++)
        {
            value[i] = scale * ColumnStatistics.StandardNormal(random);
        }

        _groups.Add((value, new double[length], new double[length], new double[length]));
        return value;
    }

    /// <summary>The parameter arrays in the order they were added.</summary>
    public IReadOnlyList<double[]> Values => _groups.Select(g => g.Value).ToArray();

    public double[] GradientOf(double[] value) => _groups.First(g => ReferenceEquals(g.Value, value)).Grad;

    public void ZeroGradients()
    {
        foreach (var g in _groups)
        {
            Array.Clear(g.Grad);
        }
    }

    /// <summary>One ascent step (the objective is maximised).</summary>
    public void Step(double learningRate)
    {
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        _step++;
        double c1 = 1 - Math.Pow(beta1, _step), c2 = 1 - Math.Pow(beta2, _step);
        foreach (var (value, grad, m, v) in _groups)
        {
            for (int i = 0; i < value.Length; i++)
            {
                double g = grad[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                value[i] += learningRate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + epsilon);
            }
        }
    }

    public double[][] Snapshot() => _groups.Select(g => (double[])g.Value.Clone()).ToArray();

    public void Restore(double[][] snapshot)
    {
        for (int i = 0; i < _groups.Count; i++)
        {
            snapshot[i].CopyTo(_groups[i].Value, 0);
        }
    }

    public bool AllFinite() => _groups.All(g => g.Value.All(double.IsFinite));
}

/// <summary>A fully connected ReLU network (linear output) over a batch stored sample-major (sample b's unit u at b * width + u).</summary>
internal sealed class DenseNetwork
{
    private readonly int[] _sizes;
    private readonly double[][] _w; // layer l: sizes[l+1] x sizes[l], row-major
    private readonly double[][] _b;
    private readonly AdamParameters _parameters;
    private double[][] _acts = [];
    private int _batch;

    public DenseNetwork(int[] sizes, AdamParameters parameters, Random random)
    {
        _sizes = sizes;
        _parameters = parameters;
        _w = new double[sizes.Length - 1][];
        _b = new double[sizes.Length - 1][];
        for (int l = 0; l < sizes.Length - 1; l++)
        {
            // He initialisation for the ReLU layers; the linear output layer starts small so the critic's first scores
            // are near 0 and exp(f) in NWJ and MINE starts near 1 instead of overflowing.
            bool output = l == sizes.Length - 2;
            _w[l] = parameters.Add(sizes[l + 1] * sizes[l], random, output ? 0.1 / Math.Sqrt(sizes[l]) : Math.Sqrt(2.0 / sizes[l]));
            _b[l] = parameters.Add(sizes[l + 1], random, 0);
        }
    }

    public int OutputSize => _sizes[^1];

    /// <summary>The outputs for <paramref name="batch"/> inputs; the activations are kept for <see cref="Backward"/>.</summary>
    public double[] Forward(double[] input, int batch)
    {
        if (_acts.Length == 0 || _batch != batch)
        {
            _batch = batch;
            _acts = new double[_sizes.Length][];
            for (int l = 1; l < _sizes.Length; l++)
            {
                _acts[l] = new double[batch * _sizes[l]];
            }
        }

        _acts[0] = input;
        for (int l = 0; l < _sizes.Length - 1; l++)
        {
            int nin = _sizes[l], nout = _sizes[l + 1];
            double[] a = _acts[l], z = _acts[l + 1], w = _w[l], bias = _b[l];
            bool relu = l < _sizes.Length - 2;
            for (int s = 0; s < batch; s++)
            {
                var row = new ReadOnlySpan<double>(a, s * nin, nin);
                for (int o = 0; o < nout; o++)
                {
                    double v = TensorPrimitives.Dot(row, new ReadOnlySpan<double>(w, o * nin, nin)) + bias[o];
                    z[s * nout + o] = relu && v < 0 ? 0 : v;
                }
            }
        }

        return _acts[^1];
    }

    /// <summary>Adds the gradient of the objective to the parameters' gradients, given d objective / d output.</summary>
    public void Backward(double[] outputGradient)
    {
        double[] delta = outputGradient;
        for (int l = _sizes.Length - 2; l >= 0; l--)
        {
            int nin = _sizes[l], nout = _sizes[l + 1];
            double[] a = _acts[l], w = _w[l];
            double[] gw = _parameters.GradientOf(w), gb = _parameters.GradientOf(_b[l]);
            double[]? next = l > 0 ? new double[_batch * nin] : null;
            for (int s = 0; s < _batch; s++)
            {
                var row = new ReadOnlySpan<double>(a, s * nin, nin);
                for (int o = 0; o < nout; o++)
                {
                    double d = delta[s * nout + o];
                    if (d == 0)
                    {
                        continue;
                    }

                    gb[o] += d;
                    var gRow = new Span<double>(gw, o * nin, nin);
                    TensorPrimitives.MultiplyAdd(row, d, gRow, gRow);
                    if (next is not null)
                    {
                        var nRow = new Span<double>(next, s * nin, nin);
                        TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(w, o * nin, nin), d, nRow, nRow);
                    }
                }

                if (next is not null)
                {
                    for (int i = 0; i < nin; i++)
                    {
                        if (a[s * nin + i] <= 0)
                        {
                            next[s * nin + i] = 0; // ReLU derivative (a = relu(z) > 0 exactly when z > 0)
                        }
                    }
                }
            }

            if (next is null)
            {
                break;
            }

            delta = next;
        }
    }
}

/// <summary>A critic f(x, y) scored on every pair of a batch: S[i, j] = f(x_i, y_j).</summary>
internal interface ICritic
{
    /// <summary>The B x B scores (row-major) of the batch.</summary>
    double[] Scores(double[] x, double[] y, int batch);

    /// <summary>Backpropagates d objective / d S of the last <see cref="Scores"/> call.</summary>
    void Backward(double[] scoreGradient);
}

/// <summary>The separable critic f(x, y) = g(x) . h(y) with two ReLU networks (van den Oord et al. 2018; Poole et al. 2019).</summary>
internal sealed class SeparableCritic : ICritic
{
    private readonly DenseNetwork _g;
    private readonly DenseNetwork _h;
    private double[] _u = [];
    private double[] _v = [];
    private int _batch;
    private readonly double _scale;

    public SeparableCritic(int dx, int dy, int hidden, int embedding, AdamParameters parameters, Random random)
    {
        _scale = 1 / Math.Sqrt(embedding); // f = g . h / sqrt(E) keeps the score's scale independent of E
        _g = new DenseNetwork([dx, hidden, hidden, embedding], parameters, random);
        _h = new DenseNetwork([dy, hidden, hidden, embedding], parameters, random);
    }

    public double[] Scores(double[] x, double[] y, int batch)
    {
        _batch = batch;
        Parallel.Invoke(() => _u = _g.Forward(x, batch), () => _v = _h.Forward(y, batch));
        int e = _g.OutputSize;
        var s = new double[batch * batch];
        for (int i = 0; i < batch; i++)
        {
            var ui = new ReadOnlySpan<double>(_u, i * e, e);
            for (int j = 0; j < batch; j++)
            {
                s[i * batch + j] = _scale * TensorPrimitives.Dot(ui, new ReadOnlySpan<double>(_v, j * e, e));
            }
        }

        return s;
    }

    public void Backward(double[] scoreGradient)
    {
        int b = _batch, e = _g.OutputSize;
        var du = new double[b * e];
        var dv = new double[b * e];
        for (int i = 0; i < b; i++)
        {
            var dui = new Span<double>(du, i * e, e);
            var ui = new ReadOnlySpan<double>(_u, i * e, e);
            for (int j = 0; j < b; j++)
            {
                double g = _scale * scoreGradient[i * b + j];
                TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(_v, j * e, e), g, dui, dui);
                var dvj = new Span<double>(dv, j * e, e);
                TensorPrimitives.MultiplyAdd(ui, g, dvj, dvj);
            }
        }

        Parallel.Invoke(() => _g.Backward(du), () => _h.Backward(dv));
    }
}

/// <summary>
/// The joint (concatenated) critic f(x, y) = w3 . relu(W2 relu(Wx x + Wy y + b1) + b2) + b3. The first layer splits
/// into an X part and a Y part, so all B^2 pairs cost one H2 x H1 layer each.
/// </summary>
internal sealed class JointCritic : ICritic
{
    private readonly int _dx, _dy, _h1, _h2;
    private readonly double[] _wx, _wy, _b1, _w2, _b2, _w3, _b3;
    private readonly AdamParameters _p;
    private double[] _x = [], _y = [], _ax = [], _ay = [], _z1 = [], _z2 = [];
    private int _batch;

    public JointCritic(int dx, int dy, int hidden1, int hidden2, AdamParameters parameters, Random random)
    {
        (_dx, _dy, _h1, _h2, _p) = (dx, dy, hidden1, hidden2, parameters);
        double s1 = Math.Sqrt(2.0 / (dx + dy));
        _wx = parameters.Add(hidden1 * dx, random, s1);
        _wy = parameters.Add(hidden1 * dy, random, s1);
        _b1 = parameters.Add(hidden1, random, 0);
        _w2 = parameters.Add(hidden2 * hidden1, random, Math.Sqrt(2.0 / hidden1));
        _b2 = parameters.Add(hidden2, random, 0);
        _w3 = parameters.Add(hidden2, random, 0.1 / Math.Sqrt(hidden2));
        _b3 = parameters.Add(1, random, 0);
    }

    public double[] Scores(double[] x, double[] y, int batch)
    {
        _batch = batch;
        _x = x;
        _y = y;
        _ax = Project(x, _wx, _dx, batch);
        _ay = Project(y, _wy, _dy, batch);
        int pairs = batch * batch;
        if (_z1.Length != pairs * _h1)
        {
            _z1 = new double[pairs * _h1];
            _z2 = new double[pairs * _h2];
        }

        var s = new double[pairs];
        Parallel.For(0, batch, i =>
        {
            for (int j = 0; j < batch; j++)
            {
                int p = i * batch + j;
                var z1 = new Span<double>(_z1, p * _h1, _h1);
                TensorPrimitives.Add(new ReadOnlySpan<double>(_ax, i * _h1, _h1), new ReadOnlySpan<double>(_ay, j * _h1, _h1), z1);
                TensorPrimitives.Add(z1, _b1, z1);
                TensorPrimitives.Max(z1, 0.0, z1);
                var z2 = new Span<double>(_z2, p * _h2, _h2);
                for (int o = 0; o < _h2; o++)
                {
                    double v = TensorPrimitives.Dot(z1, new ReadOnlySpan<double>(_w2, o * _h1, _h1)) + _b2[o];
                    z2[o] = v < 0 ? 0 : v;
                }

                s[p] = TensorPrimitives.Dot(z2, _w3) + _b3[0];
            }
        });
        return s;
    }

    private double[] Project(double[] input, double[] w, int d, int batch)
    {
        var a = new double[batch * _h1];
        for (int s = 0; s < batch; s++)
        {
            var row = new ReadOnlySpan<double>(input, s * d, d);
            for (int o = 0; o < _h1; o++)
            {
                a[s * _h1 + o] = TensorPrimitives.Dot(row, new ReadOnlySpan<double>(w, o * d, d));
            }
        }

        return a;
    }

    public void Backward(double[] scoreGradient)
    {
        int b = _batch;
        // Per-row partial sums (rows i in parallel, each row its own buffers), then reduced in row order: deterministic.
        var gw2Rows = new double[b][];
        var gb2Rows = new double[b][];
        var gw3Rows = new double[b][];
        var gb1Rows = new double[b][];
        var dax = new double[b * _h1];
        var dayRows = new double[b][];
        double gb3 = 0;
        for (int p = 0; p < scoreGradient.Length; p++)
        {
            gb3 += scoreGradient[p];
        }

        Parallel.For(0, b, i =>
        {
            var gw2 = new double[_h2 * _h1];
            var gb2 = new double[_h2];
            var gw3 = new double[_h2];
            var gb1 = new double[_h1];
            var day = new double[b * _h1];
            Span<double> d2 = stackalloc double[_h2];
            Span<double> d1 = stackalloc double[_h1];
            var daxi = new Span<double>(dax, i * _h1, _h1);
            for (int j = 0; j < b; j++)
            {
                int p = i * b + j;
                double g = scoreGradient[p];
                if (g == 0)
                {
                    continue;
                }

                var z1 = new ReadOnlySpan<double>(_z1, p * _h1, _h1);
                var z2 = new ReadOnlySpan<double>(_z2, p * _h2, _h2);
                TensorPrimitives.MultiplyAdd(z2, g, gw3, gw3);
                d1.Clear();
                for (int o = 0; o < _h2; o++)
                {
                    double d = z2[o] > 0 ? g * _w3[o] : 0;
                    d2[o] = d;
                    if (d != 0)
                    {
                        gb2[o] += d;
                        var row = new Span<double>(gw2, o * _h1, _h1);
                        TensorPrimitives.MultiplyAdd(z1, d, row, row);
                        TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(_w2, o * _h1, _h1), d, d1, d1);
                    }
                }

                for (int u = 0; u < _h1; u++)
                {
                    if (z1[u] <= 0)
                    {
                        d1[u] = 0;
                    }
                }

                TensorPrimitives.Add(gb1, d1, gb1);
                TensorPrimitives.Add(daxi, d1, daxi);
                var dayj = new Span<double>(day, j * _h1, _h1);
                TensorPrimitives.Add(dayj, d1, dayj);
            }

            gw2Rows[i] = gw2;
            gb2Rows[i] = gb2;
            gw3Rows[i] = gw3;
            gb1Rows[i] = gb1;
            dayRows[i] = day;
        });

        double[] Gw2 = _p.GradientOf(_w2), Gb2 = _p.GradientOf(_b2), Gw3 = _p.GradientOf(_w3), Gb1 = _p.GradientOf(_b1);
        var day = new double[b * _h1];
        for (int i = 0; i < b; i++)
        {
            TensorPrimitives.Add(Gw2, gw2Rows[i], Gw2);
            TensorPrimitives.Add(Gb2, gb2Rows[i], Gb2);
            TensorPrimitives.Add(Gw3, gw3Rows[i], Gw3);
            TensorPrimitives.Add(Gb1, gb1Rows[i], Gb1);
            TensorPrimitives.Add(day, dayRows[i], day);
        }

        _p.GradientOf(_b3)[0] += gb3;
        Accumulate(_x, dax, _p.GradientOf(_wx), _dx, b);
        Accumulate(_y, day, _p.GradientOf(_wy), _dy, b);
    }

    private void Accumulate(double[] input, double[] da, double[] gw, int d, int batch)
    {
        for (int s = 0; s < batch; s++)
        {
            var row = new ReadOnlySpan<double>(input, s * d, d);
            for (int o = 0; o < _h1; o++)
            {
                double g = da[s * _h1 + o];
                if (g != 0)
                {
                    var gRow = new Span<double>(gw, o * d, d);
                    TensorPrimitives.MultiplyAdd(row, g, gRow, gRow);
                }
            }
        }
    }
}
