using Shannon.Lab.Experiments;

namespace Shannon.Lab.Tests;

public class BinnedMutualInformationTests
{
    private static readonly double[] X = [0.1, 0.5, 1.3, 2.2, 2.9, 3.7, 4.4, 5.0, 5.5, 6.1, 7.3, 8.0];
    private static readonly double[] Y = [1.0, 0.2, 1.9, 2.5, 2.0, 3.9, 3.1, 4.8, 6.0, 5.2, 6.6, 7.7];

    [Theory]
    // tools/reference/lab_binned_mi.py: np.histogram2d(x, y, bins=B) then
    // sklearn.metrics.mutual_info_score(None, None, contingency=counts) / ln 2 (numpy 1.24, scikit-learn 1.2.1).
    // Same counts, so only rounding differs: tolerance 1e-12.
    [InlineData(2, 0.6548575458269759)]
    [InlineData(3, 1.2841591278514217)]
    [InlineData(4, 1.103759374819711)]
    public void MatchesNumpyHistogramAndScikitLearn(int bins, double expectedBits)
    {
        Assert.Equal(expectedBits, MutualInformationExperiment.BinnedMutualInformation(X, Y, bins), 12);
    }
}
