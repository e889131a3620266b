namespace Shannon.Lab.Models;

/// <summary>One point of a training run: the epoch, the training loss's terms and the rate checked two ways.</summary>
/// <param name="Epoch">Epochs done (0 = before training).</param>
/// <param name="Terms">Mean distortion and rate on the whole training set (one noise draw per point).</param>
/// <param name="Check">The closed-form rate against its Monte Carlo estimate.</param>
public readonly record struct VariationalAutoencoderCheckpoint(int Epoch, RateDistortion Terms, KullbackLeiblerCheck Check);

/// <summary>A trained VAE and its history.</summary>
/// <param name="Model">The trained model.</param>
/// <param name="Checkpoints">The checkpoints, in epoch order.</param>
/// <param name="Iterations">Adam steps taken.</param>
public sealed record VariationalAutoencoderRun(VariationalAutoencoder Model, IReadOnlyList<VariationalAutoencoderCheckpoint> Checkpoints, int Iterations)
{
    /// <summary>The last checkpoint (after the last epoch).</summary>
    public VariationalAutoencoderCheckpoint Final => Checkpoints[^1];
}

/// <summary>Mini-batch Adam training of a <see cref="VariationalAutoencoder"/> on D + beta R, seeded.</summary>
public static class VariationalAutoencoderTraining
{
    /// <summary>Trains a VAE.</summary>
    /// <param name="options">The model's options (its Seed seeds the weights; the batches and noise use <paramref name="seed"/>).</param>
    /// <param name="data">Feature-major training data.</param>
    /// <param name="count">The number of points.</param>
    /// <param name="epochs">Passes over the data, &gt;= 1.</param>
    /// <param name="batchSize">Points per Adam step, &gt;= 1.</param>
    /// <param name="checkpoints">How many checkpoints, spread evenly over the epochs (the first before training), &gt;= 2.</param>
    /// <param name="seed">Seed of the shuffles, the noise and the Monte Carlo draws.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The model and its checkpoints.</returns>
    public static VariationalAutoencoderRun Train(VariationalAutoencoderOptions options, double[] data, int count, int epochs, int batchSize, int checkpoints, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (epochs < 1 || batchSize < 1 || checkpoints < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), $"`epochs` and `batchSize` must be >= 1 and `checkpoints` >= 2; got {epochs}, {batchSize} and {checkpoints}.");
        }

        var model = new VariationalAutoencoder(options);
        int d = options.InputDimension;
        if (data.Length != d * count)
        {
            throw new ArgumentException($"`data` must hold {d} x {count} values; got {data.Length}.", nameof(data));
        }

        var random = new Random(seed);
        var order = Enumerable.Range(0, count).ToArray();
        var batch = new double[d * batchSize];
        var history = new List<VariationalAutoencoderCheckpoint>();
        var marks = Enumerable.Range(0, checkpoints).Select(c => (int)Math.Round((double)c * epochs / (checkpoints - 1))).Distinct().ToHashSet();
        int steps = 0;
        for (int epoch = 0; epoch <= epochs; epoch++)
        {
            if (marks.Contains(epoch))
            {
                var terms = model.Loss(data, count, model.DrawNoise(count, random));
                history.Add(new VariationalAutoencoderCheckpoint(epoch, terms, model.CheckRate(data, count, 1, random)));
            }

            if (epoch == epochs)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            for (int start = 0; start < count; start += batchSize)
            {
                int m = Math.Min(batchSize, count - start);
                var x = m == batchSize ? batch : new double[d * m];
                for (int u = 0; u < d; u++)
                {
                    for (int b = 0; b < m; b++)
                    {
                        x[(u * m) + b] = data[(u * count) + order[start + b]];
                    }
                }

                model.ComputeGradients(x, m, model.DrawNoise(m, random));
                model.AdamStep();
                steps++;
            }
        }

        return new VariationalAutoencoderRun(model, history, steps);
    }
}
