using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

/// <summary>
/// Loading safetensors files of an official mamba_ssm MambaLMHeadModel (names and shapes written out by hand below,
/// not taken from our model) and of our own classifier, in every float dtype, and every error path.
/// </summary>
public sealed class MambaCheckpointImportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mamba-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// MambaLMHeadModel(d_model 8, n_layer 2, vocab 20) with the Mamba defaults: d_inner 16, dt_rank 1, d_state 16,
    /// d_conv 4, conv bias on, linear biases off, RMSNorm, lm_head tied or not (saved either way).
    /// </summary>
    private static List<(string Name, long[] Shape)> OfficialKeys(int layers = 2)
    {
        var keys = new List<(string, long[])> { ("backbone.embedding.weight", [20, 8]) };
        for (int i = 0; i < layers; i++)
        {
            keys.AddRange(
            [
                ($"backbone.layers.{i}.mixer.A_log", [16, 16]),
                ($"backbone.layers.{i}.mixer.D", [16]),
                ($"backbone.layers.{i}.mixer.in_proj.weight", [32, 8]),
                ($"backbone.layers.{i}.mixer.conv1d.weight", [16, 1, 4]),
                ($"backbone.layers.{i}.mixer.conv1d.bias", [16]),
                ($"backbone.layers.{i}.mixer.x_proj.weight", [33, 16]),
                ($"backbone.layers.{i}.mixer.dt_proj.weight", [16, 1]),
                ($"backbone.layers.{i}.mixer.dt_proj.bias", [16]),
                ($"backbone.layers.{i}.mixer.out_proj.weight", [8, 16]),
                ($"backbone.layers.{i}.norm.weight", [8]),
            ]);
        }
        keys.Add(("backbone.norm_f.weight", [8]));
        keys.Add(("lm_head.weight", [20, 8]));
        return keys;
    }

    /// <summary>Values k/32 (|k| ≤ 48): exact in f16, bf16, f32 and f64, different for every key.</summary>
    private static float[] Values(string name, long count) =>
        Enumerable.Range(0, (int)count).Select(i => ((i * 7 + name.Length * 13) % 97 - 48) / 32f).ToArray();

    private static SafetensorsTensor Entry(string name, long[] shape, string dtype)
    {
        var v = Values(name, SafetensorsTensor.ElementCountOf(shape));
        return dtype switch
        {
            SafetensorsDType.F32 => SafetensorsTensor.FromFloats(name, v, shape),
            SafetensorsDType.F64 => SafetensorsTensor.FromDoubles(name, v.Select(x => (double)x).ToArray(), shape),
            SafetensorsDType.F16 => new SafetensorsTensor(name, dtype, shape, v.SelectMany(x => BitConverter.GetBytes(BitConverter.HalfToUInt16Bits((Half)x))).ToArray()),
            SafetensorsDType.BF16 => new SafetensorsTensor(name, dtype, shape, v.SelectMany(x => BitConverter.GetBytes((ushort)(BitConverter.SingleToInt32Bits(x) >> 16))).ToArray()),
            _ => SafetensorsTensor.FromInt64s(name, v.Select(x => (long)x).ToArray(), shape),
        };
    }

    private string Write(IEnumerable<(string Name, long[] Shape)> keys, string dtype = SafetensorsDType.F32, string file = "official.safetensors")
    {
        var path = Path.Combine(_dir, file);
        SafetensorsFile.Write(path, keys.Select(k => Entry(k.Name, k.Shape, dtype)));
        return path;
    }

    private static MambaClassifier Classical(long seed = 1) => new(new MambaConfig(8), layerCount: 2, generator: new Generator(seed));

    [Theory]
    [InlineData(SafetensorsDType.F32)]
    [InlineData(SafetensorsDType.F64)]
    [InlineData(SafetensorsDType.F16)]
    [InlineData(SafetensorsDType.BF16)]
    public void An_official_checkpoint_loads_as_it_is_in_every_float_dtype(string dtype)
    {
        var model = Classical();
        var before = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray<float>());
        var report = MambaCheckpointImport.Load(model, Write(OfficialKeys(), dtype));

        Assert.True(report.OfficialNaming);
        var state = model.StateDict();
        foreach (var (name, shape) in OfficialKeys().Where(k => k.Name.StartsWith("backbone.layers.", StringComparison.Ordinal) || k.Name == "backbone.norm_f.weight"))
            Assert.Equal(Values(name, SafetensorsTensor.ElementCountOf(shape)), state[name["backbone.".Length..]].ToArray<float>());
        Assert.Equal(21, report.Loaded.Count);
        Assert.Equal(["backbone.embedding.weight", "lm_head.weight"], report.Skipped.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["embedding.bias", "embedding.weight", "head.bias", "head.weight"], report.KeptInitialization.Order(StringComparer.Ordinal));
        foreach (var kept in report.KeptInitialization) Assert.Equal(before[kept], state[kept].ToArray<float>());
    }

    [Fact]
    public void A_state_dict_saved_from_our_classifier_loads_with_our_names()
    {
        var source = Classical(seed: 5);
        var path = Path.Combine(_dir, "ours.safetensors");
        SafetensorsFile.Write(path, source.StateDict().Select(kv => SafetensorsTensor.FromFloats(kv.Key, kv.Value.ToArray<float>(), kv.Value.Shape.Select(d => (long)d).ToArray())));
        var model = Classical(seed: 6);

        var report = MambaCheckpointImport.Load(model, path);

        Assert.False(report.OfficialNaming);
        Assert.Empty(report.Skipped);
        Assert.Empty(report.KeptInitialization);
        foreach (var (name, tensor) in source.StateDict()) Assert.Equal(tensor.ToArray<float>(), model.StateDict()[name].ToArray<float>());
    }

    [Fact]
    public void Into_HQC_Mamba_the_classical_weight_of_a_quantum_projection_is_skipped_and_the_rest_loads()
    {
        var model = new MambaClassifier(new MambaConfig(8), layerCount: 2, quantum: MambaProjections.InProj, generator: new Generator(2));
        var quantumBefore = model.StateDict()["layers.0.mixer.in_proj.quantum.weight"].ToArray<float>();
        var report = MambaCheckpointImport.Load(model, Write(OfficialKeys()));

        Assert.Contains(report.Skipped, s => s.Key == "backbone.layers.1.mixer.in_proj.weight" && s.Reason.Contains("layers.1.mixer.in_proj is a quantum projection"));
        Assert.Contains("layers.0.mixer.in_proj.quantum.weight", report.KeptInitialization);
        Assert.Contains("layers.0.mixer.in_proj.linear.weight", report.KeptInitialization);
        Assert.Equal(quantumBefore, model.StateDict()["layers.0.mixer.in_proj.quantum.weight"].ToArray<float>());
        Assert.Equal(Values("backbone.layers.0.mixer.x_proj.weight", 33 * 16), model.StateDict()["layers.0.mixer.x_proj.weight"].ToArray<float>());
    }

    private MambaCheckpointException Rejected(IEnumerable<(string Name, long[] Shape)> keys, string dtype = SafetensorsDType.F32)
    {
        var model = Classical();
        var before = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray<float>());
        var path = Write(keys, dtype);
        var e = Assert.Throws<MambaCheckpointException>(() => MambaCheckpointImport.Load(model, path));
        Assert.StartsWith(path + ": cannot load into this model", e.Message);
        foreach (var (name, tensor) in model.StateDict()) Assert.Equal(before[name], tensor.ToArray<float>()); // nothing loaded
        return e;
    }

    [Fact]
    public void A_shape_mismatch_names_the_key_and_both_shapes()
    {
        var keys = OfficialKeys().Select(k => k.Name == "backbone.layers.0.mixer.conv1d.weight" ? (k.Name, new long[] { 16, 4 }) : k);
        var e = Rejected(keys);
        Assert.Equal("'backbone.layers.0.mixer.conv1d.weight': expected shape [16, 1, 4] for 'layers.0.mixer.conv1d.weight', the file has [16, 4]", Assert.Single(e.Problems));
    }

    [Fact]
    public void A_missing_key_is_named_with_the_shape_the_model_needs()
    {
        var e = Rejected(OfficialKeys().Where(k => k.Name != "backbone.layers.1.mixer.D"));
        Assert.Equal("'backbone.layers.1.mixer.D' is missing: the model needs shape [16]", Assert.Single(e.Problems));
    }

    [Fact]
    public void A_key_the_model_does_not_have_is_an_error()
    {
        // A three-layer checkpoint into a two-layer model, and an in_proj bias (bias=True in the official config).
        var keys = OfficialKeys(layers: 3).Append(("backbone.layers.0.mixer.in_proj.bias", [32]));
        var e = Rejected(keys);
        Assert.Contains("'backbone.layers.2.norm.weight': the model has no parameter 'layers.2.norm.weight' (shape [8] in the file)", e.Problems);
        Assert.Contains("'backbone.layers.0.mixer.in_proj.bias': the model has no parameter 'layers.0.mixer.in_proj.bias' (shape [32] in the file)", e.Problems);
        Assert.Equal(11, e.Problems.Count);
    }

    [Fact]
    public void Mixed_naming_is_an_error()
    {
        var keys = OfficialKeys().Select(k => k.Name == "backbone.norm_f.weight" ? ("norm_f.weight", k.Shape) : k);
        var e = Rejected(keys);
        Assert.Contains("'norm_f.weight': the file uses the mamba_ssm names (keys start with 'backbone.'), but this key does not", e.Problems);
        Assert.Contains("'backbone.norm_f.weight' is missing: the model needs shape [8]", e.Problems);
    }

    [Fact]
    public void A_non_float_dtype_is_an_error()
    {
        var e = Rejected(OfficialKeys(), SafetensorsDType.I64);
        Assert.Contains("'backbone.layers.0.mixer.A_log': dtype I64 is not a floating-point dtype (F32, F64, F16, BF16)", e.Problems);
    }

    [Fact]
    public void Half_and_bfloat16_bits_widen_exactly()
    {
        var half = new SafetensorsTensor("h", SafetensorsDType.F16, [4], [0x00, 0x3C, 0x00, 0xC0, 0xFF, 0x7B, 0x01, 0x00]);
        Assert.Equal([1f, -2f, 65504f, MathF.Pow(2, -24)], SafetensorsFloats.ToFloat32(half));
        var bf16 = new SafetensorsTensor("b", SafetensorsDType.BF16, [3], [0x80, 0x3F, 0x49, 0x40, 0x80, 0xFF]);
        Assert.Equal([1f, 3.140625f, float.NegativeInfinity], SafetensorsFloats.ToFloat32(bf16));
        var e = Assert.Throws<InvalidOperationException>(() => SafetensorsFloats.ToFloat32(SafetensorsTensor.FromInt32s("i", [1])));
        Assert.Contains("tensor 'i' has dtype I32", e.Message);
    }
}
