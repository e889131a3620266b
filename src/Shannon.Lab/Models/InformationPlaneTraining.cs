using Shannon.Estimators.InformationPlane;

namespace Shannon.Lab.Models;

/// <summary>The estimators of the information plane.</summary>
public enum PlaneEstimator
{
    /// <summary>30 bins on [-1, 1] (Shwartz-Ziv &amp; Tishby 2017).</summary>
    FixedRangeBinning = 1,

    /// <summary>Bins of width 0.07, unbounded (Saxe et al. 2018).</summary>
    FixedWidthBinning = 2,

    /// <summary>The KDE upper bound of Kolchinsky &amp; Tracey (2017), noise variance 1e-3.</summary>
    KernelDensityUpperBound = 3,
}

/// <summary>Options of one information-plane training run.</summary>
public sealed record InformationPlaneOptions
{
    /// <summary>The defaults: tanh, 10,000 epochs, minibatches of 256 (Saxe et al.), Adam 1e-3, 80/20 split, ~120 tracked epochs, every estimator.</summary>
    public static InformationPlaneOptions Default { get; } = new();

    /// <summary>Hidden activation. Default tanh.</summary>
    public HiddenActivation Activation { get; init; } = HiddenActivation.Tanh;

    /// <summary>Units per layer. Default 12-10-7-5-4-3-2.</summary>
    public IReadOnlyList<int> LayerSizes { get; init; } = [12, 10, 7, 5, 4, 3, 2];

    /// <summary>Training epochs. Default 10,000.</summary>
    public int Epochs { get; init; } = 10_000;

    /// <summary>Minibatch size; 0 means full batch. Default 256 (Saxe et al. 2018).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Adam's step size. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>The fraction of the 4096 patterns used for training. Default 0.8.</summary>
    public double TrainFraction { get; init; } = 0.8;

    /// <summary>How many log-spaced epochs to ask for (after de-duplication a few fewer, plus epoch 0). Default 130 (about 110 distinct for 10,000 epochs).</summary>
    public int TrackedEpochs { get; init; } = 130;

    /// <summary>The estimators to compute at the tracked epochs. Default all three.</summary>
    public IReadOnlyList<PlaneEstimator> Estimators { get; init; } =
        [PlaneEstimator.FixedRangeBinning, PlaneEstimator.FixedWidthBinning, PlaneEstimator.KernelDensityUpperBound];

    /// <summary>The seed of the split, the initial weights and the minibatch order.</summary>
    public int Seed { get; init; }
}

/// <summary>The record of one training run.</summary>
public sealed class InformationPlaneRun
{
    internal InformationPlaneRun(int[] epochs, int layers, IReadOnlyList<PlaneEstimator> estimators, int totalEpochs)
    {
        Epochs = epochs;
        Planes = estimators.ToDictionary(e => e, _ => new PlanePoint[epochs.Length, layers]);
        TrainLossPerEpoch = new double[totalEpochs + 1];
        TrainLoss = new double[epochs.Length];
        TestLoss = new double[epochs.Length];
        TrainAccuracy = new double[epochs.Length];
        TestAccuracy = new double[epochs.Length];
    }

    /// <summary>The tracked epochs (0 = before training), increasing.</summary>
    public int[] Epochs { get; }

    /// <summary>Per estimator: [tracked epoch, layer] plane points (layers: the hidden layers, then the softmax output).</summary>
    public Dictionary<PlaneEstimator, PlanePoint[,]> Planes { get; }

    /// <summary>Mean minibatch cross-entropy (nats) of each epoch; entry 0 is the full training loss before training.</summary>
    public double[] TrainLossPerEpoch { get; }

    /// <summary>Training loss (nats) at the tracked epochs.</summary>
    public double[] TrainLoss { get; }

    /// <summary>Test loss (nats) at the tracked epochs.</summary>
    public double[] TestLoss { get; }

    /// <summary>Training accuracy at the tracked epochs.</summary>
    public double[] TrainAccuracy { get; }

    /// <summary>Test accuracy at the tracked epochs.</summary>
    public double[] TestAccuracy { get; }

    /// <summary>Seconds spent training (forward, backward, Adam).</summary>
    public double TrainingSeconds { get; internal set; }

    /// <summary>Seconds spent per estimator.</summary>
    public Dictionary<PlaneEstimator, double> EstimatorSeconds { get; } = [];
}

/// <summary>Trains the network on <see cref="InformationPlaneData"/> and records the information plane.</summary>
public static class InformationPlaneTraining
{
    /// <summary>The tracked epochs: 0 and round(E^(k/(m-1))) for k = 0..m-1, de-duplicated.</summary>
    /// <param name="epochs">E &gt;= 1.</param>
    /// <param name="requested">m &gt;= 2.</param>
    /// <returns>Increasing epochs from 0 to E.</returns>
    public static int[] LogSpacedEpochs(int epochs, int requested)
    {
        var set = new SortedSet<int> { 0, epochs };
        for (int k = 0; k < requested; k++)
        {
            set.Add((int)Math.Round(Math.Pow(epochs, k / (double)(requested - 1))));
        }

        return [.. set];
    }

    /// <summary>One seeded run. Deterministic for a seed.</summary>
    /// <param name="options">Options (null: defaults).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The record.</returns>
    public static InformationPlaneRun Run(InformationPlaneOptions? options = null, CancellationToken cancellationToken = default) =>
        Run(options, null, cancellationToken);

