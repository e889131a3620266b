namespace Shannon.Estimators.Catalogue;

/// <summary>What kind of variable a column of data is, which decides the estimators that fit it.</summary>
public enum VariableKind
{
    /// <summary>Labels: text, booleans, and integers that take few distinct values for the sample size (<see cref="ColumnKinds"/>).</summary>
    Categorical = 1,

    /// <summary>Real numbers without repeats, and integers that take many distinct values, also without repeats.</summary>
    Continuous = 2,

    /// <summary>Real numbers (or many-valued integers) of which some repeat: rounded measurements. k-NN distances can be 0.</summary>
    ContinuousWithTies = 3,
}

/// <summary>A column's kind and the reason it was given, as the results report it.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Reason">Why, in words (e.g. "integers with 94 distinct values in 178 rows (more than floor(sqrt(178)) = 13)").</param>
public sealed record ColumnKindDecision(string Column, VariableKind Kind, string Reason)
{
    /// <summary>The kind as JSON and the command line spell it: "categorical", "continuous" or "continuous-with-ties".</summary>
    public string KindName => ColumnKinds.Name(Kind);
}
