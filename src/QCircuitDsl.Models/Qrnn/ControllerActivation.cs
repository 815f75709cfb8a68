namespace QCircuitDsl.Models.Qrnn;

/// <summary>The QRNN controller's nonlinearity φ (Xu 2025). <see cref="None"/> is the paper's "Linear" ablation.</summary>
public enum ControllerActivation
{
    None,
    Relu,
    LeakyRelu,
    Gelu,
    /// <summary>Gated linear unit: the first layer is twice as wide, and a·σ(b) halves it.</summary>
    Glu,
}
