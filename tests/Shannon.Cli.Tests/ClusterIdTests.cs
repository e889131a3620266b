namespace Shannon.Cli.Tests;

/// <summary>
/// Issue 19, security: a cluster id and a service id are required to join (no default that anyone could guess), on
/// the silo and on every job; each missing one is a usage error naming its flag and its variable, before any socket opens.
/// </summary>
public sealed class ClusterIdTests : IDisposable
{
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"shannon-cluster-ids-{Guid.NewGuid():N}.csv");

    public ClusterIdTests() => File.WriteAllText(_csv, "a,b\n1,2\n2,1\n1,1\n");

    public void Dispose() => File.Delete(_csv);

    [Fact]
    public void ASiloNeedsBothIds()
    {
        CliRunner.AssertUsageError(["cluster", "silo", "--port", "11197", "--gateway", "30197"], "`--cluster-id`", "SHANNON_CLUSTER_ID");
        CliRunner.AssertUsageError(["cluster", "silo", "--port", "11197", "--gateway", "30197", "--cluster-id", "lab"], "`--service-id`", "SHANNON_SERVICE_ID");
    }

    [Fact]
    public void AJobNeedsBothIdsAndTheIdsNeedACluster()
    {
        CliRunner.AssertUsageError(["mi", _csv, "--x", "a", "--y", "b", "--cluster", "127.0.0.1:1"], "`--cluster-id`", "SHANNON_CLUSTER_ID");
        CliRunner.AssertUsageError(["rank", _csv, "--target", "a", "--cluster", "127.0.0.1:1", "--cluster-id", "lab"], "`--service-id`");
        CliRunner.AssertUsageError(["mi", _csv, "--x", "a", "--y", "b", "--cluster-id", "lab"], "goes with `--cluster");
    }
}
