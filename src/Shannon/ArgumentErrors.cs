namespace Shannon;

/// <summary>
/// The one wording of Shannon's argument errors: "`{name}` must be {constraint}; got {value}." and a hint where one
/// helps. The library raises every argument error this way, and packages built on it (Shannon.ML) use the same
/// methods, so that the command line can name the user's flag for the parameter and users read one form everywhere.
/// </summary>
public static class ArgumentErrors
{
    /// <summary>The message.</summary>
    /// <param name="name">The parameter, as the caller wrote it.</param>
    /// <param name="constraint">What it must be ("a finite number &gt; 0").</param>
    /// <param name="got">What it was, as text.</param>
    /// <param name="hint">One sentence on the fix, or null.</param>
    /// <returns>The message.</returns>
    public static string Message(string name, string constraint, string got, string? hint = null) =>
        $"`{name}` must be {constraint}; got {got}." + (hint is null ? "" : " " + hint);

    /// <summary>An <see cref="ArgumentException"/> with <see cref="Message"/> and the parameter's name.</summary>
    /// <param name="name">The parameter, as the caller wrote it.</param>
    /// <param name="constraint">What it must be.</param>
    /// <param name="got">What it was, as text.</param>
    /// <param name="hint">One sentence on the fix, or null.</param>
    /// <returns>The exception, to throw.</returns>
    public static ArgumentException Error(string name, string constraint, string got, string? hint = null) =>
        new(Message(name, constraint, got, hint), name);

    /// <summary>An <see cref="ArgumentOutOfRangeException"/> with <see cref="Message"/> and the parameter's name.</summary>
    /// <param name="name">The parameter, as the caller wrote it.</param>
    /// <param name="constraint">What it must be.</param>
    /// <param name="got">What it was, as text.</param>
    /// <param name="hint">One sentence on the fix, or null.</param>
    /// <returns>The exception, to throw.</returns>
    public static ArgumentOutOfRangeException OutOfRange(string name, string constraint, string got, string? hint = null) =>
        new(name, Message(name, constraint, got, hint));

    /// <summary>The error for an <see cref="InformationUnit"/> that is not one of its members.</summary>
    /// <param name="unit">The value given.</param>
    /// <param name="name">The parameter, as the caller wrote it.</param>
    /// <returns>The exception, to throw.</returns>
    public static ArgumentOutOfRangeException InvalidUnit(InformationUnit unit, string name) =>
        OutOfRange(name, "Bits, Nats or Hartleys", ((int)unit).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
