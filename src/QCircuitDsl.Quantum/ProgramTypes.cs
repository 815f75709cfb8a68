namespace QCircuitDsl.Quantum;

/// <summary>A contiguous block of the flat parameter vector (what a call passes for one parameter).</summary>
public readonly record struct ParameterSlice(int Offset, int Length);

/// <summary>One declared parameter array: its shape and where it starts in the flat vector (row-major).</summary>
public sealed record ParameterArrayInfo(string Name, IReadOnlyList<int> Shape, int Offset)
{
    /// <summary>Element count (product of the shape; 1 for a scalar with an empty shape).</summary>
    public int Size { get; } = ComputeSize(Shape);

    internal static int ComputeSize(IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long size = 1;
        foreach (int d in shape)
        {
            if (d < 1) throw new ArgumentException($"parameter array dimensions must be >= 1, got {d}.", nameof(shape));
            size *= d;
            if (size > int.MaxValue) throw new ArgumentException("parameter array has more than int.MaxValue elements.", nameof(shape));
        }
        return (int)size;
    }

    /// <summary>Structural equality (the shape is compared element-wise, not by reference).</summary>
    public bool Equals(ParameterArrayInfo? other) =>
        other is not null && Name == other.Name && Offset == other.Offset && Shape.SequenceEqual(other.Shape);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(Offset);
        foreach (int d in Shape) hash.Add(d);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"{Name}{string.Concat(Shape.Select(d => $"[{d}]"))} @ {Offset}";
}

/// <summary>An amplitude-encoded input of <see cref="Length"/> real values per sample.</summary>
public sealed record AmplitudeInputInfo(string Name, int Length);

/// <summary>One entry of the flat gate table.</summary>
public sealed class GateOp
{
    /// <summary>Creates and validates a gate op (counts, non-negative and distinct qubits, finite constants).</summary>
    public GateOp(GateKind kind, int[] controls, int[] targets, ParamExpr[] angles, bool adjoint = false, string source = "")
    {
        ArgumentNullException.ThrowIfNull(controls);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(angles);
        if (!GateInfo.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"unknown gate kind {(int)kind}; expected 0 (I) to 20 (RZZ).");
        string where = string.IsNullOrEmpty(source) ? "" : source + ": ";
        int expectedTargets = GateInfo.TargetCount(kind);
        if (targets.Length != expectedTargets)
            throw new ArgumentException($"{where}gate {GateInfo.Name(kind)} has {targets.Length} target(s); expected {expectedTargets}.", nameof(targets));
        int expectedAngles = GateInfo.AngleCount(kind);
        if (angles.Length != expectedAngles)
            throw new ArgumentException($"{where}gate {GateInfo.Name(kind)} has {angles.Length} angle(s); expected {expectedAngles}.", nameof(angles));
        var seen = new HashSet<int>();
        foreach (int q in controls.Concat(targets))
        {
            if (q < 0) throw new ArgumentOutOfRangeException(nameof(targets), q, $"{where}qubit {q} is negative.");
            if (!seen.Add(q)) throw new ArgumentException($"{where}the same qubit {q} appears twice in one gate.", nameof(targets));
        }
        foreach (var a in angles)
            if (!double.IsFinite(a.Constant) || a.Terms.Any(t => !double.IsFinite(t.Coefficient)))
                throw new ArgumentException($"{where}gate {GateInfo.Name(kind)} has a non-finite angle {a}.", nameof(angles));
        Kind = kind;
        Controls = (int[])controls.Clone();
        Targets = (int[])targets.Clone();
        Angles = (ParamExpr[])angles.Clone();
        Adjoint = adjoint;
        Source = source ?? "";
    }

    public GateKind Kind { get; }
    /// <summary>Absolute control qubits; the gate acts where all of them are 1. Do not mutate.</summary>
    public int[] Controls { get; }
    /// <summary>Absolute target qubits (targets[0] is the more significant qubit of a 2-qubit matrix). Do not mutate.</summary>
    public int[] Targets { get; }
    /// <summary>Angle expressions, in the kind's order (U3: θ, φ, λ; Rot: φ, θ, ω). Do not mutate.</summary>
    public ParamExpr[] Angles { get; }
    /// <summary>Apply U† instead of U.</summary>
    public bool Adjoint { get; }
    /// <summary>"file(line,col)" of the statement that produced the gate, or empty.</summary>
    public string Source { get; }

