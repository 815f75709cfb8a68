namespace QCircuitDsl.Runtime.Checkpoints;

/// <summary>
/// Names used inside a checkpoint file (one safetensors file, see <see cref="CheckpointFile"/>).
/// <code>
/// tensors
///   &lt;model key&gt;                    the model's StateDict, unchanged ("fc.weight" F32 [out, in], …)
///   optimizer.state.&lt;i&gt;.&lt;name&gt;     per-parameter optimizer state of parameter i (numbered across groups in
///                                   order, as torch): step (F64, shape []), exp_avg, exp_avg_sq,
///                                   max_exp_avg_sq, momentum_buffer (the parameter's dtype and shape)
/// __metadata__ (all values are strings)
///   format                          "qcircuitdsl.checkpoint.v1"
///   optimizer.param_groups          JSON [{"lr": 0.001, "beta1": 0.9, …, "params": [0, 1, …]}, …]
///   scheduler                       JSON {"last_epoch": 3, "base_lrs": [0.001]}
///   rng.&lt;name&gt;                      "w0,w1,w2,w3": a generator's xoshiro256** state words, decimal
///   position.epoch / .batch / .global_step   next batch to train (decimal)
///   values.&lt;key&gt;                    free-form values (the trainer's running sums, the seed, …)
/// </code>
/// Keeping all of it in one file means one atomic rename replaces the whole state at once; a reader that only wants
/// the weights (e.g. safetensors.torch.load_file in Python) drops the keys starting with "optimizer.".
/// </summary>
public static class CheckpointLayout
{
    public const string Format = "qcircuitdsl.checkpoint.v1";
    public const string FormatKey = "format";
    public const string OptimizerStatePrefix = "optimizer.state.";
    public const string ReservedTensorPrefix = "optimizer.";
    public const string ParamGroupsKey = "optimizer.param_groups";
    public const string SchedulerKey = "scheduler";
    public const string RngPrefix = "rng.";
    public const string EpochKey = "position.epoch";
    public const string BatchKey = "position.batch";
    public const string GlobalStepKey = "position.global_step";
    public const string ValuePrefix = "values.";
}
