using System.Buffers.Binary;
using System.Text.Json;

namespace QCircuitDsl.Runtime.Serialization;

/// <summary>A header entry: where a tensor's bytes live, relative to the start of the data buffer.</summary>
public sealed record SafetensorsEntry(string Name, string DType, long[] Shape, long Begin, long End);

/// <summary>A parsed header: tensor entries ordered by data offset, plus the free-form string metadata.</summary>
public sealed record SafetensorsHeader(IReadOnlyList<SafetensorsEntry> Entries, IReadOnlyDictionary<string, string> Metadata, long HeaderLength);

/// <summary>Tensors (ordered by data offset, which for files we write is name order) and metadata of a safetensors file.</summary>
public sealed class SafetensorsDocument
{
    public SafetensorsDocument(IReadOnlyList<SafetensorsTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Tensors = tensors;
        Metadata = metadata;
    }

    public IReadOnlyList<SafetensorsTensor> Tensors { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public SafetensorsTensor this[string name] =>
        Tensors.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"no tensor named '{name}'");
}

/// <summary>
/// Reader and writer for the safetensors format (Hugging Face): an 8-byte little-endian unsigned header length N,
/// N bytes of UTF-8 JSON <c>{"__metadata__": {str: str}, name: {"dtype", "shape", "data_offsets": [begin, end]}, …}</c>,
/// then the data buffer with offsets relative to its start. Written files: compact JSON, <c>__metadata__</c> first
/// (omitted when empty, keys sorted), tensors sorted by name (ordinal) and packed in that order without gaps, and the
/// header padded with spaces to a multiple of 8 bytes so the buffer starts 8-byte aligned, as the reference writer does.
/// Reading enforces the reference implementation's rules: header at most 100,000,000 bytes, known dtypes,
/// byte counts matching shapes, and offsets that tile the buffer exactly (no overlaps, gaps or trailing bytes).
/// </summary>
public static class SafetensorsFile
{
    /// <summary>The reference implementation's limit; guards against allocating gigabytes for a corrupt length.</summary>
    public const long MaxHeaderLength = 100_000_000;

    public const string MetadataKey = "__metadata__";