    /// <summary>One seeded run, reporting the epochs trained. Deterministic for a seed (progress changes nothing).</summary>
    /// <param name="options">Options (null: defaults).</param>
    /// <param name="epochsTrained">Receives the number of epochs trained so far, after each epoch; may be null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The record.</returns>
    public static InformationPlaneRun Run(InformationPlaneOptions? options, IProgress<int>? epochsTrained, CancellationToken cancellationToken = default)
    {
        options ??= InformationPlaneOptions.Default;
        if (options.Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`Epochs` must be >= 1; got {options.Epochs}.");
        }

        if (options.BatchSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`BatchSize` must be >= 0 (0: full batch); got {options.BatchSize}.");
        }

        if (!(options.TrainFraction > 0 && options.TrainFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`TrainFraction` must be in (0, 1); got {options.TrainFraction}.");
        }

        var inputs = InformationPlaneData.Inputs();
        var labels = InformationPlaneData.Labels();
        int n = InformationPlaneData.Count, d = InformationPlaneData.Bits;
        var random = new Random(options.Seed);
        var perm = Enumerable.Range(0, n).ToArray();
        random.Shuffle(perm);
        int nTrain = (int)Math.Round(options.TrainFraction * n);
        var train = perm[..nTrain];
        var test = perm[nTrain..];
        var (trainX, trainY) = Gather(inputs, labels, train, d, n);
        var (testX, testY) = Gather(inputs, labels, test, d, n);

        var net = new Mlp(new MlpOptions { LayerSizes = options.LayerSizes, Activation = options.Activation, LearningRate = options.LearningRate, Seed = options.Seed });
        var evaluator = new Mlp(new MlpOptions { LayerSizes = options.LayerSizes, Activation = options.Activation, Seed = options.Seed });
        int batch = options.BatchSize == 0 ? nTrain : Math.Min(options.BatchSize, nTrain);
        var epochs = LogSpacedEpochs(options.Epochs, options.TrackedEpochs);
        int layers = options.LayerSizes.Count - 1;
        var run = new InformationPlaneRun(epochs, layers, options.Estimators, options.Epochs);
        var batchX = new double[d * batch];
        var batchY = new int[batch];
        var order = Enumerable.Range(0, nTrain).ToArray();
        var watch = new System.Diagnostics.Stopwatch();
        int next = 0;
        for (int epoch = 0; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (epoch > 0)
            {
                watch.Start();
                random.Shuffle(order);
                double lossSum = 0;
                int seen = 0;
                for (int start = 0; start < nTrain; start += batch)
                {
                    int size = Math.Min(batch, nTrain - start);
                    for (int b = 0; b < size; b++)
                    {
                        int s = order[start + b];
                        batchY[b] = trainY[s];
                        for (int i = 0; i < d; i++)
                        {
                            batchX[(i * size) + b] = trainX[(i * nTrain) + s];
                        }
                    }

                    lossSum += net.ComputeGradients(batchX.AsSpan(0, d * size), batchY.AsSpan(0, size)) * size;
                    seen += size;
                    net.AdamStep();
                }

                run.TrainLossPerEpoch[epoch] = lossSum / seen;
                watch.Stop();
                epochsTrained?.Report(epoch);
            }

            if (next < epochs.Length && epochs[next] == epoch)
            {
                Record(run, next, net, evaluator, inputs, labels, trainX, trainY, testX, testY, options);
                if (epoch == 0)
                {
                    run.TrainLossPerEpoch[0] = run.TrainLoss[0];
                }

                next++;
            }
        }

        run.TrainingSeconds = watch.Elapsed.TotalSeconds;
        return run;
    }

    private static void Record(
        InformationPlaneRun run, int index, Mlp net, Mlp evaluator, double[] inputs, int[] labels,
        double[] trainX, int[] trainY, double[] testX, int[] testY, InformationPlaneOptions options)
    {
        // Evaluate with a copy of the weights, so that the training network's buffers are untouched.
        for (int l = 0; l < net.WeightLayerCount; l++)
        {
            net.Weights(l).CopyTo(evaluator.Weights(l));
            net.Biases(l).CopyTo(evaluator.Biases(l));
        }

        (run.TrainLoss[index], run.TrainAccuracy[index]) = evaluator.Evaluate(trainX, trainY);
        (run.TestLoss[index], run.TestAccuracy[index]) = evaluator.Evaluate(testX, testY);
        evaluator.Forward(inputs, labels.Length);
        foreach (var estimator in options.Estimators)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (int l = 1; l < net.LayerSizes.Count; l++)
            {
                var a = evaluator.Activations(l);
                int units = net.LayerSizes[l];
                run.Planes[estimator][index, l - 1] = estimator switch
                {
                    PlaneEstimator.FixedRangeBinning => LayerInformation.FixedRangeBinning(a, units, labels, InformationUnit.Bits),
                    PlaneEstimator.FixedWidthBinning => LayerInformation.FixedWidthBinning(a, units, labels, InformationUnit.Bits),
                    _ => LayerInformation.KernelDensityUpperBound(a, units, labels, InformationUnit.Bits),
                };
            }

            run.EstimatorSeconds[estimator] = run.EstimatorSeconds.GetValueOrDefault(estimator) + watch.Elapsed.TotalSeconds;
        }
    }

    private static (double[] X, int[] Y) Gather(double[] inputs, int[] labels, int[] rows, int d, int n)
    {
        var x = new double[d * rows.Length];
        var y = new int[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            y[r] = labels[rows[r]];
            for (int i = 0; i < d; i++)
            {
                x[(i * rows.Length) + r] = inputs[(i * n) + rows[r]];
            }
        }

        return (x, y);
    }
}
