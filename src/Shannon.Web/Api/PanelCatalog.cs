using Microsoft.AspNetCore.Routing;

namespace Shannon.Web.Api;

/// <summary>Every panel's API. Add one line per new panel.</summary>
internal static class PanelCatalog
{
    public static IEnumerable<Action<IEndpointRouteBuilder>> All() =>
    [
        CoinApi.Map,
        GaussiansApi.Map,
        CorrelationApi.Map,
        TemperatureApi.Map,
        BottleneckApi.Map,
        VennApi.Map,
        DataApi.Map,
        CrossEntropyApi.Map,
        LeashApi.Map,
        CalibrationApi.Map,
        WordleApi.Map,
    ];
}
