using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shannon.Web.Api;

namespace Shannon.Web;

/// <summary>
/// Serves the page's files from resources embedded in this assembly (no file system, no CDN). Only flat names of
/// known types are asset names; a path that tries to climb (.., encoded dots or slashes, backslashes) is a 400,
/// an unknown name a 404, both in JSON.
/// </summary>
internal static partial class StaticAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, byte[]> Files = Load();

    /// <summary>The names of the embedded files.</summary>
    public static IEnumerable<string> Names => Files.Keys;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => Serve(context, "index.html"));
        // A catch-all of the lowest precedence, for every method: the API's own routes win over it.
        app.Map("/{**path}", (HttpContext context) =>
        {
            string raw = context.Request.Path.Value ?? "/";
            if (raw.StartsWith("/api/", StringComparison.Ordinal) || raw == "/api")
            {
                var routes = context.RequestServices.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                    .Select(e => (Route: e.RoutePattern.RawText ?? "", Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
                    .Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal))
                    .ToList();
                var allowed = routes.Where(e => string.Equals(e.Route.TrimEnd('/'), raw.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
                    .SelectMany(e => e.Methods).Distinct().Order(StringComparer.Ordinal).ToList();
                if (allowed.Count > 0)
                {
                    // The route exists, the method does not: 405 with the methods it takes (RFC 9110 sec. 15.5.6).
                    context.Response.Headers.Allow = string.Join(", ", allowed);
                    throw new ApiException(StatusCodes.Status405MethodNotAllowed, $"{context.Request.Method} is not allowed on {Shorten(raw)}; it takes {string.Join(", ", allowed)}.");
                }

                var endpoints = routes.SelectMany(e => e.Methods.Select(m => $"{m} {e.Route}")).Order(StringComparer.Ordinal);
                throw new ApiException(StatusCodes.Status404NotFound, $"no such API endpoint: {context.Request.Method} {Shorten(raw)} (the API has: {string.Join(", ", endpoints)})");
            }

            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                throw new ApiException(StatusCodes.Status405MethodNotAllowed, $"{context.Request.Method} is not allowed on {raw}; the page's files are read with GET.");
            }

            return Serve(context, raw.TrimStart('/'));
        });
    }

    private static IResult Serve(HttpContext context, string name)
    {
        // The raw target as the client sent it (before Kestrel's decoding and dot-segment removal).
        string target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? name;
        if (IsTraversal(target) || IsTraversal(name))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, $"refused path '{Shorten(target)}': asset names are plain file names (no '..', '/', '\\' or encoded characters).");
        }

        if (!AssetName().IsMatch(name) || !Files.TryGetValue(name, out var bytes))
        {
            throw new ApiException(StatusCodes.Status404NotFound, $"no such file: /{Shorten(name)}");
        }

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return Results.Bytes(bytes, ContentTypes[Path.GetExtension(name)]);
    }

    private static bool IsTraversal(string path)
    {
        int query = path.IndexOf('?', StringComparison.Ordinal);
        string p = query >= 0 ? path[..query] : path;
        return p.Contains("..", StringComparison.Ordinal) || p.Contains('\\', StringComparison.Ordinal) || p.Contains('%', StringComparison.Ordinal)
            || p.Contains('\0', StringComparison.Ordinal) || p.Contains("//", StringComparison.Ordinal) || p.Contains(':', StringComparison.Ordinal);
    }

    private static string Shorten(string s) => s.Length > 80 ? s[..80] + "..." : s;

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files[resource[Prefix.Length..]] = memory.ToArray();
        }

        return files.Where(f => ContentTypes.ContainsKey(Path.GetExtension(f.Key))).ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*\\.[a-z]+$")]
    private static partial Regex AssetName();
}
