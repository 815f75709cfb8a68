using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// Sequence classifier (sequential MNIST: 784 steps of one pixel): a Linear lift ("embedding") of each step to
/// d_model, N residual Mamba blocks ("layers.N"), a final RMSNorm ("norm_f"), mean-pooling over time and a Linear
/// "head" to the classes. With <see cref="MambaProjections"/> set it is HQC-Mamba; its quantum projections come from
/// the constructor's <c>projections</c> factory (default: the .qc layers of projection.qc, <see cref="QcProjections"/>).
/// </summary>
public sealed class MambaClassifier : Module<Tensor, Tensor>
{
    public MambaClassifier(MambaConfig config, int layerCount, int inputSize = 1, int classes = 10,
        MambaProjections quantum = MambaProjections.None, QuantumProjectionOptions? quantumOptions = null,
        DType dtype = DType.Float32, Generator? generator = null, QuantumProjectionFactory? projections = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (layerCount < 1) throw new ArgumentException($"MambaClassifier: need at least one layer, got {layerCount}");
        Config = config;
        InputSize = inputSize;
        Classes = classes;
        Embedding = RegisterModule("embedding", new Linear(inputSize, config.DModel, bias: true, dtype, generator));
        Layers = RegisterModule("layers", new ModuleList<ResidualBlock>());
        for (var i = 0; i < layerCount; i++) Layers.Append(new ResidualBlock(config, quantum, quantumOptions, dtype, generator, projections));
        NormF = RegisterModule("norm_f", new RMSNorm(config.DModel, config.NormEps, dtype: dtype));
        Head = RegisterModule("head", new Linear(config.DModel, classes, bias: true, dtype, generator));
        MambaInit.InitWeights(this, layerCount, generator);
    }

    public MambaConfig Config { get; }
    public int InputSize { get; }
    public int Classes { get; }
    public Linear Embedding { get; }
    public ModuleList<ResidualBlock> Layers { get; }
    public RMSNorm NormF { get; }
    public Linear Head { get; }

    /// <summary>x [B, L, input] (or [B, L] for one feature per step) → logits [B, classes].</summary>
    public override Tensor Forward(Tensor x)
    {
        if (x.Dim == 2 && InputSize == 1) x = x.Unsqueeze(2);
        if (x.Dim != 3 || x.Size(2) != InputSize)
            throw new ArgumentException($"MambaClassifier: expected [B, L, {InputSize}], got [{string.Join(", ", x.Shape)}]");
        var hidden = Embedding.Forward(x);
        foreach (var layer in Layers) hidden = layer.Forward(hidden);
        return Head.Forward(NormF.Forward(hidden).Mean(1));
    }

    /// <summary>Global re-initialisation (module inits, then the official rescale); dt_proj biases are kept.</summary>
    public void ResetParameters(Generator? generator = null)
    {
        MambaInit.ResetAll(this, generator);
        MambaInit.InitWeights(this, Layers.Count, generator);
    }

    /// <summary>Names of parameters marked no-weight-decay (every layer's A_log and D), as the official
    /// <c>_no_weight_decay</c> attribute.</summary>
    public IReadOnlyList<string> NoWeightDecayParameterNames() =>
        NamedParameters().Where(p => ParameterFlags.IsNoWeightDecay(p.Parameter)).Select(p => p.Name).ToList();

    /// <summary>Parameters split into in_proj / x_proj / out_proj / other / no-decay, for per-group optimizers.</summary>
    public MambaParameterGroups ParameterGroups() => MambaParameterGroups.Of(this);

    /// <summary>Classical vs. quantum parameter counts and the quantum blocks' circuits.</summary>
    public MambaParameterReport ParameterReport() => MambaParameterReport.Of(this);
}
