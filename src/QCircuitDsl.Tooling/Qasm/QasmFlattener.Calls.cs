using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>Statements inside the program or a gate body: loops, barriers and gate calls.</summary>
internal sealed partial class QasmFlattener
{
    private const int MaxInlineDepth = 64;

    private IEnumerable<QasmFlatGate> Execute(QasmStatement s, QasmScope scope, bool insideGate, int depth = 0)
    {
        switch (s)
        {
            case QasmBarrier b:
                Note(b.Line, "barrier skipped (it does not change the state)");
                return Array.Empty<QasmFlatGate>();
            case QasmFor f:
                return ExecuteFor(f, scope, insideGate, depth);
            case QasmGateCall call:
                return ExecuteCall(call, scope, insideGate, depth);
            default:
                throw QasmEvaluator.Error(s, "this declaration is only allowed at the top level of the program");
        }
    }

    private List<QasmFlatGate> ExecuteFor(QasmFor f, QasmScope scope, bool insideGate, int depth)
    {
        var values = new List<long>();
        if (f.Set != null)
        {
            values.AddRange(f.Set.Select(e => QasmEvaluator.Integer(e, scope, "a loop value")));
        }
        else
        {
            long start = QasmEvaluator.Integer(f.Range!.Start, scope, "the loop start");
            long step = f.Range.Step is null ? 1 : QasmEvaluator.Integer(f.Range.Step, scope, "the loop step");
            long end = QasmEvaluator.Integer(f.Range.End, scope, "the loop end");
            if (step == 0)
            {
                throw QasmEvaluator.Error(f, "the loop step is zero");
            }

            // Inclusive bounds, as in OpenQASM 3 and .qc.
            for (long v = start; step > 0 ? v <= end : v >= end; v += step)
            {
                values.Add(v);
                if (values.Count > MaxGates)
                {
                    throw QasmEvaluator.Error(f, $"the loop runs more than {MaxGates} times");
                }
            }
        }

        var gates = new List<QasmFlatGate>();
        foreach (var v in values)
        {
            var body = new QasmScope(scope);
            body.Declare(f.Variable, new QasmValueBinding(QasmValue.Of(v)), f);
            foreach (var s in f.Body)
            {
                foreach (var g in Execute(s, body, insideGate, depth))
                {
                    if (insideGate)
                    {
                        gates.Add(g);
                    }
                    else
                    {
                        Emit(g);
                    }
                }
            }
        }

        return gates;
    }

    private List<QasmFlatGate> ExecuteCall(QasmGateCall call, QasmScope scope, bool insideGate, int depth)
    {
        int controls = 0;
        bool inverse = false;
        long repeat = 1;
        foreach (var m in call.Modifiers)
        {
            switch (m.Kind)
            {
                case "ctrl":
                    long k = m.Argument is null ? 1 : QasmEvaluator.Integer(m.Argument, scope, "the control count");
                    if (k < 1)
                    {
                        throw QasmEvaluator.Error(m, $"ctrl({k}) @: the control count must be at least 1");
                    }

                    controls += (int)k;
                    break;
                case "inv":
                    inverse = !inverse;
                    break;
                default:
                    // pow(k) @ with an integer k is k copies (the inverse for k < 0); fractional powers have no .qc form.
                    long p = QasmEvaluator.Integer(m.Argument!, scope, "the exponent of 'pow(k) @'");
                    repeat *= Math.Abs(p);
                    inverse ^= p < 0;
                    break;
            }
        }

        var angles = call.Arguments.Select(a => QasmEvaluator.Evaluate(a, scope).Real).ToArray();
        var operands = call.Operands.Select(o => ResolveOperand(o, scope, insideGate)).ToArray();
        var gates = new List<QasmFlatGate>();
        foreach (var qubits in Broadcast(call, operands))
        {
            for (long r = 0; r < repeat; r++)
            {
                gates.AddRange(Apply(call, call.Name, angles, qubits, controls, inverse, depth));
            }
        }

        return gates;
    }

    /// <summary>The gates of one application of <paramref name="name"/> to single qubits (controls first).</summary>
    private List<QasmFlatGate> Apply(QasmGateCall call, string name, AffineExpression[] angles, int[] qubits, int controls, bool inverse, int depth)
    {
        if (qubits.Distinct().Count() != qubits.Length)
        {
            throw QasmEvaluator.Error(call, $"'{name}' uses the same qubit twice");
        }

        if (name == "gphase")
        {
            CheckArity(call, name, angles.Length, 1, qubits.Length, controls);
            return new List<QasmFlatGate> { new("gphase", controls, inverse, angles, qubits, call.Line) };
        }

        if (_gates.TryGetValue(name, out var definition) || PreludeGates.TryGetValue(name, out definition))
        {
            return Inline(call, definition, angles, qubits, controls, inverse, depth);
        }

        if (!QasmStandardGates.TryGetNative(name, out var qcName, out var native))
        {
            throw QasmEvaluator.Error(call, $"unknown gate '{name}' (not in stdgates.inc and not defined by a 'gate' definition before its use)");
        }

        CheckArity(call, name, angles.Length, native.Angles, qubits.Length, controls + native.Qubits);
        return new List<QasmFlatGate> { new(qcName, controls, inverse, angles, qubits, call.Line) };
    }

