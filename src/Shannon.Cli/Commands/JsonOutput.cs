using System.Globalization;
using System.Text;
using System.Text.Json;
using Shannon.Estimators;

namespace Shannon.Cli.Commands;

/// <summary>Writes exactly one JSON object to stdout. Non-finite numbers are written as strings ("Infinity", "NaN"), by
/// the rule of <see cref="EstimateJson.WriteNumber"/>; estimates themselves go through <see cref="EstimateJson"/>.</summary>
internal sealed class JsonOutput : IDisposable
{
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;
    private readonly TextWriter _output;

    public JsonOutput(TextWriter output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true });
        _writer.WriteStartObject();
    }

    public Utf8JsonWriter Writer => _writer;

    public JsonOutput Number(string name, double value)
    {
        EstimateJson.WriteNumber(_writer, name, value);
        return this;
    }

    public JsonOutput Number(string name, long value)
    {
        _writer.WriteNumber(name, value);
        return this;
    }

    public JsonOutput String(string name, string value)
    {
        _writer.WriteString(name, value);
        return this;
    }

    public JsonOutput Bool(string name, bool value)
    {
        _writer.WriteBoolean(name, value);
        return this;
    }

    public JsonOutput Strings(string name, IEnumerable<string> values)
    {
        _writer.WriteStartArray(name);
        foreach (var v in values)
        {
            _writer.WriteStringValue(v);
        }

        _writer.WriteEndArray();
        return this;
    }

    public JsonOutput Numbers(string name, IEnumerable<double> values)
    {
        _writer.WriteStartArray(name);
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                _writer.WriteNumberValue(v);
            }
            else
            {
                _writer.WriteStringValue(v.ToString(CultureInfo.InvariantCulture));
            }
        }

        _writer.WriteEndArray();
        return this;
    }

    public void Dispose()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        _output.WriteLine(Encoding.UTF8.GetString(_buffer.ToArray()));
        _writer.Dispose();
        _buffer.Dispose();
    }
}
