using QCircuitDsl.Quantum.Engine;
using QCircuitDsl.Quantum.Engine.Fast;

namespace QCircuitDsl.Quantum.Kernels;

/// <summary>
/// For generated code: where a one-target gate acts (target and control qubits at a fixed qubit count), with the
/// vector-lane data the kernels need precomputed once. Generated kernels hold one static instance per distinct site.
/// </summary>
public sealed class GateSite
{
    public GateSite(int qubitCount, int target, params int[] controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        if (qubitCount < 1 || qubitCount > 30)
            throw new ArgumentOutOfRangeException(nameof(qubitCount), qubitCount, $"qubitCount is {qubitCount}; expected 1 to 30.");
        Check(target, qubitCount, nameof(target));
        int controlMask = 0;
        foreach (int c in controls)
        {
            Check(c, qubitCount, nameof(controls));
            if (c == target) throw new ArgumentException($"control qubit {c} is also the target; expected distinct qubits.", nameof(controls));
            controlMask |= CompiledOp.Mask(c, qubitCount);
        }
        QubitCount = qubitCount;
        Target = target;
        Lanes = new Lanes(CompiledOp.Mask(target, qubitCount), controlMask);
    }

    public int QubitCount { get; }
    public int Target { get; }
    internal Lanes Lanes { get; }

    private static void Check(int qubit, int qubitCount, string name)
    {
        if (qubit < 0 || qubit >= qubitCount)
            throw new ArgumentOutOfRangeException(name, qubit, $"qubit {qubit} is out of range; expected 0 to {qubitCount - 1}.");
    }
}
