using System.Globalization;

namespace Shannon.Estimators.Discrete;

/// <summary>Builds <see cref="InformationEstimate"/> results in the requested unit, with the common warnings.</summary>
internal static class EstimateBuilder
{
    public static InformationEstimate Entropy(string name, double nats, InformationUnit unit, CountSummary s,
        IReadOnlyDictionary<string, double>? diagnostics = null, IEnumerable<string>? extraWarnings = null)
    {
        var warnings = new List<string>();
        if (s.Total < 2 * s.Occupied && s.Occupied > 1)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Undersampled: {s.Occupied} occupied bins for {s.Total} samples; estimates differ strongly between estimators (consider nsb or chao-shen)."));
        }

        if (extraWarnings is not null)
        {
            warnings.AddRange(extraWarnings);
        }

        return new InformationEstimate(InformationUnits.FromNats(nats, unit), unit, s.Total, name)
        {
            Diagnostics = diagnostics ?? InformationEstimate.MakeDiagnostics(("alphabet_size", s.AlphabetSize), ("occupied_bins", s.Occupied)),
            Warnings = warnings,
        };
    }
}
