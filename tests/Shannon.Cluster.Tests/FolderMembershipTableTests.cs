using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Shannon.Cluster.Tests;

/// <summary>
/// The folder membership table's storage contract, as Orleans' in-memory table keeps it (two instances on one folder
/// stand for two silos): an insert or update succeeds only with the table version's etag (and the row's etag) the
/// caller read, every write moves the etags on, and what one instance writes the other reads.
/// </summary>
public sealed class FolderMembershipTableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shannon-membership-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(FolderMembershipTable).Assembly).AddAssembly(typeof(MembershipEntry).Assembly))
        .BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private FolderMembershipTable Table(string clusterId = "c") =>
        new(new FolderMembershipOptions(_folder), _services.GetRequiredService<Serializer>(), Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "s" }));

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime alive) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1),
        Status = status,
        HostName = "localhost",
        SiloName = $"silo-{port}",
        StartTime = alive,
        IAmAliveTime = alive,
        ProxyPort = port + 1,
    };

    [Fact]
    public async Task VersionsAndEtagsGuardEveryWrite()
    {
        var first = Table();
        var second = Table();
        await first.InitializeMembershipTable(true);
        var empty = await second.ReadAll();
        Assert.Empty(empty.Members);

        var now = DateTime.UtcNow;
        var a = Entry(11111, SiloStatus.Active, now);
        Assert.True(await first.InsertRow(a, empty.Version.Next()));
        Assert.False(await second.InsertRow(Entry(11113, SiloStatus.Active, now), empty.Version.Next())); // a stale table etag
        var read = await second.ReadAll();
        Assert.Equal(1, read.Version.Version);
        Assert.False(await second.InsertRow(a, read.Version.Next())); // the row is there
        var (row, etag) = Assert.Single(read.Members);
        Assert.Equal(a.SiloAddress, row.SiloAddress);
        Assert.Equal("silo-11111", row.SiloName);

        row.Status = SiloStatus.Dead;
        Assert.True(await second.UpdateRow(row, etag, read.Version.Next()));
        Assert.False(await first.UpdateRow(row, etag, (await first.ReadAll()).Version.Next())); // the row's etag moved on
        var dead = await first.ReadRow(a.SiloAddress);
        Assert.Equal(SiloStatus.Dead, Assert.Single(dead.Members).Item1.Status);
        Assert.Equal(2, dead.Version.Version);

        // I-am-alive changes the time and the row's etag, not the table version.
        var later = now.AddMinutes(1);
        await first.UpdateIAmAlive(Entry(11111, SiloStatus.Dead, later));
        var alive = await second.ReadAll();
        Assert.Equal(later, Assert.Single(alive.Members).Item1.IAmAliveTime);
        Assert.NotEqual(Assert.Single(dead.Members).Item2, Assert.Single(alive.Members).Item2);
        Assert.Equal(2, alive.Version.Version);

        // Dead rows older than the date are removed; another cluster id is another table.
        Assert.True(await first.InsertRow(Entry(11115, SiloStatus.Active, now), alive.Version.Next()));
        await second.CleanupDefunctSiloEntries(later.AddSeconds(1));
        Assert.Equal(11115, Assert.Single((await first.ReadAll()).Members).Item1.SiloAddress.Endpoint.Port);
        Assert.Empty((await Table("other").ReadAll()).Members);
    }
}
