namespace Shannon.Cluster;

/// <summary>
/// The folders a silo may read shards from (its <c>--data</c> folders). A path is allowed when its full path, with
/// symbolic links followed to the final target, lies inside one of them; anything else is refused before DuckDB
/// sees it.
/// </summary>
public sealed class ShardAccess
{
    private readonly string[] _roots;

    /// <summary>Creates the policy.</summary>
    /// <param name="roots">The data folders (at least one; each must exist).</param>
    /// <param name="delay">A pause before each shard is read: for fault tests only (zero otherwise).</param>
    public ShardAccess(IEnumerable<string> roots, TimeSpan delay = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        _roots = [.. roots.Select(Canonical)];
        if (_roots.Length == 0)
        {
            throw new ArgumentException("`--data` must name at least one folder; got none.", nameof(roots));
        }

        foreach (var root in _roots)
        {
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"`--data` must name an existing folder; got '{root}'.");
            }
        }

        Delay = delay;
    }

    /// <summary>The data folders, as full paths.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>The test-only pause before each shard is read.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The full path of a shard, or null when it lies outside every data folder.</summary>
    /// <param name="path">The shard's path as the job named it.</param>
    /// <returns>The full path, or null.</returns>
    public string? Allowed(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        string full = Canonical(path);
        foreach (var root in _roots)
        {
            string prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            if (full.StartsWith(prefix, StringComparison.Ordinal))
            {
                return full;
            }
        }

        return null;
    }

    /// <summary>The refusal message for a path outside the data folders.</summary>
    /// <param name="path">The path.</param>
    /// <returns>One line.</returns>
    public string Refusal(string path) =>
        $"shard '{path}' is outside this silo's data folders ({string.Join(", ", _roots)}); start the silo with --data naming its folder.";

    private static string Canonical(string path)
    {
        string full = Path.GetFullPath(path);

        // Follow links on every existing prefix, so a link inside a data folder cannot point outside it.
        var parts = new List<string>();
        string? current = full;
        while (current is not null && !Path.Exists(current))
        {
            parts.Insert(0, Path.GetFileName(current));
            current = Path.GetDirectoryName(current);
        }

        if (current is null)
        {
            return full;
        }

        string resolved = Resolve(current);
        return parts.Count == 0 ? resolved : Path.Combine([resolved, .. parts]);
    }

    private static string Resolve(string existing)
    {
        string? parent = Path.GetDirectoryName(existing);
        string resolvedParent = parent is null ? existing : Resolve(parent);
        string self = parent is null ? existing : Path.Combine(resolvedParent, Path.GetFileName(existing));
        FileSystemInfo info = Directory.Exists(self) ? new DirectoryInfo(self) : new FileInfo(self);
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? self : Resolve(target.FullName);
    }
}
