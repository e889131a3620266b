namespace Shannon.Estimators.Discrete;

/// <summary>The discrete entropy estimators by their CLI names (DESIGN.md): one place to resolve a name.</summary>
public static class EntropyEstimators
{
    /// <summary>Every name, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["plugin", "miller-madow", "chao-shen", "james-stein", "nsb", "grassberger", "jeffreys", "laplace", "perks", "minimax"];

    /// <summary>The estimator with this name (case-insensitive), with default options.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <param name="estimator">The estimator, when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out IEntropyEstimator estimator)
    {
        IEntropyEstimator? e = name?.Trim().ToLowerInvariant() switch
        {
            "plugin" or "plug-in" or "ml" or "empirical" => PluginEntropyEstimator.Instance,
            "miller-madow" or "mm" => MillerMadowEntropyEstimator.Instance,
            "chao-shen" or "cs" => ChaoShenEntropyEstimator.Instance,
            "james-stein" or "shrink" => new JamesSteinEntropyEstimator(),
            "nsb" => new NsbEntropyEstimator(),
            "grassberger" => GrassbergerEntropyEstimator.Instance,
            "jeffreys" => DirichletEntropyEstimator.For(DirichletPrior.Jeffreys),
            "laplace" => DirichletEntropyEstimator.For(DirichletPrior.Laplace),
            "perks" or "sg" => DirichletEntropyEstimator.For(DirichletPrior.Perks),
            "minimax" => DirichletEntropyEstimator.For(DirichletPrior.Minimax),
            _ => null,
        };
        estimator = e!;
        return e is not null;
    }

    /// <summary>The estimator with this name, or an <see cref="ArgumentException"/> that lists the names.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The estimator.</returns>
    public static IEntropyEstimator Parse(string name) =>
        TryParse(name, out var e)
            ? e
            : throw Preconditions.Error(nameof(name), "one of " + string.Join(", ", Names), $"'{name}'");
}
