using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

public sealed class MambaStateDictTests
{
    /// <summary>
    /// Names and shapes of a PyTorch state dict of state-spaces/mamba blocks (Block(Mamba) with RMSNorm),
    /// d_model 8: d_inner 16, dt_rank 1, d_state 16, d_conv 4, conv bias on, linear biases off. Written out by
    /// hand from the official module, not derived from our model.
    /// </summary>
    private static IEnumerable<(string Name, int[] Shape)> OfficialLayer(int i) =>
    [
        ($"layers.{i}.mixer.A_log", [16, 16]),
        ($"layers.{i}.mixer.D", [16]),
        ($"layers.{i}.mixer.in_proj.weight", [32, 8]),
        ($"layers.{i}.mixer.conv1d.weight", [16, 1, 4]),
        ($"layers.{i}.mixer.conv1d.bias", [16]),
        ($"layers.{i}.mixer.x_proj.weight", [33, 16]),
        ($"layers.{i}.mixer.dt_proj.weight", [16, 1]),
        ($"layers.{i}.mixer.dt_proj.bias", [16]),
        ($"layers.{i}.mixer.out_proj.weight", [8, 16]),
        ($"layers.{i}.norm.weight", [8]),
    ];

    private static readonly (string Name, int[] Shape)[] ClassifierExtras =
    [
        ("embedding.weight", [8, 1]), ("embedding.bias", [8]),
        ("norm_f.weight", [8]),
        ("head.weight", [10, 8]), ("head.bias", [10]),
    ];

    [Fact]
    public void A_state_dict_with_official_names_loads_strictly_and_copies_every_value()
    {
        var model = new MambaClassifier(new MambaConfig(8), layerCount: 2, generator: new Generator(1));
        var g = new Generator(2);
        var dict = OfficialLayer(0).Concat(OfficialLayer(1)).Concat(ClassifierExtras)
            .ToDictionary(e => e.Name, e => Torch.Randn(e.Shape, g));

        model.LoadStateDict(dict, strict: true);

        var state = model.StateDict();
        Assert.Equal(dict.Count, state.Count);
        foreach (var (name, tensor) in dict) Assert.Equal(tensor.ToArray<float>(), state[name].ToArray<float>());
    }

    [Fact]
    public void A_single_block_uses_the_official_mixer_and_norm_names()
    {
        var block = new ResidualBlock(new MambaConfig(8), generator: new Generator(3));
        var expected = OfficialLayer(0).ToDictionary(e => e.Name["layers.0.".Length..], e => e.Shape);
        var actual = block.StateDict();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, shape) in expected) Assert.Equal(shape, actual[name].Shape);
    }

    [Fact]
    public void A_wrong_shape_is_reported()
    {
        var block = new ResidualBlock(new MambaConfig(8), generator: new Generator(4));
        var dict = block.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
        dict["mixer.conv1d.weight"] = Torch.Zeros(16, 4); // PyTorch's layout has the group dimension [16, 1, 4]
        Assert.Throws<StateDictLoadException>(() => block.LoadStateDict(dict));
    }
}