    public override string ToString()
    {
        string prefix = new('c', Controls.Length);
        string angles = Angles.Length == 0 ? "" : "(" + string.Join(", ", Angles) + ")";
        string qubits = string.Join(", ", Controls.Concat(Targets).Select(q => $"q{q}"));
        return $"{(Adjoint ? "inv @ " : "")}{prefix}{GateInfo.Name(Kind)}{angles} {qubits}";
    }
}

/// <summary>One readout term; a circuit's readout vector is its terms' values concatenated.</summary>
public sealed class ReadoutTerm
{
    /// <summary>
    /// Creates and validates a term. For <see cref="ReadoutKind.State"/> pass all qubits 0..n−1 in order, or none:
    /// a state term without qubits (Length 0 until then) is completed to all qubits by <see cref="CircuitProgram"/>.
    /// </summary>
    public ReadoutTerm(ReadoutKind kind, string axes, int[] qubits)
    {
        ArgumentNullException.ThrowIfNull(qubits);
        axes ??= "";
        if (qubits.Length == 0 && kind != ReadoutKind.State)
            throw new ArgumentException($"a {kind} readout needs at least one qubit.", nameof(qubits));
        var seen = new HashSet<int>();
        foreach (int q in qubits)
        {
            if (q < 0) throw new ArgumentOutOfRangeException(nameof(qubits), q, "qubit indices must be >= 0.");
            if (!seen.Add(q)) throw new ArgumentException($"qubit {q} is listed twice in one readout.", nameof(qubits));
        }
        axes = axes.ToLowerInvariant();
        switch (kind)
        {
            case ReadoutKind.ExpvalEach:
                if (axes.Length == 0 || axes.Any(c => c is not ('x' or 'y' or 'z')))
                    throw new ArgumentException($"expval axes '{axes}' must be a non-empty sequence of x, y, z.", nameof(axes));
                Length = checked(axes.Length * qubits.Length);
                break;
            case ReadoutKind.PauliString:
                if (axes.Length != qubits.Length || axes.Any(c => c is not ('x' or 'y' or 'z' or 'i')))
                    throw new ArgumentException($"Pauli string '{axes}' must have one of x, y, z, i per qubit ({qubits.Length} qubit(s)).", nameof(axes));
                Length = 1;
                break;
            case ReadoutKind.Probabilities:
                if (axes.Length != 0) throw new ArgumentException("a probabilities readout takes no axes.", nameof(axes));
                if (qubits.Length > GateInfo.MaxQubits) throw new ArgumentException($"a probabilities readout supports at most {GateInfo.MaxQubits} qubits.", nameof(qubits));
                Length = 1 << qubits.Length;
                break;
            case ReadoutKind.State:
                if (axes.Length != 0) throw new ArgumentException("a state readout takes no axes.", nameof(axes));
                if (qubits.Length > GateInfo.MaxQubits - 1) throw new ArgumentException($"a state readout supports at most {GateInfo.MaxQubits - 1} qubits.", nameof(qubits));
                for (int k = 0; k < qubits.Length; k++)
                    if (qubits[k] != k) throw new ArgumentException("a state readout must list all qubits 0..n-1 in order.", nameof(qubits));
                Length = qubits.Length == 0 ? 0 : 2 << qubits.Length;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown readout kind.");
        }
        Kind = kind;
        Axes = axes;
        Qubits = (int[])qubits.Clone();
    }

    public ReadoutKind Kind { get; }
    /// <summary>Lower-case axes ("xz" for ExpvalEach, one of xyzi per qubit for PauliString, empty otherwise).</summary>
    public string Axes { get; }
    /// <summary>Absolute qubits. Do not mutate.</summary>
    public int[] Qubits { get; }
    /// <summary>Number of values this term contributes per sample.</summary>
    public int Length { get; }

    public override string ToString() => Kind switch
    {
        ReadoutKind.ExpvalEach => $"expval[{Axes}]({string.Join(", ", Qubits.Select(q => $"q{q}"))})",
        ReadoutKind.PauliString => $"expval({string.Join(" ", Axes.Zip(Qubits, (a, q) => $"{char.ToUpperInvariant(a)}{q}"))})",
        ReadoutKind.Probabilities => $"probs({string.Join(", ", Qubits.Select(q => $"q{q}"))})",
        _ => "state",
    };
}
