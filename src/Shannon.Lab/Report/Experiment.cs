namespace Shannon.Lab.Report;

/// <summary>One experiment of the lab: it computes everything with the library and returns tables and figures.</summary>
public interface IExperiment
{
    /// <summary>The command-line name, e.g. "entropy" (lower case, dashes).</summary>
    string Name { get; }

    /// <summary>The section title in the report.</summary>
    string Title { get; }

    /// <summary>Runs the experiment.</summary>
    /// <param name="context">Options, progress and cancellation.</param>
    /// <returns>The tables, figures and key numbers.</returns>
    ExperimentResult Run(ExperimentContext context);
}

/// <summary>What an experiment is given to run.</summary>
public sealed class ExperimentContext
{
    /// <summary>A smaller, faster run for tests (same code path, fewer samples or epochs).</summary>
    public bool Quick { get; init; }

    /// <summary>Receives progress messages and fractions; may be null.</summary>
    public IProgress<ExperimentProgress>? Progress { get; init; }

    /// <summary>Cancels a long run.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Experiment settings as key=value pairs (`shannon lab --set key=value`); each experiment documents its keys.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A folder for downloaded data (the Brown corpus) that survives between runs.</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    /// <summary>Reports a step of the named experiment.</summary>
    /// <param name="experiment">The experiment's name.</param>
    /// <param name="message">What is happening.</param>
    /// <param name="fraction">Done so far, in [0, 1].</param>
    public void Report(string experiment, string message, double fraction) =>
        Progress?.Report(new ExperimentProgress(experiment, message, fraction));

    /// <summary>$SHANNON_CACHE, else $XDG_CACHE_HOME/shannon, else ~/.cache/shannon.</summary>
    /// <returns>The folder path (not created here).</returns>
    public static string DefaultCacheDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable("SHANNON_CACHE");
        if (!string.IsNullOrEmpty(explicitDir))
        {
            return explicitDir;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "shannon");
    }
}

/// <summary>A progress report of a running experiment.</summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="Message">What is happening.</param>
/// <param name="Fraction">Done so far, in [0, 1].</param>
public readonly record struct ExperimentProgress(string Experiment, string Message, double Fraction);
