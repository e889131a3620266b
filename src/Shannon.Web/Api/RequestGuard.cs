using System.Net;
using Microsoft.AspNetCore.Http;

namespace Shannon.Web.Api;

/// <summary>
/// The explorer's guard, in front of every route: a Host header that is a loopback name unless the server was asked
/// to listen elsewhere (DNS rebinding: a page on evil.example whose name resolves to 127.0.0.1 sends Host:
/// evil.example, and is refused); POSTs that a cross-origin page cannot send without a CORS preflight (a non-simple
/// content type such as text/csv, or the <see cref="CustomHeader"/> header); and a budget for each request: the
/// request's token (<see cref="HttpContext.RequestAborted"/>) is cancelled when the client leaves or when
/// <see cref="ExplorerOptions.RequestTimeout"/> has passed, every long computation observes it, and a request over
/// budget answers 503 in JSON.
/// </summary>
internal sealed class RequestGuard(RequestDelegate next, ExplorerOptions options)
{
    /// <summary>The header a script may send instead of a non-simple content type (its value is not checked).</summary>
    public const string CustomHeader = "X-Shannon-Request";

    private static readonly string[] SimpleContentTypes = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"];

    private readonly bool _anyHost = !IsLoopback(options.Host);

    /// <summary>Requests whose work was cancelled because the client left (for tests).</summary>
    internal static long ClientAbandoned;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_anyHost && !IsLoopbackName(context.Request.Host.Host))
        {
            await ErrorMiddleware.WriteAsync(context, StatusCodes.Status421MisdirectedRequest,
                $"the Host header must be a loopback name (localhost, 127.0.0.1 or [::1]); got '{context.Request.Host}'. Start `shannon serve --host ADDRESS` to serve other names.").ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method) && !PreflightRequired(context.Request))
        {
            await ErrorMiddleware.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                $"a POST must carry a non-simple Content-Type (e.g. text/csv) or the {CustomHeader} header; got '{context.Request.ContentType ?? "none"}' (cross-origin pages cannot send either without permission).").ConfigureAwait(false);
            return;
        }

        var clientGone = context.RequestAborted;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        budget.CancelAfter(options.RequestTimeout);
        context.RequestAborted = budget.Token;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (clientGone.IsCancellationRequested)
        {
            // The client left: its work stopped at the next check of the token; nobody is there to answer.
            Interlocked.Increment(ref ClientAbandoned);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            context.RequestAborted = clientGone;
            await ErrorMiddleware.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                $"the request needed more than the explorer's limit of {options.RequestTimeout.TotalSeconds:0.#} s of computation and was stopped; use a smaller file, a faster estimator (plugin), or the `shannon` command for large jobs.").ConfigureAwait(false);
        }
    }

    private static bool PreflightRequired(HttpRequest request)
    {
        if (request.Headers.ContainsKey(CustomHeader))
        {
            return true;
        }

        string? type = request.ContentType;
        if (string.IsNullOrWhiteSpace(type))
        {
            return false;
        }

        string media = type.Split(';')[0].Trim();
        return !SimpleContentTypes.Contains(media, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static bool IsLoopbackName(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }
}
