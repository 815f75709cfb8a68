using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Tensors;

namespace QCircuitDsl.Runtime.Tests.NN;

public class ModuleTests
{
    /// <summary>A Mamba-like nesting to exercise dotted names: layers.{i}.mixer.in_proj.weight.</summary>
    private sealed class Mixer : Module<Tensor, Tensor>
    {
        public Mixer(Generator g)
        {
            InProj = RegisterModule("in_proj", new Linear(4, 8, generator: g));
            OutProj = RegisterModule("out_proj", new Linear(8, 4, bias: false, generator: g));
            RegisterBuffer("scale", Torch.Full([4], 0.5));
            RegisterBuffer("cache", Torch.Zeros(2), persistent: false);
        }

        public Linear InProj { get; }
        public Linear OutProj { get; }
        public override Tensor Forward(Tensor x) => OutProj.Forward(Functional.Silu(InProj.Forward(x)));
    }

    private sealed class Block : Module<Tensor, Tensor>
    {
        public Block(Generator g)
        {
            Norm = RegisterModule("norm", new RMSNorm(4));
            MixerModule = RegisterModule("mixer", new Mixer(g));
        }

        public RMSNorm Norm { get; }
        public Mixer MixerModule { get; }
        public override Tensor Forward(Tensor x) => x + MixerModule.Forward(Norm.Forward(x));
    }

    private sealed class TinyModel : Module<Tensor, Tensor>
    {
        public TinyModel(long seed)
        {
            var g = new Generator(seed);
            Embed = RegisterModule("embedding", new Embedding(10, 4, generator: g));
            Layers = RegisterModule("layers", new ModuleList<Block>(new Block(g), new Block(g)));
            Head = RegisterModule("lm_head", new Linear(4, 10, generator: g));
        }

        public Embedding Embed { get; }
        public ModuleList<Block> Layers { get; }
        public Linear Head { get; }

        public override Tensor Forward(Tensor tokens)
        {
            var h = Embed.Forward(tokens);
            foreach (var layer in Layers) h = layer.Forward(h);
            return Head.Forward(h);
        }
    }

    private static readonly Tensor Tokens = Torch.Tensor(new long[] { 1, 5, 9, 0 }, 2, 2);

    [Fact]
    public void NamedParametersUseDottedPyTorchNamesInRegistrationOrder()
    {
        var names = new TinyModel(1).NamedParameters().Select(p => p.Name).ToArray();
        Assert.Equal(
        [
            "embedding.weight",
            "layers.0.norm.weight", "layers.0.mixer.in_proj.weight", "layers.0.mixer.in_proj.bias", "layers.0.mixer.out_proj.weight",
            "layers.1.norm.weight", "layers.1.mixer.in_proj.weight", "layers.1.mixer.in_proj.bias", "layers.1.mixer.out_proj.weight",
            "lm_head.weight", "lm_head.bias",
        ], names);
        var modules = new TinyModel(1).NamedModules().Select(m => m.Name).ToArray();
        Assert.Equal("", modules[0]);
        Assert.Contains("layers.1.mixer.out_proj", modules);
    }

    [Fact]
    public void StateDictHoldsParametersAndPersistentBuffers()
    {
        var sd = new TinyModel(1).StateDict();
        Assert.Contains("layers.0.mixer.scale", sd.Keys);
        Assert.DoesNotContain("layers.0.mixer.cache", sd.Keys);
        Assert.Equal([8, 4], sd["layers.1.mixer.in_proj.weight"].Shape);
        Assert.Equal(13, sd.Count);
    }

