namespace Shannon.Estimators.Continuous;

/// <summary>How a real column is cut into bins.</summary>
public enum BinningRule
{
    /// <summary><see cref="BinningOptions.BinCount"/> bins of equal width over [min, max].</summary>
    EqualWidth = 1,

    /// <summary><see cref="BinningOptions.BinCount"/> bins holding (about) equally many samples: edges at the sample quantiles.</summary>
    EqualFrequency = 2,

    /// <summary>Equal-width bins of width 2 IQR N^(-1/3) (Freedman and Diaconis 1981), bin count ceil(range / width), as numpy's "fd".</summary>
    FreedmanDiaconis = 3,

    /// <summary>Equal-width bins of width (24 sqrt(pi) / N)^(1/3) sigma, about 3.49 sigma N^(-1/3) (Scott 1979), as numpy's "scott".</summary>
    Scott = 4,

    /// <summary>ceil(log2 N + 1) equal-width bins (Sturges 1926), as numpy's "sturges".</summary>
    Sturges = 5,

    /// <summary>Bins of width <see cref="BinningOptions.BinWidth"/> starting at the minimum.</summary>
    FixedWidth = 6,

    /// <summary>For mutual information: B = round(sqrt((1 + sqrt(1 + 24 N / (1 - r^2))) / 2)) equal-width bins per scalar
    /// column, r the Pearson correlation of the pair (Hacine-Gharbi, Ravier, Harba and Mohamadi, "Low bias
    /// histogram-based estimation of mutual information for feature selection", Pattern Recognit. Lett. 33(10), 1302,
    /// 2012, doi:10.1016/j.patrec.2012.02.022, eq. 17); at most sqrt(N) bins (so there are at least as many samples as
    /// cells). For an entropy, or a column of a multivariate variable, r = 0. The default of
    /// <see cref="BinnedMutualInformationEstimator()"/>: 10 bins per column at N = 2000 for independent columns, where
    /// the density rules (Freedman-Diaconis: 33 to 36) leave fewer than two samples per cell.</summary>
    HacineGharbi = 7,
}
