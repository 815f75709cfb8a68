using System.Numerics;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>One pass over the state in the compiled plan.</summary>
internal abstract class PlanStep
{
    /// <summary>Bit mask of every qubit the step touches (targets and controls): merging stops at such a step.</summary>
    public abstract int QubitMask { get; }
}

/// <summary>
/// A one-target gate, or several consecutive ones on the same target with the same controls merged into one
/// 2×2 matrix (the ops between them touch neither the target nor the controls, so they commute past). The
/// product is formed per sample at run time (angles differ per sample); all-constant groups are built once.
/// </summary>
internal sealed class GateStep : PlanStep
{
    private readonly List<CompiledOp> _members = [];
    private Complex[]? _constant;

    public GateStep(CompiledOp op, FormKind form, bool phaseOnly)
    {
        _members.Add(op);
        Form = form;
        PhaseOnly = phaseOnly;
        Lanes = new Lanes(op.TargetA, op.ControlMask);
        QubitMask = op.TargetA | op.ControlMask;
    }

    public Lanes Lanes { get; }
    public FormKind Form { get; private set; }
    /// <summary>Diagonal with a 1 in the |0⟩ entry: only the target-set half is touched.</summary>
    public bool PhaseOnly { get; private set; }
    public override int QubitMask { get; }
    public IReadOnlyList<CompiledOp> Members => _members;
    /// <summary>The single op (backward steps are never merged).</summary>
    public CompiledOp Op => _members[0];

    public bool CanMerge(CompiledOp op) => op.TargetA == Lanes.Target && op.ControlMask == Lanes.Control;

    public void Merge(CompiledOp op, FormKind form, bool phaseOnly)
    {
        _members.Add(op);
        Form = Combine(Form, form);
        PhaseOnly &= phaseOnly;
    }

    /// <summary>Precomputes the product when every member is constant (called once the plan is complete).</summary>
    public void Freeze()
    {
        if (_members.All(m => m.IsConstant))
        {
            _constant = new Complex[4];
            Product(default, _constant);
        }
    }

    /// <summary>Writes the step's matrix M (or M† when <paramref name="inverse"/>) for one parameter row.</summary>
    public void Matrix(ReadOnlySpan<double> p, bool inverse, Span<Complex> m)
    {
        if (_constant is not null) _constant.CopyTo(m);
        else Product(p, m);
        if (inverse)
        {
            (m[1], m[2]) = (Complex.Conjugate(m[2]), Complex.Conjugate(m[1]));
            m[0] = Complex.Conjugate(m[0]);
            m[3] = Complex.Conjugate(m[3]);
        }
    }

    private void Product(ReadOnlySpan<double> p, Span<Complex> m)
    {
        _members[0].Matrix(p, inverse: false, m);
        if (_members.Count == 1) return;
        Span<Complex> next = stackalloc Complex[4];
        for (int k = 1; k < _members.Count; k++)
        {
            _members[k].Matrix(p, inverse: false, next);
            // Later gates multiply from the left: M ← U_k·M.
            Complex a = next[0] * m[0] + next[1] * m[2], b = next[0] * m[1] + next[1] * m[3];
            Complex c = next[2] * m[0] + next[3] * m[2], d = next[2] * m[1] + next[3] * m[3];
            m[0] = a; m[1] = b; m[2] = c; m[3] = d;
        }
    }

    /// <summary>Form of a product: closed within real, diagonal and a·1+ib·X matrices; otherwise general.</summary>
    private static FormKind Combine(FormKind a, FormKind b)
    {
        if (a == FormKind.Swap) a = FormKind.Real;
        if (b == FormKind.Swap) b = FormKind.Real;
        return a == b ? a : FormKind.General;
    }

    /// <summary>The form of one gate kind's matrix (and of its adjoint and angle derivatives times U†).</summary>
    public static (FormKind Form, bool PhaseOnly) Classify(GateKind kind) => kind switch
    {
        GateKind.X => (FormKind.Swap, false),
        GateKind.H or GateKind.RY => (FormKind.Real, false),
        GateKind.RX => (FormKind.PauliX, false),
        GateKind.RZ => (FormKind.Diagonal, false),
        GateKind.Z or GateKind.S or GateKind.Sdg or GateKind.T or GateKind.Tdg or GateKind.P => (FormKind.Diagonal, true),
        _ => (FormKind.General, false),
    };
}

/// <summary>Two-target gates (swap, iswap, rxx, ryy, rzz) keep the straightforward dense 4×4 kernels.</summary>
internal sealed class FallbackStep(CompiledOp op) : PlanStep
{
    public CompiledOp Op { get; } = op;
    public override int QubitMask { get; } = op.TargetA | op.TargetB | op.ControlMask;
}

/// <summary>
/// The compile-once plan of a program: forward steps (with runs of one-target gates merged) and backward
/// steps (one per op, so every angle's gradient sees its own state). Identity gates are dropped.
/// </summary>
internal sealed class ExecutionPlan
{
    public ExecutionPlan(IReadOnlyList<CompiledOp> ops)
    {
        var forward = new List<PlanStep>();
        var backward = new List<PlanStep>();
        foreach (var op in ops)
        {
            if (op.Kind == GateKind.I) continue;
            if (op.Size != 2)
            {
                forward.Add(new FallbackStep(op));
                backward.Add(new FallbackStep(op));
                continue;
            }
            var (form, phase) = GateStep.Classify(op.Kind);
            backward.Add(new GateStep(op, form, phase));
            int touched = op.TargetA | op.ControlMask;
            GateStep? group = null;
            for (int s = forward.Count - 1; s >= 0; s--)
            {
                if ((forward[s].QubitMask & touched) == 0) continue;
                if (forward[s] is GateStep g && g.CanMerge(op)) group = g;
                break;
            }
            if (group is not null) group.Merge(op, form, phase);
            else forward.Add(new GateStep(op, form, phase));
        }
        foreach (var s in forward.Concat(backward).OfType<GateStep>()) s.Freeze();
        Forward = forward.ToArray();
        Backward = backward.ToArray();
    }

    public PlanStep[] Forward { get; }
    public PlanStep[] Backward { get; }
}