    [Fact]
    public void StateDictRoundTripReproducesOutputs()
    {
        var source = new TinyModel(1);
        var target = new TinyModel(2);
        Assert.NotEqual(source.Forward(Tokens).ToArray<float>(), target.Forward(Tokens).ToArray<float>());
        var snapshot = source.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Clone());
        var result = target.LoadStateDict(snapshot);
        Assert.Empty(result.MissingKeys);
        Assert.Empty(result.UnexpectedKeys);
        TensorAssert.BitIdentical(source.Forward(Tokens), target.Forward(Tokens));
        // Loading copies values: the target does not alias the source.
        using (Torch.NoGrad()) source.Head.Weight.Fill_(0);
        Assert.NotEqual(0f, target.Head.Weight.ToArray<float>()[0]);
    }

    [Fact]
    public void StrictLoadListsMissingUnexpectedAndMismatchedNames()
    {
        var model = new TinyModel(1);
        var sd = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
        sd.Remove("lm_head.bias");
        sd["layers.2.norm.weight"] = Torch.Ones(4);
        sd["embedding.weight"] = Torch.Zeros(11, 4);
        var before = model.Embed.Weight.ToArray<float>();
        var ex = Assert.Throws<StateDictLoadException>(() => model.LoadStateDict(sd));
        Assert.Contains("Missing key(s) in state_dict: \"lm_head.bias\"", ex.Message);
        Assert.Contains("Unexpected key(s) in state_dict: \"layers.2.norm.weight\"", ex.Message);
        Assert.Contains("size mismatch for embedding.weight: copying a param with shape [11, 4] from checkpoint, the shape in current model is [10, 4]", ex.Message);
        Assert.Equal(["lm_head.bias"], ex.MissingKeys);
        Assert.Equal(["layers.2.norm.weight"], ex.UnexpectedKeys);
        Assert.Equal(before, model.Embed.Weight.ToArray<float>()); // nothing copied on failure
    }

    [Fact]
    public void NonStrictLoadReportsButStillRejectsShapeMismatch()
    {
        var model = new TinyModel(1);
        var sd = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
        sd.Remove("lm_head.bias");
        sd["extra"] = Torch.Ones(1);
        var result = model.LoadStateDict(sd, strict: false);
        Assert.Equal(["lm_head.bias"], result.MissingKeys);
        Assert.Equal(["extra"], result.UnexpectedKeys);
        sd["lm_head.weight"] = Torch.Zeros(3, 3);
        Assert.Throws<StateDictLoadException>(() => model.LoadStateDict(sd, strict: false));
    }

    [Fact]
    public void TrainAndEvalPropagateToChildren()
    {
        var model = new Sequential(new Linear(2, 2), new Dropout(0.5), new ReLU());
        Assert.All(model.Modules(), m => Assert.True(m.Training));
        model.Eval();
        Assert.All(model.Modules(), m => Assert.False(m.Training));
        var x = Torch.Ones(3, 2);
        TensorAssert.BitIdentical(model.Forward(x), model.Forward(x));
        model.Train();
        Assert.True(model[1].Training);
    }

    [Fact]
    public void RegistrationRejectsBadNames()
    {
        var m = new Sequential();
        Assert.Throws<ArgumentException>(() => m.RegisterModule("a.b", new ReLU()));
        Assert.Throws<ArgumentException>(() => m.RegisterModule("", new ReLU()));
    }

    [Fact]
    public void ZeroGradClearsOrZeroes()
    {
        var lin = new Linear(2, 1);
        lin.Forward(Torch.Ones(1, 2)).Sum().Backward();
        Assert.NotNull(lin.Weight.Grad);
        lin.ZeroGrad(setToNone: false);
        Assert.All(lin.Weight.Grad!.ToArray<float>(), v => Assert.Equal(0f, v));
        lin.ZeroGrad();
        Assert.Null(lin.Weight.Grad);
    }

    [Fact]
    public void ToFloat64KeepsParameterIdentity()
    {
        var lin = new Linear(3, 2);
        var weight = lin.Weight;
        var before = weight.ToArray<double>();
        lin.Double();
        Assert.Same(weight, lin.Weight);
        Assert.Equal(DType.Float64, lin.Weight.DType);
        Assert.Equal(before, lin.Weight.ToArray<double>());
        Assert.True(lin.Weight.RequiresGrad);
    }

    [Fact]
    public void SequentialAndMlpUseNumberedNames()
    {
        var mlp = new MLP(4, [8, 8, 2], generator: new Generator(0));
        Assert.Equal(["0.weight", "0.bias", "3.weight", "3.bias", "6.weight", "6.bias"], mlp.NamedParameters().Select(p => p.Name));
        Assert.Equal([5, 2], mlp.Forward(Torch.Ones(5, 4)).Shape);
        Assert.StartsWith("MLP(\n  (0): Linear(in_features=4, out_features=8, bias=True)", mlp.ToString());
    }
}
