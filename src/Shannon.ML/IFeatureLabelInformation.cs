using Shannon.Estimators;

namespace Shannon.ML;

/// <summary>
/// The one question the selector asks: an estimate of I(feature; label) for one feature column against class
/// labels. The seam between the ML.NET surface and the library: today <see cref="AutomaticFeatureLabelInformation"/>
/// picks among the library's estimators; the library's estimator catalogue can stand behind it later unchanged.
/// </summary>
internal interface IFeatureLabelInformation
{
    /// <summary>Estimates I(feature; label).</summary>
    /// <param name="feature">The N values of the feature (finite).</param>
    /// <param name="labels">The N class labels as codes 0..L-1.</param>
    /// <param name="labelCount">L, the number of classes.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate (raw: negative values are returned as they are), with the estimator's name.</returns>
    InformationEstimate Estimate(ReadOnlySpan<double> feature, ReadOnlySpan<int> labels, int labelCount, InformationUnit unit);
}
