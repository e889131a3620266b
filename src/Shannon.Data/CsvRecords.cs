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

    /// <summary>What is wrong.</summary>
    public CsvProblem Problem { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    private static string Describe(CsvProblem problem) => problem switch
    {
        CsvProblem.QuoteInUnquotedField => "a quote inside an unquoted field; quote the whole field and double the inner quotes.",
        CsvProblem.TextAfterClosingQuote => "text after a closing quote.",
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
}
