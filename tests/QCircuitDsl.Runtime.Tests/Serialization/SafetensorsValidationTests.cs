using System.Text;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tests.Data;

namespace QCircuitDsl.Runtime.Tests.Serialization;

public class SafetensorsValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteRaw(string header, int bufferBytes, ulong? lengthOverride = null)
    {
        string path = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N") + ".safetensors");
        byte[] json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + bufferBytes];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), lengthOverride ?? (ulong)json.Length);
        json.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertRejected(string path, params string[] fragments)
    {
        var e = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Read(path));
        Assert.Contains(path, e.Message);
        foreach (string f in fragments)
            Assert.Contains(f, e.Message);
    }

    private static string Entry(string name, string dtype, string shape, long begin, long end) =>
        $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{shape}],\"data_offsets\":[{begin},{end}]}}";

    [Fact]
    public void Header_too_large() =>
        AssertRejected(WriteRaw("{}", 0, lengthOverride: 100_000_001), "header too large", "100000001");

    [Fact]
    public void File_shorter_than_length_prefix() =>
        AssertRejected(WriteRawBytes([1, 0, 0]), "truncated file", "3 bytes");

    [Fact]
    public void Header_longer_than_file() =>
        AssertRejected(WriteRaw("{}", 0, lengthOverride: 64), "truncated file", "claims 64 bytes");

    [Fact]
    public void Buffer_shorter_than_offsets() =>
        AssertRejected(WriteRaw("{" + Entry("w", "F32", "4", 0, 16) + "}", 10), "out-of-range data_offsets", "'w'", "truncated");

    [Fact]
    public void Overlapping_offsets() =>
        AssertRejected(WriteRaw("{" + Entry("a", "F32", "2", 0, 8) + "," + Entry("b", "F32", "2", 4, 12) + "}", 12),
            "overlapping data_offsets", "'a' [0, 8]", "'b' [4, 12]");

    [Fact]
    public void Gap_between_tensors() =>
        AssertRejected(WriteRaw("{" + Entry("a", "F32", "1", 0, 4) + "," + Entry("b", "F32", "1", 8, 12) + "}", 12), "gap", "'b'");

    [Fact]
    public void Trailing_bytes() =>
        AssertRejected(WriteRaw("{" + Entry("a", "F32", "1", 0, 4) + "}", 6), "2 trailing bytes");

    [Fact]
    public void End_before_begin() =>
        AssertRejected(WriteRaw("{" + Entry("a", "U8", "0", 4, 0) + "}", 4), "out-of-range data_offsets", "'a'");

    [Fact]
    public void Unknown_dtype() =>
        AssertRejected(WriteRaw("{" + Entry("a", "F128", "1", 0, 16) + "}", 16), "unknown dtype 'F128'", "'a'");

    [Fact]
    public void Shape_and_byte_count_disagree() =>
        AssertRejected(WriteRaw("{" + Entry("a", "I64", "3", 0, 16) + "}", 16), "needs 24 bytes", "span 16");

    [Fact]
    public void Invalid_json() =>
        AssertRejected(WriteRaw("{\"a\":", 0), "not valid JSON");

    [Fact]
    public void Header_not_an_object() =>
        AssertRejected(WriteRaw("[1,2]", 0), "expected an object");

    [Fact]
    public void Duplicate_tensor_names() =>
        AssertRejected(WriteRaw("{" + Entry("a", "U8", "1", 0, 1) + "," + Entry("a", "U8", "1", 1, 2) + "}", 2), "'a' appears twice");

    [Fact]
    public void Metadata_values_must_be_strings() =>
        AssertRejected(WriteRaw("{\"__metadata__\":{\"epoch\":3}}", 0), "'epoch'", "must be a string");

    [Fact]
    public void Negative_shape() =>
        AssertRejected(WriteRaw("{" + Entry("a", "U8", "-1", 0, 0) + "}", 0), "shape entry 0");

    [Fact]
    public void Missing_file_is_named()
    {
        string path = Path.Combine(_dir.Path, "absent.safetensors");
        var e = Assert.Throws<FileNotFoundException>(() => SafetensorsFile.Read(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Empty_header_object_is_a_valid_empty_file()
    {
        var doc = SafetensorsFile.Read(WriteRaw("{}      ", 0));
        Assert.Empty(doc.Tensors);
        Assert.Empty(doc.Metadata);
    }

    private string WriteRawBytes(byte[] bytes)
    {
        string path = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N") + ".safetensors");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
