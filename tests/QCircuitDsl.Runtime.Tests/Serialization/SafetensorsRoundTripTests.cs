using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tests.Data;

namespace QCircuitDsl.Runtime.Tests.Serialization;

public class SafetensorsRoundTripTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Round_trip_is_bit_exact_for_awkward_values()
    {
        float[] floats =
        [
            0f, -0f, float.Epsilon, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity,
            BitConverter.Int32BitsToSingle(0x7FC00001), // NaN with a payload
            BitConverter.Int32BitsToSingle(unchecked((int)0xFFA00000)), // negative signalling-style NaN
            1f / 3f, 1e-42f,
        ];
        double[] doubles = [Math.PI, -0.0, double.Epsilon, BitConverter.Int64BitsToDouble(0x7FF8000000000123), 1e308];
        long[] longs = [long.MinValue, -1, 0, long.MaxValue];
        int[] ints = [int.MinValue, 7, int.MaxValue, 0, -5, 3];
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["épreuve"] = "naïve \"quoted\" + <tag>" };
        string path = Path.Combine(_dir.Path, "model.safetensors");

        SafetensorsFile.Write(path,
        [
            SafetensorsTensor.FromFloats("layer.weight", floats),
            SafetensorsTensor.FromDoubles("scale", doubles, 5),
            SafetensorsTensor.FromInt64s("step", longs, 2, 2),
            SafetensorsTensor.FromInt32s("grid", ints, 2, 1, 3),
            new SafetensorsTensor("empty", SafetensorsDType.F32, [0, 3], []),
            new SafetensorsTensor("scalar", SafetensorsDType.F64, [], BitConverter.GetBytes(2.5)),
        ], metadata);
        var doc = SafetensorsFile.Read(path);

        Assert.Equal(floats.Select(BitConverter.SingleToInt32Bits), doc["layer.weight"].ToFloats().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(doubles.Select(BitConverter.DoubleToInt64Bits), doc["scale"].ToDoubles().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(longs, doc["step"].ToInt64s());
        Assert.Equal(new long[] { 2, 2 }, doc["step"].Shape);
        Assert.Equal(ints, doc["grid"].ToInt32s());
        Assert.Equal(new long[] { 2, 1, 3 }, doc["grid"].Shape);
        Assert.Equal(new long[] { 0, 3 }, doc["empty"].Shape);
        Assert.Empty(doc["empty"].Data);
        Assert.Empty(doc["scalar"].Shape);
        Assert.Equal(2.5, Assert.Single(doc["scalar"].ToDoubles()));
        Assert.Equal(metadata, doc.Metadata);
        Assert.Equal(new[] { "empty", "grid", "layer.weight", "scalar", "scale", "step" }, doc.Tensors.Select(t => t.Name));
    }

    [Fact]
    public void Header_is_space_padded_to_eight_bytes_for_every_length()
    {
        for (int nameLength = 1; nameLength <= 16; nameLength++)
        {
            string path = Path.Combine(_dir.Path, $"pad{nameLength}.safetensors");
            SafetensorsFile.Write(path, [SafetensorsTensor.FromFloats(new string('w', nameLength), [1f])]);
            byte[] bytes = File.ReadAllBytes(path);
            long n = BitConverter.ToInt64(bytes, 0);

            Assert.Equal(0, n % 8);
            string header = System.Text.Encoding.UTF8.GetString(bytes, 8, (int)n);
            string json = header.TrimEnd(' ');
            Assert.EndsWith("}", json);
            Assert.InRange(n - json.Length, 0, 7); // minimal padding, spaces only
            Assert.Equal(8 + n + 4, bytes.Length);
        }
    }

    [Fact]
    public void Typed_accessors_check_dtype_and_helpers_check_shape()
    {
        var t = SafetensorsTensor.FromFloats("w", [1f, 2f]);
        Assert.Throws<InvalidOperationException>(() => t.ToDoubles());
        Assert.Throws<ArgumentException>(() => SafetensorsTensor.FromFloats("w", [1f, 2f, 3f], 2, 2));
    }

    [Fact]
    public void Writer_rejects_inconsistent_tensors_naming_the_file()
    {
        string path = Path.Combine(_dir.Path, "bad.safetensors");

        var size = Assert.Throws<SafetensorsFormatException>(() =>
            SafetensorsFile.Write(path, [new SafetensorsTensor("w", "F32", [3], new byte[8])]));
        Assert.Contains(path, size.Message);
        Assert.Contains("needs 12 bytes but has 8", size.Message);

        var dtype = Assert.Throws<SafetensorsFormatException>(() =>
            SafetensorsFile.Write(path, [new SafetensorsTensor("w", "F31", [1], new byte[4])]));
        Assert.Contains("unknown dtype 'F31'", dtype.Message);

        var dup = Assert.Throws<SafetensorsFormatException>(() =>
            SafetensorsFile.Write(path, [SafetensorsTensor.FromFloats("w", [1f]), SafetensorsTensor.FromFloats("w", [2f])]));
        Assert.Contains("given twice", dup.Message);

        Assert.Throws<SafetensorsFormatException>(() =>
            SafetensorsFile.Write(path, [SafetensorsTensor.FromFloats("__metadata__", [1f])]));
        Assert.False(File.Exists(path));
    }
}
