using System.Numerics;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// Per-op data precomputed once when a <see cref="QuantumCircuit"/> is constructed: bit masks on the state
/// index and, for ops whose angles are all constant, the matrix and its inverse (so fixed gates cost no
/// trigonometry per sample).
/// </summary>
internal sealed class CompiledOp
{
    public CompiledOp(GateOp op, int qubitCount)
    {
        Kind = op.Kind;
        Size = GateMatrices.Size(op.Kind);
        Adjoint = op.Adjoint;
        Angles = (ParamExpr[])op.Angles.Clone();
        foreach (int c in op.Controls) ControlMask |= Mask(c, qubitCount);
        TargetA = Mask(op.Targets[0], qubitCount);
        TargetB = op.Targets.Length > 1 ? Mask(op.Targets[1], qubitCount) : 0;
        IsConstant = Angles.All(a => a.IsConstant);
        HasParameters = !IsConstant;
        if (IsConstant)
        {
            Span<double> angles = stackalloc double[3];
            for (int a = 0; a < Angles.Length; a++) angles[a] = Angles[a].Constant;
            ConstMatrix = new Complex[Size * Size];
            ConstInverse = new Complex[Size * Size];
            GateMatrices.Build(Kind, angles, Adjoint, ConstMatrix);
            GateMatrices.Build(Kind, angles, !Adjoint, ConstInverse);
        }
    }

    public static int Mask(int qubit, int qubitCount) => 1 << (qubitCount - 1 - qubit);

    public GateKind Kind { get; }
    /// <summary>Matrix dimension: 2 or 4.</summary>
    public int Size { get; }
    public bool Adjoint { get; }
    public ParamExpr[] Angles { get; }
    public int ControlMask { get; }
    /// <summary>Mask of the first target (the more significant local bit of a 4×4 matrix).</summary>
    public int TargetA { get; }
    /// <summary>Mask of the second target, 0 for one-target kinds.</summary>
    public int TargetB { get; }
    public bool IsConstant { get; }
    public bool HasParameters { get; }
    public Complex[]? ConstMatrix { get; }
    public Complex[]? ConstInverse { get; }

    /// <summary>Evaluates the angles for one sample's parameter row (in double).</summary>
    public void EvaluateAngles(ReadOnlySpan<double> p, Span<double> angles)
    {
        for (int a = 0; a < Angles.Length; a++) angles[a] = Angles[a].Evaluate(p);
    }

    /// <summary>Writes U (or U† when <paramref name="inverse"/>) of this op for one sample.</summary>
    public void Matrix(ReadOnlySpan<double> p, bool inverse, Span<Complex> m)
    {
        if (IsConstant)
        {
            (inverse ? ConstInverse! : ConstMatrix!).CopyTo(m);
            return;
        }
        Span<double> angles = stackalloc double[3];
        EvaluateAngles(p, angles);
        GateMatrices.Build(Kind, angles, Adjoint ^ inverse, m);
    }

    /// <summary>Applies the given matrix (built by <see cref="Matrix"/>) to one sample.</summary>
    public void Apply<T>(Span<T> re, Span<T> im, ReadOnlySpan<Complex> m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> mr = stackalloc T[16];
        Span<T> mi = stackalloc T[16];
        int n = Size * Size;
        GateKernels.ToSplit(m[..n], mr, mi);
        if (Size == 2) GateKernels.Apply1(re, im, TargetA, ControlMask, mr[..n], mi[..n]);
        else GateKernels.Apply2(re, im, TargetA, TargetB, ControlMask, mr[..n], mi[..n]);
    }

    /// <summary>Re⟨g| M |ψ⟩ with M restricted to the controlled subspace.</summary>
    public double Inner<T>(ReadOnlySpan<T> gre, ReadOnlySpan<T> gim, ReadOnlySpan<T> pre, ReadOnlySpan<T> pim, ReadOnlySpan<Complex> m)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Size == 2
            ? GateKernels.Inner1(gre, gim, pre, pim, TargetA, ControlMask, m)
            : GateKernels.Inner2(gre, gim, pre, pim, TargetA, TargetB, ControlMask, m);
}

/// <summary>Per-readout-term data precomputed at construction (Pauli masks, probability masks, output offset).</summary>
internal sealed class CompiledReadout
{
    public CompiledReadout(ReadoutTerm term, int offset, int qubitCount)
    {
        Kind = term.Kind;
        Offset = offset;
        Length = term.Length;
        switch (term.Kind)
        {
            case ReadoutKind.ExpvalEach:
                // Qubit-major, axis-minor: value index = k·|axes| + a.
                Paulis = new PauliMasks[term.Qubits.Length * term.Axes.Length];
                for (int k = 0; k < term.Qubits.Length; k++)
                    for (int a = 0; a < term.Axes.Length; a++)
                        Paulis[k * term.Axes.Length + a] = PauliMasks.From(term.Axes.AsSpan(a, 1), term.Qubits.AsSpan(k, 1), qubitCount);
                break;
            case ReadoutKind.PauliString:
                Paulis = [PauliMasks.From(term.Axes, term.Qubits, qubitCount)];
                break;
            case ReadoutKind.Probabilities:
                ProbabilityMasks = term.Qubits.Select(q => CompiledOp.Mask(q, qubitCount)).ToArray();
                break;
        }
    }

    public ReadoutKind Kind { get; }
    public int Offset { get; }
    public int Length { get; }
    public PauliMasks[] Paulis { get; } = [];
    public int[] ProbabilityMasks { get; } = [];
}
