using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QCircuitDsl.Runtime.Reporting;

/// <summary>
/// Appends metrics as JSON Lines: one JSON object per line, fields in the order given, '\n' line endings,
/// flushed after every line so a crashed or killed run still leaves a readable log up to its last step (and
/// <c>tail -f</c> works). Output is culture-invariant by construction: numbers use JSON's '.' decimal point and the
/// shortest round-trip form, dates ISO 8601.
/// <para>Value mapping: null → null; string/char/enum → string; bool → true/false; integer types and decimal → number;
/// float/double → shortest round-trip number, or per <see cref="NonFiniteNumberHandling"/> when NaN/±∞;
/// DateTime/DateTimeOffset → ISO 8601 "O" string; TimeSpan → number of seconds; IEnumerable → array (recursively);
/// other IFormattable → invariant string; anything else → ToString().</para>
/// </summary>
public sealed class JsonLinesMetricsWriter : IDisposable
{
    private readonly TextWriter _output;
    private readonly bool _ownsOutput;
    private readonly NonFiniteNumberHandling _nonFinite;
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    public JsonLinesMetricsWriter(TextWriter output, NonFiniteNumberHandling nonFinite = NonFiniteNumberHandling.String, bool ownsOutput = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _ownsOutput = ownsOutput;
        _nonFinite = nonFinite;
    }

    /// <summary>
    /// Opens <paramref name="path"/> for appending (or truncates when <paramref name="append"/> is false), UTF-8 without BOM.
    /// Other processes may read the file while it is being written.
    /// </summary>
    public static JsonLinesMetricsWriter Open(string path, bool append = true, NonFiniteNumberHandling nonFinite = NonFiniteNumberHandling.String)
    {
        var stream = new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return new JsonLinesMetricsWriter(writer, nonFinite, ownsOutput: true);
    }

    public void Write(params (string Key, object? Value)[] fields) =>
        Write(fields.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)));

    /// <summary>Writes one line. Keys must be unique within the line (a duplicate would be silently lost by most readers).</summary>
    public void Write(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string line = Format(fields);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _output.Write(line);
            _output.Write('\n');
            _output.Flush();
        }
    }

    /// <summary>The JSON object for one line, without the newline.</summary>
    public string Format(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        lock (_lock)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
            {
                // Metric names and tags are ours, not HTML: keep non-ASCII readable instead of \uXXXX-escaping it.
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }))
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                json.WriteStartObject();
                foreach (var (key, value) in fields)
                {
                    ArgumentNullException.ThrowIfNull(key, "field key");
                    if (!seen.Add(key))
                        throw new ArgumentException($"duplicate metrics field '{key}'", nameof(fields));
                    json.WritePropertyName(key);
                    WriteValue(json, value, depth: 0);
                }
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }
    }

    private void WriteValue(Utf8JsonWriter json, object? value, int depth)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case char c: json.WriteStringValue(c.ToString()); break;
            case bool b: json.WriteBooleanValue(b); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            case double d: WriteFloating(json, d, float.NaN, isSingle: false); break;
            case float f: WriteFloating(json, f, f, isSingle: true); break;
            case Half h: WriteFloating(json, (double)h, (float)h, isSingle: true); break;
            case decimal m: json.WriteNumberValue(m); break;
            case sbyte or byte or short or ushort or int or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case uint or ulong:
                json.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture)); break;
            case DateTime dt: json.WriteStringValue(dt.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: json.WriteStringValue(dto.ToString("O", CultureInfo.InvariantCulture)); break;
            case TimeSpan ts: WriteFloating(json, ts.TotalSeconds, float.NaN, isSingle: false); break;
            case IEnumerable items when depth < 8:
                json.WriteStartArray();
                foreach (object? item in items)
                    WriteValue(json, item, depth + 1);
                json.WriteEndArray();
                break;
            case IFormattable formattable: json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }

    // Floats are written via the float overload so 0.1f prints as 0.1, not 0.10000000149011612.
    private void WriteFloating(Utf8JsonWriter json, double d, float f, bool isSingle)
    {
        if (double.IsFinite(d))
        {
            if (isSingle)
                json.WriteNumberValue(f);
            else
                json.WriteNumberValue(d);
            return;
        }
        if (_nonFinite == NonFiniteNumberHandling.Null)
            json.WriteNullValue();
        else
            json.WriteStringValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _output.Flush();
            if (_ownsOutput)
                _output.Dispose();
        }
    }
}
