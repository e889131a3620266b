using Shannon.Lab.Report;

namespace Shannon.Lab.Experiments;

/// <summary>Every experiment of the lab, in report order. Add one line per new experiment.</summary>
public static class ExperimentCatalog
{
    /// <summary>Creates all experiments.</summary>
    /// <returns>The experiments, in report order.</returns>
    public static IReadOnlyList<IExperiment> All() =>
    [
        new EntropyExperiment(),
        new BinaryEntropyExperiment(),
        new CodingExperiment(),
        new CrossEntropyExperiment(),
        new KullbackLeiblerExperiment(),
        new MutualInformationExperiment(),
        new TemperatureExperiment(),
        new KeyExerciseExperiment(),
        new LanguageExperiment(),
        new InformationBottleneckExperiment(),
        new InformationPlaneExperiment(),
        new AlignmentExperiment(),
        new EstimatorTrustExperiment(),
        new WordleExperiment(),
        new DataProcessingExperiment(),
        new LatentKnowledgeExperiment(),
        new VariationalAutoencoderExperiment(),
    ];

    /// <summary>Finds an experiment by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The experiment, or null.</returns>
    public static IExperiment? Find(string name) =>
        All().FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}
