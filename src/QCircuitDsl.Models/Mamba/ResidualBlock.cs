using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// The official pre-norm Mamba block: hidden + mixer(norm(hidden)), names "mixer" and "norm".
/// The residual stream stays in the model dtype (float32 in training), which is what the official
/// residual_in_fp32 guarantees under mixed precision; this runtime has no half types to guard against.
/// </summary>
public sealed class ResidualBlock : Module<Tensor, Tensor>
{
    public ResidualBlock(MambaConfig config, MambaProjections quantum = MambaProjections.None, QuantumProjectionOptions? quantumOptions = null,
        DType dtype = DType.Float32, Generator? generator = null, QuantumProjectionFactory? projections = null)
    {
        Mixer = RegisterModule("mixer", new MambaMixer(config, quantum, quantumOptions, dtype, generator, projections));
        Norm = RegisterModule("norm", new RMSNorm(config.DModel, config.NormEps, dtype: dtype));
    }

    public MambaMixer Mixer { get; }
    public RMSNorm Norm { get; }

    public override Tensor Forward(Tensor hidden) => hidden + Mixer.Forward(Norm.Forward(hidden));
}
