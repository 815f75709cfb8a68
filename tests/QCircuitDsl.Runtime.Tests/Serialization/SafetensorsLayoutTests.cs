using System.Text;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tests.Data;

namespace QCircuitDsl.Runtime.Tests.Serialization;

/// <summary>Checks the bytes on disk against a file assembled by hand from the format description.</summary>
public class SafetensorsLayoutTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Assemble(string header, params byte[][] buffers)
    {
        var bytes = new List<byte>();
        bytes.AddRange(BitConverter.IsLittleEndian ? BitConverter.GetBytes((ulong)Encoding.UTF8.GetByteCount(header)) : throw new PlatformNotSupportedException());
        bytes.AddRange(Encoding.UTF8.GetBytes(header));
        foreach (var b in buffers)
            bytes.AddRange(b);
        return bytes.ToArray();
    }

    [Fact]
    public void Writer_produces_exact_reference_layout()
    {
        string path = Path.Combine(_dir.Path, "exact.safetensors");

        SafetensorsFile.Write(path,
            [SafetensorsTensor.FromInt32s("b", [1, -2], 2), SafetensorsTensor.FromFloats("a", [1f], 1)],
            new Dictionary<string, string> { ["format"] = "pt" });

        const string json = "{\"__metadata__\":{\"format\":\"pt\"}," +
                            "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}," +
                            "\"b\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        Assert.Equal(139, json.Length);
        string padded = json + new string(' ', 5); // 139 → 144, a multiple of 8
        byte[] expected = Assemble(padded,
            [0x00, 0x00, 0x80, 0x3F],                         // 1.0f
            [0x01, 0x00, 0x00, 0x00, 0xFE, 0xFF, 0xFF, 0xFF]); // 1, -2
        Assert.Equal(expected, File.ReadAllBytes(path));
        Assert.Equal(144, BitConverter.ToInt64(expected, 0));
    }

    [Fact]
    public void Reads_hand_built_file_with_arbitrary_key_order_and_whitespace()
    {
        // Tensors listed out of offset order, pretty-printed JSON, extra unknown field: all legal.
        string header = "{ \"z\": {\"shape\": [2], \"dtype\": \"F64\", \"data_offsets\": [2, 18], \"extra\": 1},\n" +
                        "  \"__metadata__\": {\"k\": \"v\"},\n" +
                        "  \"m\": {\"dtype\": \"U8\", \"shape\": [1, 2], \"data_offsets\": [0, 2]} }";
        byte[] file = Assemble(header, [7, 9], BitConverter.GetBytes(0.5), BitConverter.GetBytes(-4.0));
        string path = Path.Combine(_dir.Path, "hand.safetensors");
        File.WriteAllBytes(path, file);

        var doc = SafetensorsFile.Read(path);

        Assert.Equal(new[] { "m", "z" }, doc.Tensors.Select(t => t.Name));
        Assert.Equal(new byte[] { 7, 9 }, doc["m"].Data);
        Assert.Equal(new long[] { 1, 2 }, doc["m"].Shape);
        Assert.Equal(new[] { 0.5, -4.0 }, doc["z"].ToDoubles());
        Assert.Equal("v", doc.Metadata["k"]);

        var entries = SafetensorsFile.ReadHeader(path).Entries;
        Assert.Equal((2L, 18L), (entries[1].Begin, entries[1].End));
    }
}
