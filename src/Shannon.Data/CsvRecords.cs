using System.Text;

namespace Shannon.Data;

/// <summary>One CSV record: its fields and the 1-based line it starts on.</summary>
/// <param name="Line">The line the record starts on.</param>
/// <param name="Fields">The fields: quoted ones as written (quotes removed, doubled quotes halved), unquoted ones trimmed.</param>
public sealed record CsvRecord(int Line, string[] Fields);

/// <summary>What is wrong with a CSV text that <see cref="CsvRecords.Parse"/> rejects.</summary>
public enum CsvProblem
{
    /// <summary>A double quote inside a field that did not start with one.</summary>
    QuoteInUnquotedField = 1,

    /// <summary>Text after the closing quote of a quoted field.</summary>
    TextAfterClosingQuote = 2,

    /// <summary>A quoted field that never closes.</summary>
    UnclosedQuote = 3,

    /// <summary>A NUL character (byte 0): a binary file, or a label that would silently differ from its printed form.</summary>
    NulCharacter = 4,

    /// <summary>A header field that is empty or white space.</summary>
    BlankColumnName = 5,

    /// <summary>A header name that appears twice (compared without regard to case, as SQL names are).</summary>
    DuplicateColumnName = 6,

    /// <summary>A record with more or fewer fields than the header.</summary>
    FieldCount = 7,

    /// <summary>No records at all: an empty text has no header row.</summary>
    NoHeader = 8,
}

/// <summary>A CSV text that does not follow RFC 4180: the problem and the line where it is.</summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="line">The 1-based line: where the quote stands, or for an unclosed quote where its record starts.</param>
    public CsvFormatException(CsvProblem problem, int line)
        : base($"line {line}: {Describe(problem)}")
    {
        Problem = problem;
        Line = line;
    }

    /// <summary>Creates the exception with a detail (the column, the field count) in place of the generic text.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="detail">One sentence that says what is wrong here.</param>
    public CsvFormatException(CsvProblem problem, int line, string detail)
        : base($"line {line}: {detail}")
    {
        Problem = problem;
        Line = line;
    }

    /// <summary>What is wrong.</summary>
    public CsvProblem Problem { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>For <see cref="CsvProblem.FieldCount"/> from <see cref="CsvTable"/>: the row's field count and the header's.</summary>
    public (int Row, int Header)? Fields { get; init; }

    private static string Describe(CsvProblem problem) => problem switch
    {
        CsvProblem.QuoteInUnquotedField => "a quote inside an unquoted field; quote the whole field and double the inner quotes.",
        CsvProblem.TextAfterClosingQuote => "text after a closing quote.",
        CsvProblem.NulCharacter => "a NUL character (byte 0); a text file has none (a binary file?).",
        CsvProblem.BlankColumnName => "a column without a name; the header row must name every column.",
        CsvProblem.DuplicateColumnName => "a column name that appears twice.",
        CsvProblem.FieldCount => "a row with a different number of fields from the header.",
        CsvProblem.NoHeader => "the text is empty; a CSV starts with a header row naming its columns.",
        _ => "a quoted field is never closed.",
    };
}

/// <summary>
/// The records of a CSV text (RFC 4180): comma-separated fields; a field in double quotes may hold commas, line
/// breaks and doubled quotes; white space around fields is dropped; carriage returns outside quotes are ignored (LF
/// or CRLF line ends); a leading byte-order mark is skipped; blank lines are skipped. The one tokenizer of the
/// command's and the explorer's CSV readers, which check shapes and cells each in their own words.
/// </summary>
public static class CsvRecords
{
    /// <summary>Splits a CSV text into records.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The records, in order, with the line each starts on.</returns>
    /// <exception cref="CsvFormatException">A quote out of place or never closed.</exception>
    public static List<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, wasQuoted = false, any = false;
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        void EndField()
        {
            fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
            field.Clear();
            wasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            if (any)
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
            any = false;
        }

        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\0')
            {
                throw new CsvFormatException(CsvProblem.NulCharacter, line);
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when wasQuoted:
                    throw new CsvFormatException(CsvProblem.QuoteInUnquotedField, line);
                case '"':
                    if (field.ToString().Trim().Length > 0)
                    {
                        throw new CsvFormatException(CsvProblem.QuoteInUnquotedField, line);
                    }

                    field.Clear();
                    quoted = wasQuoted = any = true;
                    break;
                case ',':
                    EndField();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        // White space after a closing quote is dropped; anything else is an error.
                        if (!char.IsWhiteSpace(c))
                        {
                            throw new CsvFormatException(CsvProblem.TextAfterClosingQuote, line);
                        }

                        break;
                    }

                    field.Append(c);
                    any |= !char.IsWhiteSpace(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new CsvFormatException(CsvProblem.UnclosedQuote, recordLine);
        }

