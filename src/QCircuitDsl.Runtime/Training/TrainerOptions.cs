using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Training;

/// <summary>When <see cref="Trainer{TBatch}"/> advances the learning-rate scheduler.</summary>
public enum SchedulerInterval
{
    /// <summary>After each epoch's evaluation (torch's usual scheduler.step() per epoch).</summary>
    Epoch,
    /// <summary>After every optimizer step (warm-up and one-cycle schedules).</summary>
    Step,
}

/// <summary>Settings of a <see cref="Trainer{TBatch}"/> run.</summary>
public sealed class TrainerOptions
{
    public int Epochs { get; init; } = 1;

    /// <summary>Stop (with a checkpoint) once this many optimizer steps have been taken in total, even mid-epoch.</summary>
    public long? MaxSteps { get; init; }

    /// <summary>
    /// The run seed. A fresh (not resumed) <see cref="Trainer{TBatch}.Fit"/> seeds <see cref="Torch.DefaultGenerator"/>
    /// from it (stream <see cref="Seeding.TorchDefault"/>); model initialisation and data order should come from the
    /// same seed through <see cref="Seeding"/>.
    /// </summary>
    public ulong Seed { get; init; }

    /// <summary>Clip the gradients' joint 2-norm to this value before each step (torch clip_grad_norm_).</summary>
    public double? GradientClipNorm { get; init; }

    public MetricKinds Metrics { get; init; } = MetricKinds.None;

    /// <summary>
    /// Metrics of the whole test set that are not means over batches (corpus BLEU of decoded translations). Called
    /// after each epoch's test evaluation in eval mode without gradients; each value is logged as <c>test_NAME</c>.
    /// It must not draw from any generator, so that a resumed run stays identical.
    /// </summary>
    public Func<IReadOnlyDictionary<string, double>>? TestMetrics { get; init; }

    /// <summary>JSON Lines file for per-step and per-epoch metrics; truncated on a fresh run, rewound to the checkpoint on resume.</summary>
    public string? MetricsPath { get; init; }

    /// <summary>Write a per-step line every this many steps (0: none).</summary>
    public int StepLogInterval { get; init; } = 1;

    /// <summary>Adds wall-clock fields (seconds, samples per second) to the epoch lines; off gives byte-reproducible logs.</summary>
    public bool RecordTiming { get; init; } = true;

    /// <summary>Directory for checkpoints ("last.safetensors"); null disables checkpointing.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Also checkpoint every this many steps (besides every epoch end and the MaxSteps stop).</summary>
    public int? CheckpointEverySteps { get; init; }

    /// <summary>Keep a copy per epoch ("epoch-0003.safetensors") in addition to "last.safetensors".</summary>
    public bool KeepEpochCheckpoints { get; init; }

    public SchedulerInterval SchedulerInterval { get; init; } = SchedulerInterval.Epoch;

    /// <summary>Generators used by the model (e.g. dropout masks) whose state must be checkpointed, by name.</summary>
    public IReadOnlyDictionary<string, Generator> Generators { get; init; } = new Dictionary<string, Generator>();

    /// <summary>Progress display; null picks one with <see cref="ProgressReporterFactory.Create"/>.</summary>
    public IProgressReporter? Reporter { get; init; }

    /// <summary>Unit shown in the progress bar's throughput.</summary>
    public string ProgressUnit { get; init; } = "batch";
}
