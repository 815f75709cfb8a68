namespace QCircuitDsl.Quantum;

/// <summary>
/// A fully resolved circuit: qubit count, parameter arrays, optional amplitude input, a flat gate table
/// on absolute qubits and the readout terms. Immutable once built; the engine
/// (<see cref="QuantumCircuit"/>) precomputes its per-op data from it.
/// </summary>
public sealed class CircuitProgram
{
    /// <summary>Creates a program directly (the builder uses this too) and validates everything.</summary>
    public CircuitProgram(
        string name,
        int qubitCount,
        IReadOnlyList<ParameterArrayInfo> parameterArrays,
        AmplitudeInputInfo? input,
        IReadOnlyList<GateOp> gates,
        IReadOnlyList<ReadoutTerm> readouts)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameterArrays);
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(readouts);
        if (qubitCount < 1 || qubitCount > GateInfo.MaxQubits)
            throw new ArgumentOutOfRangeException(nameof(qubitCount), qubitCount, $"circuit '{name}' has {qubitCount} qubits; expected 1 to {GateInfo.MaxQubits}.");

        int offset = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var array in parameterArrays)
        {
            ArgumentNullException.ThrowIfNull(array, nameof(parameterArrays));
            if (!names.Add(array.Name))
                throw new ArgumentException($"circuit '{name}' declares parameter array '{array.Name}' twice.", nameof(parameterArrays));
            if (array.Offset != offset)
                throw new ArgumentException($"parameter array '{array.Name}' of circuit '{name}' has offset {array.Offset}; expected {offset} (arrays are laid out in declaration order).", nameof(parameterArrays));
            offset = checked(offset + array.Size);
        }

        int dimension = 1 << qubitCount;
        if (input is not null && (input.Length < 1 || input.Length > dimension))
            throw new ArgumentException($"amplitude input '{input.Name}' of circuit '{name}' has length {input.Length}; expected 1 to 2^{qubitCount} = {dimension}.", nameof(input));

        for (int g = 0; g < gates.Count; g++)
        {
            var op = gates[g] ?? throw new ArgumentNullException(nameof(gates), $"gate {g} is null.");
            string where = string.IsNullOrEmpty(op.Source) ? $"gate {g}" : $"{op.Source}: gate {g}";
            foreach (int q in op.Controls.Concat(op.Targets))
                if (q >= qubitCount)
                    throw new ArgumentOutOfRangeException(nameof(gates), q, $"{where} ({op}) uses qubit {q}; circuit '{name}' has {qubitCount} qubits.");
            foreach (var angle in op.Angles)
                if (angle.MaxIndex >= offset)
                    throw new ArgumentOutOfRangeException(nameof(gates), angle.MaxIndex, $"{where} ({op}) uses parameter {angle.MaxIndex}; circuit '{name}' has {offset} parameters.");
        }

        int readoutLength = 0;
        var resolvedReadouts = new ReadoutTerm[readouts.Count];
        for (int r = 0; r < readouts.Count; r++)
        {
            var term = readouts[r];
            ArgumentNullException.ThrowIfNull(term, nameof(readouts));
            if (term.Kind == ReadoutKind.State && term.Qubits.Length == 0)
            {
                if (qubitCount > GateInfo.MaxQubits - 1)
                    throw new ArgumentException($"the state readout of circuit '{name}' ({qubitCount} qubits) is too large; expected at most {GateInfo.MaxQubits - 1} qubits.", nameof(readouts));
                term = new ReadoutTerm(ReadoutKind.State, "", Enumerable.Range(0, qubitCount).ToArray());
            }
            resolvedReadouts[r] = term;
            foreach (int q in term.Qubits)
                if (q >= qubitCount)
                    throw new ArgumentOutOfRangeException(nameof(readouts), q, $"readout {term} uses qubit {q}; circuit '{name}' has {qubitCount} qubits.");
            if (term.Kind == ReadoutKind.State && term.Qubits.Length != qubitCount)
                throw new ArgumentException($"the state readout of circuit '{name}' must list all {qubitCount} qubits.", nameof(readouts));
            readoutLength = checked(readoutLength + term.Length);
        }

        Name = name;
        QubitCount = qubitCount;
        Dimension = dimension;
        ParameterArrays = parameterArrays.ToArray();
        ParameterCount = offset;
        Input = input;
        Gates = gates.ToArray();
        Readouts = resolvedReadouts;
        ReadoutLength = readoutLength;
    }

    public string Name { get; }
    public int QubitCount { get; }
    /// <summary>2^QubitCount.</summary>
    public int Dimension { get; }
    public IReadOnlyList<ParameterArrayInfo> ParameterArrays { get; }
    /// <summary>Length of the flat parameter vector.</summary>
    public int ParameterCount { get; }
    /// <summary>The amplitude-encoded input, or null when the circuit starts from |0…0⟩.</summary>
    public AmplitudeInputInfo? Input { get; }
    public IReadOnlyList<GateOp> Gates { get; }
    public IReadOnlyList<ReadoutTerm> Readouts { get; }
    /// <summary>Values per sample produced by <see cref="QuantumCircuit.Readout{T}"/>.</summary>
    public int ReadoutLength { get; }

    public override string ToString() =>
        $"circuit {Name}: {QubitCount} qubits, {ParameterCount} parameters, {Gates.Count} gates, {ReadoutLength} readout values";
}