        EndRecord();
        return records;
    }

    /// <summary>
    /// Checks a header row by the input rules every surface shares: every column has a name that is not blank, and no
    /// name appears twice, compared without regard to case (SQL names, and so the data commands, ignore case).
    /// </summary>
    /// <param name="names">The header's fields.</param>
    /// <param name="line">The header's line, for the message.</param>
    /// <exception cref="CsvFormatException">A blank or repeated name.</exception>
    public static void CheckHeader(IReadOnlyList<string> names, int line = 1)
    {
        ArgumentNullException.ThrowIfNull(names);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int j = 0; j < names.Count; j++)
        {
            string name = names[j].Trim();
            if (name.Length == 0)
            {
                throw new CsvFormatException(CsvProblem.BlankColumnName, line, $"column {j + 1} has no name; the first row must name every column.");
            }

            if (!seen.TryAdd(name, j))
            {
                // Compared without regard to case, as SQL names are (columns `a` and `A` are one name to DuckDB).
                throw new CsvFormatException(CsvProblem.DuplicateColumnName, line, $"the column name '{name}' appears twice.");
            }
        }
    }

    /// <summary>
    /// Checks a whole CSV (or other delimited) file in one streaming pass over its bytes, by the rules of
    /// <see cref="Parse"/>: quotes in place and closed, no NUL byte, a header by <see cref="CheckHeader"/>, and every
    /// record with as many fields as the header. Only the header's fields are decoded, so the pass runs at the speed
    /// of reading the file; it is how the data commands (DuckDB) and the explorer agree on what a CSV is.
    /// </summary>
    /// <param name="stream">The file's bytes (UTF-8), read to the end and left open.</param>
    /// <param name="delimiter">The field separator (an ASCII character: ',', tab, ';' or '|').</param>
    /// <returns>The header's fields and the number of data records.</returns>
    /// <exception cref="CsvFormatException">The first problem found, with its line.</exception>
    public static (string[] Header, long Records) Check(Stream stream, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (delimiter is '"' or '\n' or '\r' or '\0' || delimiter > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(delimiter), $"`delimiter` must be an ASCII character other than a quote or a line end; got U+{(int)delimiter:X4}.");
        }

        byte sep = (byte)delimiter;
        var buffer = new byte[1 << 16];
        var header = new List<string>();
        var headerField = new List<byte>();
        bool inHeader = true, quoted = false, wasQuoted = false, any = false, content = false, pendingQuote = false;
        int line = 1, recordLine = 1, fields = 0, headerCount = 0;
        long records = 0, position = 0;

        void EndField()
        {
            if (inHeader)
            {
                string f = Encoding.UTF8.GetString([.. headerField]);
                header.Add(wasQuoted ? f : f.Trim());
                headerField.Clear();
            }

            fields++;
            wasQuoted = false;
            content = false;
        }

        void EndRecord()
        {
            EndField();
            if (any)
            {
                if (inHeader)
                {
                    CheckHeader(header, recordLine);
                    headerCount = header.Count;
                    inHeader = false;
                }
                else
                {
                    if (fields != headerCount)
                    {
                        throw new CsvFormatException(CsvProblem.FieldCount, recordLine, $"a row of {fields} fields; the header has {headerCount}.");
                    }

                    records++;
                }
            }
            else if (inHeader)
            {
                header.Clear();
            }

            fields = 0;
            any = false;
        }

        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int k = 0; k < read; k++, position++)
            {
                byte c = buffer[k];
                if (position == 0 && c == 0xEF)
                {
                    // A UTF-8 byte-order mark (EF BB BF) is skipped, as Parse skips U+FEFF.
                    if (read >= 3 && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        k += 2;
                        position += 2;
                        continue;
                    }
                }

                if (c == 0)
                {
                    throw new CsvFormatException(CsvProblem.NulCharacter, line);
                }

                if (pendingQuote)
                {
                    // The byte after a quote inside a quoted field: a second quote is a literal quote.
                    pendingQuote = false;
                    if (c == '"')
                    {
                        if (inHeader)
                        {
                            headerField.Add(c);
                        }

                        continue;
                    }

                    quoted = false;
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        pendingQuote = true;
                        continue;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }

                    if (inHeader)
                    {
                        headerField.Add(c);
                    }

                    continue;
                }

                if (c == '"')
                {
                    if (wasQuoted || content)
                    {
                        throw new CsvFormatException(CsvProblem.QuoteInUnquotedField, line);
                    }

                    headerField.Clear();
                    quoted = wasQuoted = any = true;
                }
                else if (c == sep)
                {
                    EndField();
                    any = true;
                }
                else if (c == '\r')
                {
                }
                else if (c == '\n')
                {
                    EndRecord();
                    line++;
                    recordLine = line;
                }
                else if (wasQuoted)
                {
                    if (c is not ((byte)' ' or (byte)'\t'))
                    {
                        throw new CsvFormatException(CsvProblem.TextAfterClosingQuote, line);
                    }
                }
                else
                {
                    if (inHeader)
                    {
                        headerField.Add(c);
                    }

                    if (c is not ((byte)' ' or (byte)'\t'))
                    {
                        content = any = true;
                    }
                }
            }
        }

        if (pendingQuote)
        {
            quoted = false;
        }

        if (quoted)
        {
            throw new CsvFormatException(CsvProblem.UnclosedQuote, recordLine);
        }

        EndRecord();
        return ([.. header], records);
    }
}
