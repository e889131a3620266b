using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Shannon.Bottleneck;

/// <summary>
/// Merging and splitting clusters: the agglomerative round of the annealing (Slonim &amp; Tishby 1999), the splits that
/// let a cluster bifurcate as beta grows, and the compaction that keeps the clusters in use at the front.
/// </summary>
internal sealed partial class BottleneckState
{
    /// <summary>
    /// One round of merges: every pair of clusters whose union changes the objective by at most
    /// <paramref name="tolerance"/> nats (a union that lowers it included) is merged, best first, disjoint pairs
    /// only. Merging t and s (weights a, b of q = q(t) + q(s)) changes H(T) by -q h(a), I(X;T) by
    /// -q JS_ab(p(x|t), p(x|s)) and I(T;Y) by -q JS_ab(q(y|t), q(y|s)) (Slonim &amp; Tishby 1999, agglomerative IB,
    /// prop. 1); empty clusters are dropped. Returns the number of merges. O(|T|^2 (|X| + |Y|)) at worst; pairs whose
    /// decoders differ too much to qualify (beta JS_y &gt; h(a) + tolerance / q) are skipped after O(|Y|).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int MergeRound(double beta, double alpha, double tolerance)
    {
        int k = _clusters, K = _stride, ny = _ny;
        var decoder = DecoderRows();
        var candidates = new List<(double Delta, int T, int S)>();
        Span<double> difference = ny <= 256 ? stackalloc double[ny] : new double[ny];
        for (int t = 0; t < k; t++)
        {
            for (int s = t + 1; s < k; s++)
            {
                if (_qt[t] <= 0 || _qt[s] <= 0)
                {
                    continue;
                }

                double q = _qt[t] + _qt[s], a = _qt[t] / q, b = _qt[s] / q;
                double mixing = -((a * Math.Log(a)) + (b * Math.Log(b)));

                // Pinsker's inequality (KL >= |P - Q|_1^2 / 2 nats) gives JS_ab(u, v) >= (a b / 2) |u - v|_1^2, since
                // u - m = b (u - v) and v - m = a (v - u): a cheap test that skips, without logarithms, pairs that the
                // exact test below would skip too (with a margin of 1e-9 relative against rounding).
                TensorPrimitives.Subtract(decoder.AsSpan(t * ny, ny), decoder.AsSpan(s * ny, ny), difference);
                double l1 = TensorPrimitives.SumOfMagnitudes(difference);
                if (beta * 0.5 * a * b * l1 * l1 > (mixing + (tolerance / q)) * (1 + 1e-9))
                {
                    continue;
                }

                double jsY = 0;
                for (int y = 0; y < ny; y++)
                {
                    double u = decoder[(t * ny) + y], v = decoder[(s * ny) + y], m = (a * u) + (b * v);
                    if (u > 0)
                    {
                        jsY += a * u * Math.Log(u / m);
                    }

                    if (v > 0)
                    {
                        jsY += b * v * Math.Log(v / m);
                    }
                }

                if (beta * jsY > mixing + (tolerance / q))
                {
                    continue;
                }

                double jsX = 0;
                if (alpha > 0)
                {
                    for (int i = 0; i < _nx; i++)
                    {
                        // p(x|t) = p(x) q(t|x) / q(t)
                        double u = _px[i] * _encoder[(i * K) + t] / _qt[t], v = _px[i] * _encoder[(i * K) + s] / _qt[s];
                        double m = (a * u) + (b * v);
                        if (u > 0)
                        {
                            jsX += a * u * Math.Log(u / m);
                        }

                        if (v > 0)
                        {
                            jsX += b * v * Math.Log(v / m);
                        }
                    }
                }

                double delta = (-(1 - alpha) * q * mixing) - (alpha * q * jsX) + (beta * q * jsY);
                if (delta <= tolerance)
                {
                    candidates.Add((delta, t, s));
                }
            }
        }

        var gone = new bool[k];
        int merges = 0;
        foreach (var (_, t, s) in candidates.OrderBy(c => c.Delta).ThenBy(c => c.T).ThenBy(c => c.S))
        {
            if (gone[t] || gone[s])
            {
                continue;
            }

            for (int i = 0; i < _nx; i++)
            {
                _encoder[(i * K) + t] += _encoder[(i * K) + s];
                _encoder[(i * K) + s] = 0;
            }

            gone[s] = true;
            merges++;
        }

        for (int t = 0; t < k; t++)
        {
            gone[t] |= _qt[t] <= 0 && !gone[t];
        }

        Compact(gone);
        return merges;
    }

    /// <summary>Splits every cluster (largest q(t) first, while free columns last) into two perturbed copies.</summary>
    public List<(int Cluster, int Copy)> Split(double alpha, double perturbation)
    {
        int k = _clusters, K = _stride;
        int free = _maxClusters - k;
        var pairs = new List<(int Cluster, int Copy)>();
        if (free <= 0)
        {
            return pairs;
        }

        var order = Enumerable.Range(0, k).OrderByDescending(t => _qt[t]).ThenBy(t => t).Take(free).ToArray();
        for (int j = 0; j < order.Length; j++)
        {
            int t = order[j], copy = k + j;
            pairs.Add((t, copy));
            for (int i = 0; i < _nx; i++)
            {
                double w = _encoder[(i * K) + t];
                double u = (2 * _random.NextDouble()) - 1;
                if (alpha == 0)
                {
                    // A hard encoder: each member moves to the copy with probability 1/2.
                    if (w > 0 && u > 0)
                    {
                        _encoder[(i * K) + t] = 0;
                        _encoder[(i * K) + copy] = w;
                    }
                }
                else
                {
                    _encoder[(i * K) + t] = w * (0.5 + (perturbation * u));
                    _encoder[(i * K) + copy] = w * (0.5 - (perturbation * u));
                }
            }
        }

        _clusters = k + order.Length;
        UpdateMarginals();
        return pairs;
    }

    /// <summary>Drops the clusters marked gone (their encoder columns must be zero) and moves the rest to the front.</summary>
    private void Compact(bool[] gone)
    {
        int k = _clusters, K = _stride;
        int kept = 0;
        for (int t = 0; t < k; t++)
        {
            if (gone[t])
            {
                continue;
            }

            if (kept != t)
            {
                for (int i = 0; i < _nx; i++)
                {
                    _encoder[(i * K) + kept] = _encoder[(i * K) + t];
                }
            }

            kept++;
        }

        for (int i = 0; i < _nx; i++)
        {
            Array.Clear(_encoder, (i * K) + kept, k - kept);
        }

        _clusters = Math.Max(kept, 1);
        UpdateMarginals();
    }

    /// <summary>The largest absolute difference between the decoders q(y|t) and q(y|s).</summary>
    public double DecoderDistance(int t, int s)
    {
        double d = 0;
        var decoder = DecoderRows();
        for (int y = 0; y < _ny; y++)
        {
            d = Math.Max(d, Math.Abs(decoder[(t * _ny) + y] - decoder[(s * _ny) + y]));
        }

        return d;
    }

    /// <summary>Merges each copy back into its cluster (splits that did not take) and compacts the clusters.</summary>
    public void Unsplit(IReadOnlyList<(int Cluster, int Copy)> pairs)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        int K = _stride;
        var gone = new bool[_clusters];
        foreach (var (t, copy) in pairs)
        {
            for (int i = 0; i < _nx; i++)
            {
                _encoder[(i * K) + t] += _encoder[(i * K) + copy];
                _encoder[(i * K) + copy] = 0;
            }

            gone[copy] = true;
        }

        Compact(gone);
    }
}
