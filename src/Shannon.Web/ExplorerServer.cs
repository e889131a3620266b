using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shannon.Web.Api;

namespace Shannon.Web;

/// <summary>Where the explorer listens.</summary>
/// <param name="Host">An IP address or <c>localhost</c>; 127.0.0.1 by default, so the page is reachable from this machine only.</param>
/// <param name="Port">The TCP port; 0 asks the operating system for a free one.</param>
/// <param name="FallbackToFreePort">When the port is taken, listen on a free port instead of failing.</param>
/// <param name="CorpusPath">A UTF-8 text for the temperature panel's character model and the Wordle panel's candidate answers; null: Shannon's built-in text.</param>
public sealed record ExplorerOptions(string Host = ExplorerOptions.DefaultHost, int Port = ExplorerOptions.DefaultPort, bool FallbackToFreePort = false, string? CorpusPath = null)
{
    /// <summary>The default host: loopback only.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>The default port.</summary>
    public const int DefaultPort = 5000;

    /// <summary>The largest CSV the "Your data" panel accepts, in bytes (1 MiB).</summary>
    public const int MaxUploadBytes = 1 << 20;

    /// <summary>
    /// The most time one request may compute (default 10 s): past it the request's token is cancelled, its work
    /// stops at the next check, and it answers 503. The client leaving cancels it at once.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The explorer: a local web page (embedded in this assembly) and a small JSON API whose every number comes from
/// the library. Bad requests get a 4xx status and a JSON body <c>{"error": "...", "status": N}</c>.
/// </summary>
public static class ExplorerServer
{
    /// <summary>Builds the application (not started) for the given options.</summary>
    /// <param name="options">Host and port.</param>
    /// <returns>The application.</returns>
    public static WebApplication Build(ExplorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = ParseHost(options.Host);
        if (options.CorpusPath is not null && !File.Exists(options.CorpusPath))
        {
            throw new FileNotFoundException($"`corpus` must be an existing text file; got '{options.CorpusPath}'.", options.CorpusPath);
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`port` must be an integer in [0, 65535]; got {options.Port}.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(ExplorerServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k =>
        {
            // The upload endpoint reads at most MaxUploadBytes itself and answers 413 in JSON; this is the backstop.
            k.Limits.MaxRequestBodySize = 4L * ExplorerOptions.MaxUploadBytes;
            k.AddServerHeader = false;
            if (address is null)
            {
                k.ListenLocalhost(options.Port);
            }
            else
            {
                k.Listen(address, options.Port);
            }
        });
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            // +Infinity is a value (the surprisal of an impossible outcome), written as the string "Infinity".
            j.SerializerOptions.NumberHandling = JsonOptions.NumberHandling;
            j.SerializerOptions.Encoder = JsonOptions.Encoder;
            j.SerializerOptions.PropertyNamingPolicy = JsonOptions.PropertyNamingPolicy;
        });

        builder.Services.AddSingleton(new Estimation.LanguageModelSource(options.CorpusPath));
        builder.Services.AddSingleton(new WordleSource(options.CorpusPath));
        var app = builder.Build();
        app.UseMiddleware<RequestGuard>(options);
        app.UseMiddleware<ErrorMiddleware>();
        app.UseStatusCodePages(ErrorMiddleware.WriteStatusCodePageAsync);
        foreach (var map in PanelCatalog.All())
        {
            map(app);
        }

        StaticAssets.Map(app);
        return app;
    }

    /// <summary>
    /// Builds and starts the explorer and returns it with the address it listens on (the bound port when 0 was asked for).
    /// </summary>
    /// <param name="options">Host and port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running application and its base address, e.g. http://127.0.0.1:5000/.</returns>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(ExplorerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = Build(options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (options.FallbackToFreePort && options.Port != 0)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            return await StartAsync(options with { Port = 0, FallbackToFreePort = false }, cancellationToken).ConfigureAwait(false);
        }

        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses;
        var first = addresses.First();
        return (app, new Uri(first.EndsWith('/') ? first : first + "/"));
    }

    /// <summary>
    /// The API's JSON conventions: snake_case keys, the vocabulary of <c>shannon --json</c> (an estimate itself is written
    /// by the library's <see cref="Shannon.Estimators.EstimateJson"/>, so it has the command line's keys); +Infinity as
    /// the string "Infinity"; characters such as ` and ' written as themselves (the answers are application/json, never
    /// pasted into HTML).
    /// </summary>
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The version string shown on the page.</summary>
    internal static string Version =>
        typeof(ExplorerServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    private static IPAddress? ParseHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        throw new ArgumentException($"`host` must be an IP address (e.g. 127.0.0.1) or localhost; got '{host}'.", nameof(host));
    }
}
