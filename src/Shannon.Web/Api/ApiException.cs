namespace Shannon.Web.Api;

/// <summary>A request the API refuses: its status code (4xx) and one sentence saying what was wrong.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
