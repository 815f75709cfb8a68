using QCircuitDsl.Runtime.Checkpoints;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Data;
using QCircuitDsl.Runtime.Training.Recipes;

namespace QCircuitDsl.Runtime.Tests.Checkpoints;

/// <summary>What a PyTorch user loading the file with safetensors would see.</summary>
public class CheckpointLayoutTests
{
    [Fact]
    public void Model_tensors_keep_pytorch_names_and_layouts_and_optimizer_state_is_prefixed()
    {
        using var dir = new TempDirectory();
        var model = new CopyingLstm(hiddenSize: 6, new Generator(1));
        var optimizer = new Adam(model.Parameters(), lr: 0.002);
        var x = Torch.Randn([2, 4, 10], new Generator(2));
        model.Forward(x).Sum().Backward();
        optimizer.Step();
        var path = dir.File("ckpt.safetensors");
        CheckpointFile.Save(path, CheckpointState.Capture(model, optimizer, null, new Dictionary<string, Generator> { ["torch.default"] = new Generator(5) }, new TrainingPosition(1, 2, 3)));

        var header = SafetensorsFile.ReadHeader(path);
        var entries = header.Entries.ToDictionary(e => e.Name);
        Assert.Equal([24L, 10L], entries["lstm.weight_ih_l0"].Shape);
        Assert.Equal([24L, 6L], entries["lstm.weight_hh_l0"].Shape);
        Assert.Equal([24L], entries["lstm.bias_ih_l0"].Shape);
        Assert.Equal([10L, 6L], entries["head.weight"].Shape); // nn.Linear: [out_features, in_features]
        Assert.Equal("F32", entries["head.weight"].DType);
        Assert.Equal([10L, 6L], entries["optimizer.state.4.exp_avg"].Shape); // parameter 4 = head.weight
        Assert.Equal("F64", entries["optimizer.state.0.step"].DType);
        Assert.Empty(entries["optimizer.state.0.step"].Shape);
        Assert.Equal(6 + 3 * 6, header.Entries.Count); // 6 parameters, 3 state tensors each

        Assert.Equal(CheckpointLayout.Format, header.Metadata["format"]);
        Assert.Equal("""[{"amsgrad":0,"beta1":0.9,"beta2":0.999,"eps":1E-08,"lr":0.002,"maximize":0,"weight_decay":0,"params":[0,1,2,3,4,5]}]""",
            header.Metadata["optimizer.param_groups"]);
        Assert.Equal(string.Join(",", new Generator(5).GetState()), header.Metadata["rng.torch.default"]);
        Assert.Equal("3", header.Metadata["position.global_step"]);

        // The model's own tensors load back into a fresh model by name, as torch's load_state_dict would.
        var weightsOnly = SafetensorsFile.Read(path).Tensors.Where(t => !t.Name.StartsWith("optimizer.", StringComparison.Ordinal)).Select(t => t.Name);
        Assert.Equal(model.StateDict().Keys.Order(StringComparer.Ordinal), weightsOnly);
    }

    [Fact]
    public void Reserved_names_and_foreign_files_are_rejected_with_a_reason()
    {
        using var dir = new TempDirectory();
        var bad = new TrainingCheckpoint { Model = new OrderedDictionary<string, Tensor> { ["optimizer.weight"] = Torch.Zeros(2) } };
        var ex = Assert.Throws<ArgumentException>(() => CheckpointFile.Save(dir.File("bad.safetensors"), bad));
        Assert.Contains("reserved prefix", ex.Message);
        Assert.False(File.Exists(dir.File("bad.safetensors")));

        var plain = dir.File("weights.safetensors");
        SafetensorsFile.Write(plain, [SafetensorsTensor.FromFloats("w", [1f, 2f])]);
        var notCheckpoint = Assert.Throws<InvalidDataException>(() => CheckpointFile.Load(plain));
        Assert.Contains("not a training checkpoint", notCheckpoint.Message);
    }

    [Fact]
    public void Saving_over_a_checkpoint_replaces_it_whole_and_leaves_no_temporary_files()
    {
        using var dir = new TempDirectory();
        var path = dir.File("last.safetensors");
        var model = new Linear(3, 2, generator: new Generator(1));
        CheckpointFile.Save(path, CheckpointState.Capture(model, null, null, null, new TrainingPosition(0, 1, 1)));
        using (Torch.NoGrad()) model.Weight.Fill_(0.5);
        CheckpointFile.Save(path, CheckpointState.Capture(model, null, null, null, new TrainingPosition(0, 2, 2)));

        var loaded = CheckpointFile.Load(path);
        Assert.Equal(2, loaded.Position.GlobalStep);
        Assert.All(loaded.Model["weight"].ToArray<float>(), v => Assert.Equal(0.5f, v));
        Assert.Equal(["last.safetensors"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }
}
