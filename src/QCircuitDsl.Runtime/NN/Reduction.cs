namespace QCircuitDsl.Runtime.NN;

/// <summary>How a loss reduces per-element losses (PyTorch's reduction='none' | 'mean' | 'sum').</summary>
public enum Reduction
{
    Mean,
    Sum,
    None,
}
