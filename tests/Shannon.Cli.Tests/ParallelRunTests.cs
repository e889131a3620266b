namespace Shannon.Cli.Tests;

/// <summary>
/// In-process runs at the same time keep their outputs apart: every command prints through the writers
/// <see cref="CliApp.Run(string[], TextWriter, TextWriter)"/> is given, never the process console (which the CLI tests
/// once had to swap, one test at a time).
/// </summary>
public sealed class ParallelRunTests
{
    private static readonly string[][] Cases =
    [
        ["kl", "--p", "0.5,0.5", "--q", "1,0"], // a result on stdout and a warning on stderr
        ["entropy", "--probabilities", "0.5,0.25,0.25"],
        ["js", "--p", "1,0", "--q", "0,1", "--json"],
        ["convert", "1", "--from", "bits", "--to", "nats"],
        ["kl", "--p", "0.5,0.5", "--q", "nope"], // a usage error: one line on stderr
    ];

    [Fact]
    public void RunsAtOnceGiveTheSameBytesAsRunsAlone()
    {
        var alone = Cases.Select(c => CliRunner.Run(c)).ToArray();
        Assert.Contains("warning: ", alone[0].Err, StringComparison.Ordinal);
        Assert.Equal(2, alone[^1].Code);

        var together = new (int Code, string Out, string Err)[Cases.Length * 16];
        Parallel.For(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => together[i] = CliRunner.Run(Cases[i % Cases.Length]));
        for (int i = 0; i < together.Length; i++)
        {
            Assert.Equal(alone[i % Cases.Length], together[i]);
        }
    }
}