    public static void Write(string path, IEnumerable<SafetensorsTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var sorted = tensors.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        ValidateForWrite(path, sorted);
        byte[] header = BuildHeader(sorted, metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> prefix = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            stream.Write(prefix);
            stream.Write(header);
            foreach (var t in sorted)
                stream.Write(t.Data);
        });
    }

    /// <summary>The padded JSON header bytes <see cref="Write"/> produces (exposed for tests and tooling).</summary>
    public static byte[] BuildHeader(IReadOnlyList<SafetensorsTensor> sortedTensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = false,
            // Like serde_json: leave non-ASCII and HTML-sensitive characters unescaped (still valid JSON).
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var kv in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    json.WriteString(kv.Key, kv.Value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var t in sortedTensors)
            {
                json.WriteStartObject(t.Name);
                json.WriteString("dtype", t.DType);
                json.WriteStartArray("shape");
                foreach (long d in t.Shape)
                    json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + t.Data.Length);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += t.Data.Length;
            }
            json.WriteEndObject();
        }
        int length = (int)buffer.Length;
        int padded = (length + 7) / 8 * 8;
        for (int i = length; i < padded; i++)
            buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    public static SafetensorsDocument Read(string path)
    {
        using var stream = OpenForRead(path);
        SafetensorsHeader header = ReadHeader(path, stream);
        var tensors = new List<SafetensorsTensor>(header.Entries.Count);
        long bufferStart = 8 + header.HeaderLength;
        foreach (var e in header.Entries)
        {
            long size = e.End - e.Begin;
            if (size > Array.MaxLength)
                throw new SafetensorsFormatException(path, $"tensor '{e.Name}' is {size} bytes, too large to load into one array");
            var data = new byte[size];
            stream.Position = bufferStart + e.Begin;
            try
            {
                stream.ReadExactly(data);
            }
            catch (EndOfStreamException ex)
            {
                // Only reachable if the file shrank after the header check.
                throw new SafetensorsFormatException(path, $"truncated file while reading tensor '{e.Name}'", ex);
            }
            tensors.Add(new SafetensorsTensor(e.Name, e.DType, e.Shape, data));
        }
        return new SafetensorsDocument(tensors, header.Metadata);
    }

    /// <summary>Parses and validates only the header (cheap listing of a large checkpoint).</summary>
    public static SafetensorsHeader ReadHeader(string path)
    {
        using var stream = OpenForRead(path);
        return ReadHeader(path, stream);
    }

    private static FileStream OpenForRead(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: safetensors file not found", path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    private static SafetensorsHeader ReadHeader(string path, FileStream stream)
    {
        long fileLength = stream.Length;
        if (fileLength < 8)
            throw new SafetensorsFormatException(path, $"truncated file: {fileLength} bytes, too short for the 8-byte header length");
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderLength)
            throw new SafetensorsFormatException(path, $"header too large: {headerLength} bytes (limit {MaxHeaderLength}); not a safetensors file or corrupt");
        if (8 + (long)headerLength > fileLength)
            throw new SafetensorsFormatException(path, $"truncated file: header claims {headerLength} bytes but only {fileLength - 8} follow the length prefix");

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        long bufferLength = fileLength - 8 - (long)headerLength;
        var (entries, metadata) = ParseHeader(path, headerBytes);
        ValidateLayout(path, entries, bufferLength);
        return new SafetensorsHeader(entries, metadata, (long)headerLength);
    }

    private static (List<SafetensorsEntry>, Dictionary<string, string>) ParseHeader(string path, byte[] headerBytes)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(headerBytes);
        }
        catch (JsonException e)
        {
            throw new SafetensorsFormatException(path, $"header is not valid JSON ({e.Message})", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new SafetensorsFormatException(path, $"header is a JSON {doc.RootElement.ValueKind}, expected an object");

            var entries = new List<SafetensorsEntry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!names.Add(property.Name))
                    throw new SafetensorsFormatException(path, $"tensor '{property.Name}' appears twice in the header");
                if (property.Name == MetadataKey)
                {
                    if (property.Value.ValueKind != JsonValueKind.Object)
                        throw new SafetensorsFormatException(path, $"{MetadataKey} must be an object of strings");
                    foreach (var kv in property.Value.EnumerateObject())
                    {
                        if (kv.Value.ValueKind != JsonValueKind.String)
                            throw new SafetensorsFormatException(path, $"{MetadataKey} value for '{kv.Name}' is a {kv.Value.ValueKind}, must be a string");
                        metadata[kv.Name] = kv.Value.GetString()!;
                    }
                    continue;
                }
                entries.Add(ParseEntry(path, property));
            }
            entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
            return (entries, metadata);
        }
    }

    private static SafetensorsEntry ParseEntry(string path, JsonProperty property)
    {
        string name = property.Name;
        var info = property.Value;
        if (info.ValueKind != JsonValueKind.Object)
            throw new SafetensorsFormatException(path, $"tensor '{name}': entry must be an object");
        if (!info.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw new SafetensorsFormatException(path, $"tensor '{name}': missing string \"dtype\"");
        string dtype = dtypeElement.GetString()!;
        if (!SafetensorsDType.IsKnown(dtype))
            throw new SafetensorsFormatException(path, $"tensor '{name}': unknown dtype '{dtype}' (known: {string.Join(", ", SafetensorsDType.All)})");

        if (!info.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array)
            throw new SafetensorsFormatException(path, $"tensor '{name}': missing \"shape\" array");
        var shape = new long[shapeElement.GetArrayLength()];
        int i = 0;
        foreach (var d in shapeElement.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out long size) || size < 0)
                throw new SafetensorsFormatException(path, $"tensor '{name}': shape entry {i} is not a non-negative integer");
            shape[i++] = size;
        }

        if (!info.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
            throw new SafetensorsFormatException(path, $"tensor '{name}': \"data_offsets\" must be a [begin, end] pair");
        if (!offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end) || begin < 0 || end < begin)
            throw new SafetensorsFormatException(path, $"tensor '{name}': out-of-range data_offsets {offsets.GetRawText()} (need 0 ≤ begin ≤ end)");

        long expected;
        try
        {
            expected = checked(SafetensorsTensor.ElementCountOf(shape) * SafetensorsDType.SizeOf(dtype));
        }
        catch (OverflowException)
        {
            throw new SafetensorsFormatException(path, $"tensor '{name}': shape [{string.Join(", ", shape)}] is too large");
        }
        if (end - begin != expected)
            throw new SafetensorsFormatException(path,
                $"tensor '{name}': {dtype}[{string.Join(", ", shape)}] needs {expected} bytes but data_offsets [{begin}, {end}] span {end - begin}");
        return new SafetensorsEntry(name, dtype, shape, begin, end);
    }

    // Entries arrive sorted by offset; they must tile [0, bufferLength) exactly.
    private static void ValidateLayout(string path, List<SafetensorsEntry> entries, long bufferLength)
    {
        long cursor = 0;
        SafetensorsEntry? previous = null;
        foreach (var e in entries)
        {
            if (e.Begin < cursor)
                throw new SafetensorsFormatException(path,
                    $"overlapping data_offsets: '{previous!.Name}' [{previous.Begin}, {previous.End}] and '{e.Name}' [{e.Begin}, {e.End}]");
            if (e.Begin > cursor)
                throw new SafetensorsFormatException(path,
                    $"data_offsets leave a gap: bytes [{cursor}, {e.Begin}) before '{e.Name}' belong to no tensor");
            if (e.End > bufferLength)
                throw new SafetensorsFormatException(path,
                    $"out-of-range data_offsets: '{e.Name}' [{e.Begin}, {e.End}] ends beyond the {bufferLength}-byte data buffer (truncated file?)");
            cursor = e.End;
            previous = e;
        }
        if (cursor != bufferLength)
            throw new SafetensorsFormatException(path,
                $"{bufferLength - cursor} trailing bytes after the last tensor: the data buffer is {bufferLength} bytes but tensors cover {cursor}");
    }

    private static void ValidateForWrite(string path, List<SafetensorsTensor> sorted)
    {
        for (int i = 0; i < sorted.Count; i++)
        {
            var t = sorted[i];
            if (t.Name == MetadataKey)
                throw new SafetensorsFormatException(path, $"'{MetadataKey}' is reserved and cannot be a tensor name");
            if (i > 0 && sorted[i - 1].Name == t.Name)
                throw new SafetensorsFormatException(path, $"tensor '{t.Name}' given twice");
            if (!SafetensorsDType.IsKnown(t.DType))
                throw new SafetensorsFormatException(path, $"tensor '{t.Name}': unknown dtype '{t.DType}'");
            if (t.Shape.Any(d => d < 0))
                throw new SafetensorsFormatException(path, $"tensor '{t.Name}': negative dimension in shape [{string.Join(", ", t.Shape)}]");
            long expected = SafetensorsTensor.ElementCountOf(t.Shape) * SafetensorsDType.SizeOf(t.DType);
            if (t.Data.Length != expected)
                throw new SafetensorsFormatException(path,
                    $"tensor '{t.Name}': {t.DType}[{string.Join(", ", t.Shape)}] needs {expected} bytes but has {t.Data.Length}");
        }
    }
}
