using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// Whole-model (re-)initialisation. Every path here checks <see cref="ParameterFlags.IsNoReinit"/>, so dt_proj.bias
/// keeps its inverse-softplus init no matter how often a model is re-initialised.
/// </summary>
public static class MambaInit
{
    /// <summary>Re-draws every parameter with its module's own init (model.Apply(ResetModule)).</summary>
    public static void ResetAll(Module root, Generator? generator = null) => root.Apply(m => ResetModule(m, generator));

    /// <summary>One module's own parameters (not its children): the init function to pass to Module.Apply.</summary>
    public static void ResetModule(Module module, Generator? generator = null)
    {
        switch (module)
        {
            case Linear linear:
                // nn.Linear's default, bias drawn only when not protected.
                if (!ParameterFlags.IsNoReinit(linear.Weight)) Init.KaimingUniform_(linear.Weight, a: Math.Sqrt(5), generator: generator);
                if (linear.Bias is { } bias && !ParameterFlags.IsNoReinit(bias))
                {
                    var bound = linear.InFeatures > 0 ? 1 / Math.Sqrt(linear.InFeatures) : 0;
                    Init.Uniform_(bias, -bound, bound, generator);
                }
                break;
            case DtProjection dt: dt.ResetParameters(generator); break;
            case CausalConv1d conv: conv.ResetParameters(generator); break;
            case MambaMixer mixer: mixer.ResetStateSpaceParameters(); break;
            case RMSNorm { Weight: { } w } when !ParameterFlags.IsNoReinit(w): Init.Ones_(w); break;
            case QuantumLayer quantum when !ParameterFlags.IsNoReinit(quantum.Weight): quantum.ResetParameters(generator); break;
        }
    }

    /// <summary>
    /// The official MambaLMHeadModel <c>_init_weights</c> (rescale_prenorm_residual on, one residual per layer):
    /// Linear biases → 0 unless no-reinit; every out_proj weight (the Linear feeding the residual stream, also the
    /// classical half of a quantum out_proj) → kaiming_uniform(a = √5) / √n_layer, so the residual sum's variance
    /// does not grow with depth.
    /// </summary>
    public static void InitWeights(Module root, int layerCount, Generator? generator = null)
    {
        foreach (var (name, module) in root.NamedModules())
        {
            if (module is Linear { Bias: { } bias } && !ParameterFlags.IsNoReinit(bias)) Init.Zeros_(bias);
            if (module is not MambaMixer mixer) continue;
            var residualOut = mixer.OutProj switch
            {
                Linear l => l.Weight,
                QuantumProjection q => q.Linear.Weight,
                _ => null,
            };
            if (residualOut is null || ParameterFlags.IsNoReinit(residualOut)) continue;
            Init.KaimingUniform_(residualOut, a: Math.Sqrt(5), generator: generator);
            using (Torch.NoGrad()) residualOut.Mul_(1 / Math.Sqrt(layerCount));
        }
    }
}