    private List<QasmFlatGate> Inline(QasmGateCall call, QasmGateDefinition definition, AffineExpression[] angles, int[] qubits, int controls, bool inverse, int depth)
    {
        CheckArity(call, definition.Name, angles.Length, definition.Parameters.Count, qubits.Length, controls + definition.Qubits.Count);
        if (depth >= MaxInlineDepth)
        {
            throw QasmEvaluator.Error(call, $"gate '{definition.Name}' is nested more than {MaxInlineDepth} levels deep (recursive definition?)");
        }

        // Gate bodies see global constants and their own arguments, never registers.
        var scope = new QasmScope(_global);
        for (int i = 0; i < angles.Length; i++)
        {
            scope.Declare(definition.Parameters[i], new QasmValueBinding(QasmValue.Of(angles[i])), definition);
        }

        for (int i = 0; i < definition.Qubits.Count; i++)
        {
            scope.Declare(definition.Qubits[i], new QasmGateQubitBinding(qubits[controls + i]), definition);
        }

        var body = definition.Body.SelectMany(s => Execute(s, scope, insideGate: true, depth + 1)).ToList();

        // ctrl(k) @ G = each gate of G with k more controls; inv @ G = the gates reversed, each inverted.
        var prefix = qubits.Take(controls).ToArray();
        var result = body.Select(g => g with { Controls = g.Controls + controls, Inverse = g.Inverse ^ inverse, Qubits = prefix.Concat(g.Qubits).ToArray(), Line = call.Line }).ToList();
        if (inverse)
        {
            result.Reverse();
        }

        return result;
    }

    private static void CheckArity(QasmGateCall call, string name, int angles, int expectedAngles, int qubits, int expectedQubits)
    {
        if (angles != expectedAngles)
        {
            throw QasmEvaluator.Error(call, $"gate '{name}' takes {expectedAngles} parameter(s), found {angles}");
        }

        if (qubits != expectedQubits)
        {
            throw QasmEvaluator.Error(call, $"gate '{name}' (with its modifiers) acts on {expectedQubits} qubit(s), found {qubits}");
        }
    }

    private int[] ResolveOperand(QasmOperand o, QasmScope scope, bool insideGate)
    {
        var binding = scope.Lookup(o.Name);
        if (binding is QasmGateQubitBinding g)
        {
            if (o.Index != null || o.Slice != null)
            {
                throw QasmEvaluator.Error(o, $"gate argument '{o.Name}' is a single qubit and cannot be indexed");
            }

            return new[] { g.Qubit };
        }

        if (binding is not QasmRegisterBinding r)
        {
            throw QasmEvaluator.Error(o, binding is null ? $"unknown qubit '{o.Name}'" : $"'{o.Name}' is not a qubit");
        }

        if (insideGate)
        {
            throw QasmEvaluator.Error(o, $"a gate body can only use its own qubit arguments, not register '{o.Name}'");
        }

        if (o.Index != null)
        {
            return new[] { r.Offset + CheckIndex(o, r, QasmEvaluator.Integer(o.Index, scope, "a qubit index")) };
        }

        if (o.Slice is null)
        {
            return Enumerable.Range(r.Offset, r.Size).ToArray();
        }

        long start = QasmEvaluator.Integer(o.Slice.Start, scope, "a slice start");
        long step = o.Slice.Step is null ? 1 : QasmEvaluator.Integer(o.Slice.Step, scope, "a slice step");
        long end = QasmEvaluator.Integer(o.Slice.End, scope, "a slice end");
        if (step == 0)
        {
            throw QasmEvaluator.Error(o, "the slice step is zero");
        }

        var list = new List<int>();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step)
        {
            list.Add(r.Offset + CheckIndex(o, r, i));
        }

        return list.Count > 0 ? list.ToArray() : throw QasmEvaluator.Error(o, $"the slice of '{o.Name}' is empty");
    }

    private static int CheckIndex(QasmOperand o, QasmRegisterBinding r, long i) =>
        i >= 0 && i < r.Size ? (int)i : throw QasmEvaluator.Error(o, $"index {i} is outside register '{r.Name}' of {r.Size} qubit(s)");

    /// <summary>OpenQASM broadcasting: register operands of equal length are applied element by element; single qubits repeat.</summary>
    private static IEnumerable<int[]> Broadcast(QasmGateCall call, int[][] operands)
    {
        var lengths = operands.Where(o => o.Length > 1).Select(o => o.Length).Distinct().ToArray();
        if (lengths.Length > 1)
        {
            throw QasmEvaluator.Error(call, $"registers of different sizes ({string.Join(", ", lengths)}) cannot be broadcast together");
        }

        int count = lengths.Length == 0 ? 1 : lengths[0];
        for (int i = 0; i < count; i++)
        {
            yield return operands.Select(o => o.Length == 1 ? o[0] : o[i]).ToArray();
        }
    }
}
