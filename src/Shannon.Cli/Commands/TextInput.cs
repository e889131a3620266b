using System.Text;

namespace Shannon.Cli.Commands;

/// <summary>Reads a UTF-8 text file for the language commands, rejecting binary data with a clear message.</summary>
internal static class TextInput
{
    public static string Read(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException($"`{option}` must name a UTF-8 text file; got an empty value.");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"`{option}` must name an existing file; got '{path}' (not found).");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            // A symbolic-link loop, a folder named like a file, a device that fails: one line, exit 2.
            throw new UsageException($"`{option}` must name a readable file; got '{path}': {ex.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"`{option}` must name a readable file; got '{path}' (permission denied).");
        }

        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new UsageException($"`{option}` must be a UTF-8 text file; got '{path}', which holds a NUL byte at offset {nul} (a binary file?).");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new UsageException($"`{option}` must be a UTF-8 text file; got '{path}', which is not valid UTF-8 ({ex.Message.Split('.')[0]}).");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (text.Length == 0)
        {
            throw new UsageException($"`{option}` must be a non-empty text file; got '{path}' (empty).");
        }

        return text;
    }
}
