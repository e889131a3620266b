using System.Runtime.ExceptionServices;

namespace Shannon;

/// <summary>
/// Parallel loops that fail as a serial loop would: <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>
/// wraps what its bodies throw in an <see cref="AggregateException"/>, which would turn one bad column's
/// <see cref="ArgumentException"/> (a refusal naming the parameter) into an unexplained error for the caller.
/// </summary>
internal static class ParallelLoops
{
    /// <summary>Runs <paramref name="body"/> for <paramref name="fromInclusive"/> .. <paramref name="toExclusive"/> - 1 in
    /// parallel; rethrows the first argument error of the bodies (else their first error) unwrapped, with its stack.</summary>
    public static void For(int fromInclusive, int toExclusive, ParallelOptions options, Action<int> body)
    {
        try
        {
            Parallel.For(fromInclusive, toExclusive, options, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            var first = e.InnerExceptions.FirstOrDefault(x => x is ArgumentException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
    }
}
