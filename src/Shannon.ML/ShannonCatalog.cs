using Microsoft.ML;

namespace Shannon.ML;

/// <summary>Adds Shannon's selector to ML.NET's catalogue.</summary>
public static class ShannonCatalog
{
    /// <summary>
    /// Keeps the slots of <paramref name="inputColumnName"/> that carry the most information about the label, by
    /// Shannon's bias-aware estimates (see <see cref="ShannonFeatureSelectingEstimator"/>); the counterpart of
    /// <c>SelectFeaturesBasedOnMutualInformation</c>.
    /// </summary>
    /// <param name="context">The ML.NET context.</param>
    /// <param name="outputColumnName">The output vector column.</param>
    /// <param name="inputColumnName">The input vector column (null: <paramref name="outputColumnName"/>).</param>
    /// <param name="labelColumnName">The label column (default "Label").</param>
    /// <param name="options">The options (null: the defaults).</param>
    /// <returns>The estimator.</returns>
    public static ShannonFeatureSelectingEstimator SelectFeaturesByShannonInformation(this MLContext context, string outputColumnName, string? inputColumnName = null, string labelColumnName = "Label", ShannonFeatureSelectionOptions? options = null) =>
        new(context, outputColumnName, inputColumnName, labelColumnName, options);
}
