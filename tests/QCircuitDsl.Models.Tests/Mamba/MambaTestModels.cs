using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

/// <summary>Small configurations shared by the Mamba tests.</summary>
internal static class MambaTestModels
{
    /// <summary>d_model 4 → d_inner 8, dt_rank 1, d_state 3: every tensor small enough for a full Jacobian check.</summary>
    public static MambaConfig Tiny => new(4) { DState = 3 };

    public static Tensor Input(int batch, int length, int features, DType dtype, long seed) =>
        Torch.Randn([batch, length, features], new Generator(seed), dtype);
}
