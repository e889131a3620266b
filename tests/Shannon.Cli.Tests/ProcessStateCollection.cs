namespace Shannon.Cli.Tests;

/// <summary>
/// The few CLI tests that change the whole process's state, and so run alone, after the parallel ones (every other
/// test runs in parallel: each in-process run prints through its own writers). The fuzzer sets
/// <see cref="Environment.CurrentDirectory"/> to its scratch folder (its generated relative paths and the commands'
/// default outputs, such as `lab`'s `report`, land there), which would move the relative paths of any test running
/// beside it, and it judges memory blow-ups by the process's working set, which other tests would inflate.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "process state (current directory, working set)";
}
