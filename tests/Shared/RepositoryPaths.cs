namespace Shannon.Testing;

/// <summary>
/// The repository's folders, found from the test assembly's own location (walking up to the folder that holds
/// Shannon.slnx). Tests never locate files with [CallerFilePath]: CI builds with ContinuousIntegrationBuild, which maps
/// source paths to "/_/", so a caller's file path is not a path on disk there. Linked into every test project by
/// Directory.Build.props.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Shannon.slnx.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path below the repository root, given as its parts ("tests", "Shannon.Tests", "Data").</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shannon.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Shannon.slnx not found above " + AppContext.BaseDirectory);
    }
}
