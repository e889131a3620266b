using System.Buffers.Binary;
using System.Text;

namespace Shannon.Data;

/// <summary>
/// The one writer of Shannon's output files (model files, heatmaps, lab reports), for the CLI and the lab alike. A
/// file is written to a temporary file in the same folder and renamed over the target, so a crash or a full disk
/// never leaves half a file; it is never written over one of the command's inputs, never through a symbolic link,
/// and never over an existing file that Shannon did not write unless the caller passes force (`--force`). Shannon's
/// own files are recognised by their content: a model file by its magic number, a PNG by the text chunk this class
/// writes into it, a report folder by its marker file.
/// </summary>
public static class OutputFile
{
    /// <summary>The marker file a lab report folder holds, so that a later run knows the folder is a Shannon report.</summary>
    public const string ReportMarker = ".shannon-report";

    /// <summary>The keyword of the PNG text chunk that marks a picture Shannon wrote.</summary>
    public const string PngKeyword = "Software";

    /// <summary>The text of that chunk.</summary>
    public const string PngSoftware = "Shannon";

    /// <summary>
    /// Checks that <paramref name="path"/> may be written: not a folder, not a symbolic link, not one of the inputs,
    /// and either absent, recognised as Shannon's by <paramref name="isShannons"/>, or <paramref name="force"/> given;
    /// its folder must exist. Call it before any long computation, so that a bad target fails at once.
    /// </summary>
    /// <param name="path">The target.</param>
    /// <param name="option">The option that named it, for the message (e.g. "--out").</param>
    /// <param name="force">Whether replacing a file Shannon did not write was asked for.</param>
    /// <param name="inputs">The command's input files (never overwritten, whatever force says).</param>
    /// <param name="isShannons">Whether an existing file's contents show that Shannon wrote it; null: never.</param>
    /// <exception cref="ArgumentException">The target may not be written; the message names the option and says why.</exception>
    public static void Check(string path, string option, bool force, IEnumerable<string>? inputs = null, Func<string, bool>? isShannons = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(option);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"`{option}` must name a file to write; got an empty value.", option);
        }

        string full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            throw new ArgumentException($"`{option}` must not be a symbolic link; got '{path}' (a link to '{info.LinkTarget}'). Name the file itself.", option);
        }

        if (Directory.Exists(full))
        {
            throw new ArgumentException($"`{option}` must name a file, not a folder; got '{path}'.", option);
        }

        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new ArgumentException($"`{option}` must be in an existing folder; got '{path}'.", option);
        }

        foreach (var input in inputs ?? [])
        {
            if (SameFile(full, input))
            {
                throw new ArgumentException($"`{option}` must not be one of the command's inputs; got '{path}', which is also read as '{input}'.", option);
            }
        }

        if (info.Exists && !force && !(isShannons?.Invoke(full) ?? false))
        {
            throw new ArgumentException($"`{option}` names an existing file that Shannon did not write; got '{path}'. Pass --force to replace it.", option);
        }
    }

    /// <summary>
    /// Writes a file atomically after <see cref="Check"/>: the bytes go to a temporary file in the same folder, which
    /// is then renamed over the target.
    /// </summary>
    /// <param name="path">The target.</param>
    /// <param name="option">The option that named it.</param>
    /// <param name="force">Whether replacing a file Shannon did not write was asked for.</param>
    /// <param name="write">Writes the contents to the stream it is given.</param>
    /// <param name="inputs">The command's input files.</param>
    /// <param name="isShannons">Whether an existing file's contents show that Shannon wrote it.</param>
    public static void Write(string path, string option, bool force, Action<Stream> write, IEnumerable<string>? inputs = null, Func<string, bool>? isShannons = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        var inputList = inputs?.ToList();
        Check(path, option, force, inputList, isShannons);
        WriteAtomically(path, write);
    }

    /// <summary>Writes a file through a temporary file in the same folder and a rename, with no other check (for files inside a checked report folder).</summary>
    /// <param name="path">The target.</param>
    /// <param name="write">Writes the contents.</param>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (new FileInfo(full).LinkTarget is not null)
            {
                throw new IOException($"'{path}' became a symbolic link while it was being written; nothing was replaced.");
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes a text file atomically (UTF-8 without a byte-order mark).</summary>
    /// <param name="path">The target.</param>
    /// <param name="text">The text.</param>
    public static void WriteAllTextAtomically(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAtomically(path, s =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            s.Write(bytes);
        });
    }

    /// <summary>
    /// Checks a report folder before anything runs: it must not be a file or a symbolic link, and if it exists and
    /// holds anything it must carry <see cref="ReportMarker"/> (a report an earlier run wrote) unless force is given.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="option">The option that named it.</param>
    /// <param name="force">Whether writing into a folder that is not a Shannon report was asked for.</param>
    /// <exception cref="ArgumentException">The folder may not be written.</exception>
    public static void CheckReportFolder(string directory, string option, bool force)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(option);
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ArgumentException($"`{option}` must name a folder; got an empty value.", option);
        }

        string full = Path.GetFullPath(directory);
        if (File.Exists(full))
        {
            throw new ArgumentException($"`{option}` must name a folder for the report; got '{directory}', which is an existing file.", option);
        }

        if (new DirectoryInfo(full).LinkTarget is not null)
        {
            throw new ArgumentException($"`{option}` must not be a symbolic link; got '{directory}'. Name the folder itself.", option);
        }

        if (Directory.Exists(full) && !force && Directory.EnumerateFileSystemEntries(full).Any()
            && !File.Exists(Path.Combine(full, ReportMarker)))
        {
            throw new ArgumentException($"`{option}` names a folder that holds other files and is not a Shannon report; got '{directory}'. Name a new or empty folder, or pass --force.", option);
        }

        string? parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar));
        if (parent is not null && !Directory.Exists(parent))
        {
            throw new ArgumentException($"`{option}` must be in an existing folder; got '{directory}'.", option);
        }
    }

    /// <summary>Creates a report folder (after <see cref="CheckReportFolder"/>) and marks it as a Shannon report.</summary>
    /// <param name="directory">The folder.</param>
    public static void MarkReportFolder(string directory)
    {
        Directory.CreateDirectory(directory);
        WriteAllTextAtomically(Path.Combine(directory, ReportMarker), "A report written by `shannon lab`; a later run may replace the files in this folder.\n");
    }

    /// <summary>Whether a file starts with the given magic bytes (how a format with a magic number is recognised).</summary>
    /// <param name="path">The file.</param>
    /// <param name="magic">The leading bytes.</param>
    /// <returns>True when the file starts with them.</returns>
    public static bool StartsWith(string path, ReadOnlySpan<byte> magic)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[magic.Length];
            return stream.ReadAtLeast(head, magic.Length, throwOnEndOfStream: false) == magic.Length && head.SequenceEqual(magic);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds a tEXt chunk "Software: Shannon" after the IHDR chunk of a PNG (PNG 1.2 spec, sec. 4.2.3.1), so that a
    /// later run recognises the picture as its own; bytes that are not a PNG come back unchanged.
    /// </summary>
    /// <param name="png">The PNG's bytes.</param>
    /// <returns>The marked PNG.</returns>
    public static byte[] MarkPng(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        const int ihdrEnd = 8 + 4 + 4 + 13 + 4;
        if (png.Length < ihdrEnd || !png.AsSpan(0, 8).SequenceEqual(PngSignature))
        {
            return png;
        }

        var data = Encoding.Latin1.GetBytes(PngKeyword + "\0" + PngSoftware);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes("tEXt", chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return [.. png.AsSpan(0, ihdrEnd), .. chunk, .. png.AsSpan(ihdrEnd)];
    }

    /// <summary>Whether a file is a PNG that <see cref="MarkPng"/> marked.</summary>
    /// <param name="path">The file.</param>
    /// <returns>True for a Shannon PNG.</returns>
    public static bool IsShannonPng(string path)
    {
        var marker = Encoding.Latin1.GetBytes("tEXt" + PngKeyword + "\0" + PngSoftware);
        var head = new byte[8 + 25 + 8 + marker.Length];
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
            {
                return false;
            }
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        return head.AsSpan(0, 8).SequenceEqual(PngSignature) && head.AsSpan(8 + 25 + 4, marker.Length).SequenceEqual(marker);
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>CRC-32 (ISO 3309, polynomial 0xEDB88320), as PNG chunks carry it.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    private static bool SameFile(string full, string input)
    {
        try
        {
            string a = Resolve(full), b = Resolve(Path.GetFullPath(input));
            return string.Equals(a, b, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Resolve(string full)
    {
        var info = new FileInfo(full);
        return info.Exists ? (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName) : info.FullName;
    }
}
