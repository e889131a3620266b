using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Shannon.Cluster;

/// <summary>Where <see cref="FolderMembershipTable"/> keeps the table.</summary>
/// <param name="Folder">A folder every silo of the cluster can read and write (one machine, or a shared file system with working locks).</param>
internal sealed record FolderMembershipOptions(string Folder);

/// <summary>
/// Orleans' membership table in a file of a folder the silos share, instead of in the primary silo's memory
/// (development clustering), so that the cluster survives the death of any silo, the first included. This is storage
/// only: Orleans' own membership protocol (probes, votes, table versions and etags) runs on top of it, as it does on
/// its ADO.NET, Redis or Azure tables. Each operation takes an exclusive lock on a lock file (released by the operating
/// system when a process dies, so a killed silo never leaves it locked), reads the table, and writes it back through a
/// temporary file and a rename. The semantics are those of Orleans' in-memory table: an insert or update succeeds only
/// when the table version's etag (and for an update the row's etag) is the one the caller read.
/// </summary>
internal sealed class FolderMembershipTable(FolderMembershipOptions options, Serializer serializer, IOptions<ClusterOptions> cluster) : IMembershipTable
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    private string TablePath => Path.Combine(options.Folder, $"membership-{Safe(cluster.Value.ClusterId)}.bin");

    private string LockPath => TablePath + ".lock";

    public Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        Directory.CreateDirectory(options.Folder);
        return Locked(state => (true, false));
    }

    public Task DeleteMembershipTableEntries(string clusterId) => Locked(state =>
    {
        state.Entries.Clear();
        state.Etags.Clear();
        return (true, true);
    });

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => Locked(state =>
    {
        bool changed = false;
        for (int i = state.Entries.Count - 1; i >= 0; i--)
        {
            var e = state.Entries[i];
            if (e.Status == SiloStatus.Dead && new DateTimeOffset(Math.Max(e.IAmAliveTime.Ticks, e.StartTime.Ticks), TimeSpan.Zero) < beforeDate)
            {
                state.Entries.RemoveAt(i);
                state.Etags.RemoveAt(i);
                changed = true;
            }
        }

        return (true, changed);
    });

    public Task<MembershipTableData> ReadRow(SiloAddress key) => Locked(state =>
    {
        int i = state.Entries.FindIndex(e => e.SiloAddress.Equals(key));
        var version = new TableVersion(state.Version, state.VersionEtag);
        return (i < 0 ? new MembershipTableData(version) : new MembershipTableData(Tuple.Create(state.Entries[i], state.Etags[i]), version), false);
    });

    public Task<MembershipTableData> ReadAll() => Locked(state =>
        (new MembershipTableData([.. state.Entries.Select((e, i) => Tuple.Create(e, state.Etags[i]))], new TableVersion(state.Version, state.VersionEtag)), false));

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => Locked(state =>
    {
        if (state.Entries.Any(e => e.SiloAddress.Equals(entry.SiloAddress)) || state.VersionEtag != tableVersion.VersionEtag)
        {
            return (false, false);
        }

        state.Entries.Add(entry);
        state.Etags.Add(NewEtag(state));
        state.Version = tableVersion.Version;
        state.VersionEtag = NewEtag(state);
        return (true, true);
    });

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => Locked(state =>
    {
        int i = state.Entries.FindIndex(e => e.SiloAddress.Equals(entry.SiloAddress));
        if (i < 0 || state.Etags[i] != etag || state.VersionEtag != tableVersion.VersionEtag)
        {
            return (false, false);
        }

        state.Entries[i] = entry;
        state.Etags[i] = NewEtag(state);
        state.Version = tableVersion.Version;
        state.VersionEtag = NewEtag(state);
        return (true, true);
    });

    public Task UpdateIAmAlive(MembershipEntry entry) => Locked(state =>
    {
        int i = state.Entries.FindIndex(e => e.SiloAddress.Equals(entry.SiloAddress));
        if (i < 0)
        {
            return (true, false);
        }

        state.Entries[i].IAmAliveTime = entry.IAmAliveTime;
        state.Etags[i] = NewEtag(state);
        return (true, true);
    });

    private static string NewEtag(MembershipFile state) => (state.Counter++).ToString(CultureInfo.InvariantCulture);

    private static string Safe(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    /// <summary>Runs one read-modify-write under the lock file; the work says whether the table is written back.</summary>
    private async Task<T> Locked<T>(Func<MembershipFile, (T Result, bool Write)> work)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            FileStream? handle = null;
            try
            {
                handle = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
                continue;
            }

            using (handle)
            {
                var state = (File.Exists(TablePath) ? serializer.Deserialize<MembershipFile>(await File.ReadAllBytesAsync(TablePath)) : null)
                    ?? new MembershipFile { VersionEtag = "0", Counter = 1 };
                var (result, write) = work(state);
                if (write)
                {
                    string temporary = $"{TablePath}.{Environment.ProcessId}.tmp";
                    await File.WriteAllBytesAsync(temporary, serializer.SerializeToArray(state));
                    File.Move(temporary, TablePath, overwrite: true);
                }

                return result;
            }
        }
    }
}

/// <summary>The membership table as it is stored: the rows with their etags, the table version and the etag counter.</summary>
[GenerateSerializer]
internal sealed class MembershipFile
{
    [Id(0)] public List<MembershipEntry> Entries { get; set; } = [];

    [Id(1)] public List<string> Etags { get; set; } = [];

    [Id(2)] public int Version { get; set; }

    [Id(3)] public string VersionEtag { get; set; } = "0";

    [Id(4)] public long Counter { get; set; }
}
