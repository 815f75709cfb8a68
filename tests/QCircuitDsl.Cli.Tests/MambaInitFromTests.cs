using QCircuitDsl.Runtime.Serialization;

namespace QCircuitDsl.Cli.Tests;

/// <summary><c>qcdsl train mamba|hqc-mamba --init-from FILE</c>, and the start-up report of the quantum blocks.</summary>
public sealed class MambaInitFromTests
{
    private static string Data(TempDir dir)
    {
        var data = Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName;
        IdxFixture.Write(data, "train", 24);
        IdxFixture.Write(data, "t10k", 8);
        return data;
    }

    /// <summary>An official MambaLMHeadModel file for d_model 4, expand 2 (d_inner 8), d_state 4, dt_rank 1, one layer, vocab 12, in bf16.</summary>
    private static string OfficialCheckpoint(TempDir dir, long conv1dLast = 4)
    {
        (string, long[])[] keys =
        [
            ("backbone.embedding.weight", [12, 4]),
            ("backbone.layers.0.mixer.A_log", [8, 4]),
            ("backbone.layers.0.mixer.D", [8]),
            ("backbone.layers.0.mixer.in_proj.weight", [16, 4]),
            ("backbone.layers.0.mixer.conv1d.weight", [8, 1, conv1dLast]),
            ("backbone.layers.0.mixer.conv1d.bias", [8]),
            ("backbone.layers.0.mixer.x_proj.weight", [9, 8]),
            ("backbone.layers.0.mixer.dt_proj.weight", [8, 1]),
            ("backbone.layers.0.mixer.dt_proj.bias", [8]),
            ("backbone.layers.0.mixer.out_proj.weight", [4, 8]),
            ("backbone.layers.0.norm.weight", [4]),
            ("backbone.norm_f.weight", [4]),
            ("lm_head.weight", [12, 4]),
        ];
        var path = Path.Combine(dir.Path, "official.safetensors");
        // bf16 0x3E80 = 0.25 for every element.
        SafetensorsFile.Write(path, keys.Select(k => new SafetensorsTensor(k.Item1, SafetensorsDType.BF16, k.Item2,
            Enumerable.Repeat(new byte[] { 0x80, 0x3E }, (int)SafetensorsTensor.ElementCountOf(k.Item2)).SelectMany(b => b).ToArray())));
        return path;
    }

    private static string[] Tiny(TempDir dir, string model, params string[] more) =>
        new[] { "train", model, "--task", "mnist-rows", "--data", Data(dir), "--d-model", "4", "--layers", "1", "--expand", "2", "--d-state", "4",
            "--epochs", "1", "--batch", "8", "--out", Path.Combine(dir.Path, "run") }.Concat(more).ToArray();

    [Fact]
    public void An_official_checkpoint_initialises_the_classical_model_and_the_skipped_keys_are_reported()
    {
        using var dir = new TempDir();
        var run = Cli.Run(Tiny(dir, "mamba", "--init-from", OfficialCheckpoint(dir)));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("11 tensors loaded (mamba_ssm names, 'backbone.' stripped)", run.Output);
        Assert.Contains("skipped: backbone.embedding.weight (token embedding of the language model", run.Output);
        Assert.Contains("lm_head.weight (language-model head", run.Output);
        Assert.Contains("kept at initialisation: embedding.weight, embedding.bias, head.weight, head.bias", run.Output);
        Assert.Contains("epoch 1: train loss", run.Output);
    }

    [Fact]
    public void Into_hqc_mamba_the_quantum_projections_keep_their_initialisation()
    {
        using var dir = new TempDir();
        var run = Cli.Run(Tiny(dir, "hqc-mamba", "--quantum", "x_proj", "--init-from", OfficialCheckpoint(dir)));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("backbone.layers.0.mixer.x_proj.weight (layers.0.mixer.x_proj is a quantum projection in this model", run.Output);
        Assert.Contains("layers.0.mixer.x_proj.quantum.weight", run.Output);
    }

    [Fact]
    public void A_shape_mismatch_exits_2_naming_file_key_and_shapes()
    {
        using var dir = new TempDir();
        var file = OfficialCheckpoint(dir, conv1dLast: 3);
        var run = Cli.Run(Tiny(dir, "mamba", "--init-from", file));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(file + ": cannot load into this model", run.Error);
        Assert.Contains("'backbone.layers.0.mixer.conv1d.weight': expected shape [8, 1, 4] for 'layers.0.mixer.conv1d.weight', the file has [8, 1, 3]", run.Error);
    }

    [Fact]
    public void A_missing_or_corrupt_file_exits_2()
    {
        using var dir = new TempDir();
        var missing = Cli.Run(Tiny(dir, "mamba", "--init-from", Path.Combine(dir.Path, "none.safetensors")));
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("none.safetensors: safetensors file not found", missing.Error);

        var corrupt = dir.Write("corrupt.safetensors", "not a safetensors file");
        var bad = Cli.Run(Tiny(dir, "mamba", "--init-from", corrupt));
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains("corrupt.safetensors: header too large", bad.Error);
    }

    [Fact]
    public void Init_from_and_resume_exclude_each_other()
    {
        using var dir = new TempDir();
        var run = Cli.Run(Tiny(dir, "mamba", "--init-from", OfficialCheckpoint(dir), "--resume"));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--init-from and --resume exclude each other", run.Error);
    }

    [Fact]
    public void Start_up_prints_every_quantum_block_with_its_depth_and_the_analyze_command()
    {
        using var dir = new TempDir();
        var run = Cli.Run(Tiny(dir, "hqc-mamba"));
        Assert.True(run.ExitCode == 0, run.ToString());
        // d_model 4 (+ bias amplitude) → 3 qubits; d_inner 8 (+1) → 4 qubits; 2 entangling layers.
        Assert.Contains("quantum block layers.0.mixer.in_proj: 4 → 16, circuit strongly_entangling_probs (3 qubits, depth", run.Output);
        Assert.Contains("quantum block layers.0.mixer.out_proj: 8 → 4, circuit strongly_entangling_probs (4 qubits, depth", run.Output);
        Assert.Contains("readout probs[16]; 24 quantum + ", run.Output);
        Assert.Contains("expressibility: qcdsl analyze src/QCircuitDsl.Models/Mamba/projection.qc examples/circuits/strongly_entangling.qc --circuit strongly_entangling_probs --arg n=4 --arg layers=2", run.Output);
    }

    [Fact]
    public void The_side_channel_encoding_builds_projections_without_the_bias_qubit()
    {
        using var dir = new TempDir();
        var run = Cli.Run(Tiny(dir, "hqc-mamba", "--encoding", "side-channel"));
        Assert.True(run.ExitCode == 0, run.ToString());
        // d_model 4 → 2 qubits, d_inner 8 → 3 qubits (robust: 3 and 4).
        Assert.Contains("layers.0.mixer.in_proj: 4 → 16, circuit strongly_entangling_probs (2 qubits", run.Output);
        Assert.Contains("layers.0.mixer.x_proj: 8 → 9, circuit strongly_entangling_probs (3 qubits", run.Output);
    }
}
