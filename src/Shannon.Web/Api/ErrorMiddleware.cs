using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Shannon.Web.Api;

/// <summary>
/// Turns refused requests into a JSON body <c>{"error": "...", "status": N}</c>: <see cref="ApiException"/> with its
/// status, the library's <see cref="ArgumentException"/> (a value out of its domain) as 400, Kestrel's own refusals
/// (e.g. a body over the limit) with theirs; anything else is a bug: 500, and the server keeps serving.
/// </summary>
internal sealed class ErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            await WriteAsync(context, e.Status, e.Message).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, LibraryMessage(e)).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            await WriteAsync(context, e.StatusCode, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "internal error (a bug, please report it): " + e.GetType().Name + ": " + e.Message).ConfigureAwait(false);
        }
    }

    /// <summary>A JSON body for statuses set without one (404 of an unknown route, 405 of a wrong method).</summary>
    public static Task WriteStatusCodePageAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        int code = context.Response.StatusCode;
        string message = code switch
        {
            StatusCodes.Status404NotFound => $"no such page or API endpoint: {context.Request.Path}",
            StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}",
            _ => $"the request was refused with status {code}",
        };
        return WriteAsync(context, code, message);
    }

    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        var allow = context.Response.Headers.Allow;
        context.Response.Clear();
        context.Response.Headers.Allow = allow;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = message, status }, ExplorerServer.JsonOptions), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The library's message without the " (Parameter 'x')" suffix (the message already names it).</summary>
    private static string LibraryMessage(ArgumentException e)
    {
        if (e.ParamName is null)
        {
            return e.Message;
        }

        string suffix = $" (Parameter '{e.ParamName}')";
        int at = e.Message.IndexOf(suffix, StringComparison.Ordinal);
        return at >= 0 ? e.Message.Remove(at, suffix.Length) : e.Message;
    }
}
