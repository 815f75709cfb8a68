using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// Runs the program's classical part at import time: declares registers and inputs, unrolls
/// <c>for</c> loops, broadcasts register operands, inlines gate definitions (applying their
/// modifiers to every gate of the body), and collects the resulting flat .qc gates.
/// </summary>
internal sealed partial class QasmFlattener
{
    /// <summary>A guard against loops that would unroll into an unusable .qc file.</summary>
    public const int MaxGates = 1_000_000;

    private static readonly IReadOnlyDictionary<string, QasmGateDefinition> PreludeGates =
        QasmParser.Parse(QasmStandardGates.Prelude).Statements.OfType<QasmGateDefinition>().ToDictionary(g => g.Name, StringComparer.Ordinal);

    private readonly QasmScope _global = new();
    private readonly Dictionary<string, QasmGateDefinition> _gates = new(StringComparer.Ordinal);
    private readonly List<QasmRegister> _registers = new();
    private readonly List<QasmInput> _inputs = new();
    private readonly List<QasmFlatGate> _output = new();
    private readonly List<string> _notes = new();
    private int _qubits;
    private int _slots;

    public static QasmFlatProgram Flatten(QasmProgram program)
    {
        var f = new QasmFlattener();
        foreach (var s in program.Statements)
        {
            f.ExecuteGlobal(s);
        }

        if (f._registers.Count == 0)
        {
            throw new QasmImportException(1, 1, "the program declares no qubits ('qubit[n] q;')");
        }

        return new QasmFlatProgram(f._registers, f._inputs, f._output, f._notes);
    }

    private void ExecuteGlobal(QasmStatement s)
    {
        switch (s)
        {
            case QasmQubitDeclaration q:
                DeclareRegister(q);
                break;
            case QasmInputDeclaration i:
                DeclareInput(i);
                break;
            case QasmConstDeclaration c:
                DeclareConstant(c);
                break;
            case QasmGateDefinition g:
                // Redefining cx or rz would silently change what every later call means.
                if (_gates.ContainsKey(g.Name) || QasmStandardGates.TryGetNative(g.Name, out _, out _) || g.Name == "gphase")
                {
                    throw QasmEvaluator.Error(g, $"gate '{g.Name}' is already defined");
                }

                _gates[g.Name] = g;
                break;
            default:
                foreach (var gate in Execute(s, _global, insideGate: false))
                {
                    Emit(gate);
                }

                break;
        }
    }

    private void DeclareRegister(QasmQubitDeclaration q)
    {
        long size = q.Size is null ? 1 : QasmEvaluator.Integer(q.Size, _global, "a register size");
        if (size < 1 || size > 64)
        {
            throw QasmEvaluator.Error(q, $"register '{q.Name}' has size {size}; expected 1 to 64");
        }

        _global.Declare(q.Name, new QasmRegisterBinding(q.Name, _qubits, (int)size), q);
        _registers.Add(new QasmRegister(q.Name, (int)size));
        _qubits += (int)size;
    }

    private void DeclareInput(QasmInputDeclaration i)
    {
        if (i.ArraySize is null)
        {
            _global.Declare(i.Name, new QasmValueBinding(QasmValue.Of(AffineExpression.FromParameter(_slots))), i);
            _inputs.Add(new QasmInput(i.Name, _slots, 1, IsArray: false));
            _slots++;
            return;
        }

        long size = QasmEvaluator.Integer(i.ArraySize, _global, "an input array size");
        if (size < 1)
        {
            throw QasmEvaluator.Error(i, $"input array '{i.Name}' has size {size}; expected at least 1");
        }

        _global.Declare(i.Name, new QasmInputArrayBinding(_slots, (int)size), i);
        _inputs.Add(new QasmInput(i.Name, _slots, (int)size, IsArray: true));
        _slots += (int)size;
    }

    private void DeclareConstant(QasmConstDeclaration c)
    {
        var value = QasmEvaluator.Evaluate(c.Value, _global);
        if (!value.IsConstant)
        {
            throw QasmEvaluator.Error(c, $"constant '{c.Name}' depends on input parameters");
        }

        if (c.IsInteger && !value.IsInteger)
        {
            throw QasmEvaluator.Error(c, $"constant '{c.Name}' is declared int but its value is real");
        }

        _global.Declare(c.Name, new QasmValueBinding(c.IsInteger ? value : QasmValue.Of(value.Real)), c);
    }

    /// <summary>Resolves global phases and checks the size guard, then keeps the gate.</summary>
    private void Emit(QasmFlatGate gate)
    {
        if (gate.Name == "gphase")
        {
            if (gate.Controls == 0)
            {
                Note(gate.Line, "global phase dropped (it does not change any readout)");
                return;
            }

            // ctrl(k) @ gphase(a) is the phase e^{ia} when all k controls are 1: ctrl(k-1) @ p(a) on the last one.
            gate = gate with { Name = "p", Controls = gate.Controls - 1 };
        }

        if (_output.Count >= MaxGates)
        {
            throw new QasmImportException(gate.Line, 1, $"the program unrolls into more than {MaxGates} gates");
        }

        _output.Add(gate);
    }

    private void Note(int line, string text)
    {
        var note = $"line {line}: {text}";
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }
}
