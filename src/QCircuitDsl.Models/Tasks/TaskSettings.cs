using System.Text.Json.Serialization;
using QCircuitDsl.Models.Qrnn;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// Everything a training run can override. <see cref="For"/> gives the paper's settings (Xu 2025, Table of
/// hyper-parameters: qubits, batch, dropout) per task; <see cref="Quick"/> gives the copying task at a size
/// that trains in minutes on a 2-core CPU, which is what <c>qcdsl train qrnn</c> runs with no arguments.
/// Training is Adam (lr 1e-3, weight decay 1e-4, eps 1e-10, no decay of the learning rate), as in the paper.
/// </summary>
public sealed record TaskSettings
{
    public TaskKind Task { get; init; } = TaskKind.Copying;
    public string Model { get; init; } = "qrnn";
    public int Qubits { get; init; } = 10;
    public int Hidden { get; init; } = 64;
    public ControllerActivation Activation { get; init; } = ControllerActivation.Gelu;
    public int Batch { get; init; } = 200;
    public int Epochs { get; init; } = 10;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; } = 1e-4;
    public double Epsilon { get; init; } = 1e-10;
    public double Dropout { get; init; }
    public ulong Seed { get; init; } = 1;
    /// <summary>Copying task delay T.</summary>
    public int Delay { get; init; } = 200;
    /// <summary>Training and test examples (copying: generated; image tasks: a prefix of the split, 0 = all).</summary>
    public int TrainSize { get; init; }
    public int TestSize { get; init; }
    /// <summary>Hidden size of a classical baseline; 0 matches the QRNN's parameter count.</summary>
    public int BaselineHidden { get; init; }
    public double? GradientClipNorm { get; init; } = 1.0;
    public int CheckpointInterval { get; init; } = QuantumMemory.DefaultCheckpointInterval;

    /// <summary>Text tasks: width of the word embeddings (e).</summary>
    public int Embedding { get; init; } = 100;
    /// <summary>Text tasks: vocabulary size including the four special tokens (0 = every word of the training split).</summary>
    public int VocabularySize { get; init; }
    /// <summary>Text tasks: words seen fewer times than this in the training split become &lt;unk&gt;.</summary>
    public int MinFrequency { get; init; } = 1;
    /// <summary>IMDB: tokens kept per review; Multi30K: tokens kept per sentence and the longest decoded translation.</summary>
    public int MaxLength { get; init; } = 400;
    /// <summary>PTB: tokens per truncated-backpropagation window.</summary>
    public int Bptt { get; init; } = 35;
    /// <summary>Multi30K: beam width of the decoding behind test_bleu (1 = greedy).</summary>
    public int Beam { get; init; } = 1;
    /// <summary>Multi30K: width of the additive attention.</summary>
    public int AttentionSize { get; init; } = 64;

    /// <summary>Whether the task reads text (and so has word embeddings and a vocabulary).</summary>
    [JsonIgnore]
    public bool IsText => Task is TaskKind.Imdb or TaskKind.Ptb or TaskKind.Multi30k;

    public static TaskSettings For(TaskKind task) => task switch
    {
        TaskKind.Copying => new TaskSettings { Task = task, Qubits = 10, Batch = 50, Delay = 200, TrainSize = 5000, TestSize = 1000, Activation = ControllerActivation.Gelu },
        // Hidden widths are not in the paper's table; these give its parameter counts without embeddings:
        // IMDB 157·h + 82 = 5,263 (paper 5.2K), PTB 1,357·h + 38,008 = 130,284 with PTB's vocabulary (paper 130K).
        TaskKind.Imdb => new TaskSettings { Task = task, Qubits = 8, Hidden = 33, Embedding = 100, Batch = 200, Dropout = 0.25, Activation = ControllerActivation.LeakyRelu, MaxLength = 400, VocabularySize = 25_000 },
        TaskKind.Ptb => new TaskSettings { Task = task, Qubits = 14, Hidden = 68, Embedding = 650, Batch = 64, Dropout = 0.5, Activation = ControllerActivation.LeakyRelu, Bptt = 35 },
        TaskKind.Multi30k => new TaskSettings { Task = task, Qubits = 13, Embedding = 512, Batch = 64, Dropout = 0.25, Activation = ControllerActivation.Glu, MinFrequency = 2, MaxLength = 50 },
        _ => new TaskSettings { Task = task, Qubits = 10, Batch = 200, Dropout = 0, Activation = ControllerActivation.Gelu },
    };

    /// <summary>The default run: copying memory with T = 10, 6 qubits, 2000 sequences, a few minutes on 2 cores.</summary>
    public static TaskSettings Quick { get; } = new()
    {
        Task = TaskKind.Copying,
        Qubits = 6,
        Hidden = 32,
        Batch = 50,
        Epochs = 8,
        LearningRate = 1e-2,
        Delay = 10,
        TrainSize = 2000,
        TestSize = 500,
    };
}
