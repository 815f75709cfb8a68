namespace QCircuitDsl.Quantum;

/// <summary>How a <see cref="QuantumCircuit"/> executes calls with <see cref="ParameterLayout.Shared"/> parameters.</summary>
public enum ExecutionStrategy
{
    /// <summary>Choose per call from qubit count, gate count and batch size (rule in <c>UnitaryExecutor.Prefer</c>).</summary>
    Auto,
    /// <summary>Apply the gates one by one to every sample (tiles of samples share each gate's matrix).</summary>
    PerSample,
    /// <summary>Build the 2^n×2^n unitary once per call and apply it to all samples as a complex matrix product.</summary>
    Unitary,
}
