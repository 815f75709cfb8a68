using QCircuitDsl.Runtime.Checkpoints;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Data;

namespace QCircuitDsl.Runtime.Tests.Checkpoints;

public class CheckpointRoundTripTests
{
    /// <summary>A module mixing float32 and float64 parameters, an LSTM, and an int64 buffer.</summary>
    private sealed class Mixed : Module
    {
        public Mixed(Generator g)
        {
            RegisterModule("lstm", new LSTM(3, 5, generator: g));
            RegisterModule("head", new Linear(5, 2, generator: g));
            RegisterModule("wide", new Linear(2, 2, dtype: DType.Float64, generator: g));
            RegisterBuffer("counts", Torch.Tensor(new long[] { 1, -2, long.MaxValue }));
        }

        public Tensor Loss(Tensor x)
        {
            var (output, _) = ((LSTM)Children().First()).Forward(x);
            var head = (Linear)Children().ElementAt(1);
            var wide = (Linear)Children().ElementAt(2);
            return head.Forward(output).Square().Mean() + wide.Forward(Torch.Ones([1, 2], DType.Float64)).Sum().Float();
        }
    }

    private static (Mixed Model, Optimizer Optimizer, LRScheduler Scheduler) Trained(Func<IEnumerable<Tensor>, Optimizer> makeOptimizer, int steps)
    {
        var model = new Mixed(new Generator(1));
        var optimizer = makeOptimizer(model.Parameters());
        var scheduler = new CosineAnnealingLR(optimizer, tMax: 7, etaMin: 1e-4);
        var x = Torch.Randn([4, 2, 3], new Generator(2));
        for (int i = 0; i < steps; i++)
        {
            optimizer.ZeroGrad();
            model.Loss(x).Backward();
            optimizer.Step();
            scheduler.Step();
        }
        return (model, optimizer, scheduler);
    }

    private static long[] Bits(Tensor t) => t.DType switch
    {
        DType.Float32 => t.ToArray<float>().Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToArray(),
        DType.Float64 => t.ToArray<double>().Select(BitConverter.DoubleToInt64Bits).ToArray(),
        _ => t.ToArray<long>(),
    };

    public static TheoryData<string> Optimizers => ["adam", "adamw-amsgrad", "sgd-momentum"];

    private static Func<IEnumerable<Tensor>, Optimizer> Make(string name) => name switch
    {
        "adam" => p => new Adam(p, lr: 0.01),
        "adamw-amsgrad" => p => new AdamW(p, lr: 0.01, amsgrad: true),
        _ => p => new SGD(p, lr: 0.05, momentum: 0.9, nesterov: true),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Save_then_load_is_bit_exact_for_every_part(string optimizerName)
    {
        using var dir = new TempDirectory();
        var (model, optimizer, scheduler) = Trained(Make(optimizerName), steps: 3);
        var generator = new Generator(99);
        generator.NextDouble();
        var original = CheckpointState.Capture(model, optimizer, scheduler, new Dictionary<string, Generator> { ["dropout"] = generator },
            new TrainingPosition(2, 5, 17), new Dictionary<string, string> { ["note"] = "0.1 + 0.2" });
        var path = dir.File("ckpt.safetensors");
        CheckpointFile.Save(path, original);
        var loaded = CheckpointFile.Load(path);

        Assert.Equal(original.Model.Keys.Order(StringComparer.Ordinal), loaded.Model.Keys); // files hold tensors in name order
        foreach (var (key, tensor) in original.Model)
        {
            Assert.Equal(tensor.DType, loaded.Model[key].DType);
            Assert.Equal(tensor.Shape, loaded.Model[key].Shape);
            Assert.Equal(Bits(tensor), Bits(loaded.Model[key]));
        }
        Assert.Equal(original.Optimizer!.State.Keys.Order(), loaded.Optimizer!.State.Keys.Order());
        foreach (var (index, state) in original.Optimizer.State)
        {
            Assert.Equal(state.Keys.Order(), loaded.Optimizer.State[index].Keys.Order());
            foreach (var (name, tensor) in state)
            {
                Assert.Equal(tensor.Shape, loaded.Optimizer.State[index][name].Shape);
                Assert.Equal(Bits(tensor), Bits(loaded.Optimizer.State[index][name]));
            }
        }
        Assert.Equal(original.Optimizer.ParamGroups.Count, loaded.Optimizer.ParamGroups.Count);
        for (int g = 0; g < original.Optimizer.ParamGroups.Count; g++)
        {
            Assert.Equal(original.Optimizer.ParamGroups[g].Params, loaded.Optimizer.ParamGroups[g].Params);
            Assert.Equal(original.Optimizer.ParamGroups[g].Options.OrderBy(kv => kv.Key).Select(kv => (kv.Key, BitConverter.DoubleToInt64Bits(kv.Value))),
                loaded.Optimizer.ParamGroups[g].Options.OrderBy(kv => kv.Key).Select(kv => (kv.Key, BitConverter.DoubleToInt64Bits(kv.Value))));
        }
        Assert.Equal(original.Scheduler!.LastEpoch, loaded.Scheduler!.LastEpoch);
        Assert.Equal(original.Scheduler.BaseLrs, loaded.Scheduler.BaseLrs);
        Assert.Equal(generator.GetState(), loaded.Rng["dropout"]);
        Assert.Equal(new TrainingPosition(2, 5, 17), loaded.Position);
        Assert.Equal("0.1 + 0.2", loaded.Values["note"]);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Restored_objects_continue_exactly_like_the_originals(string optimizerName)
    {
        using var dir = new TempDirectory();
        var (model, optimizer, scheduler) = Trained(Make(optimizerName), steps: 3);
        var path = dir.File("ckpt.safetensors");
        CheckpointFile.Save(path, CheckpointState.Capture(model, optimizer, scheduler, null, TrainingPosition.Start));

        // Fresh objects with different initial weights, then the checkpoint.
        var copy = new Mixed(new Generator(1234));
        var copyOptimizer = Make(optimizerName)(copy.Parameters());
        var copyScheduler = new CosineAnnealingLR(copyOptimizer, tMax: 7, etaMin: 1e-4);
        CheckpointState.Restore(CheckpointFile.Load(path), copy, copyOptimizer, copyScheduler, null);

        var x = Torch.Randn([4, 2, 3], new Generator(3));
        foreach (var (m, o, s) in new[] { (model, optimizer, scheduler), (copy, copyOptimizer, (LRScheduler)copyScheduler) })
            for (int i = 0; i < 3; i++)
            {
                o.ZeroGrad();
                m.Loss(x).Backward();
                o.Step();
                s.Step();
            }
        Assert.Equal(model.StateDict().Values.SelectMany(Bits), copy.StateDict().Values.SelectMany(Bits));
        Assert.Equal(optimizer.ParamGroups[0].Lr, copyOptimizer.ParamGroups[0].Lr);
    }
}
