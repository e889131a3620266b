namespace Shannon.Spatial;

/// <summary>The norm that measures the distance between two points of a sample.</summary>
public enum DistanceNorm
{
    /// <summary>The maximum (Chebyshev, L-infinity) norm: the largest absolute coordinate difference. KSG uses it.</summary>
    Maximum = 1,

    /// <summary>The Euclidean (L2) norm.</summary>
    Euclidean = 2,
}
