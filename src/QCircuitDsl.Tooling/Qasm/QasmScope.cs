namespace QCircuitDsl.Tooling.Qasm;

/// <summary>What a name means while importing.</summary>
internal abstract record QasmBinding;

/// <summary>A constant, a loop variable, a gate parameter or a scalar input (an affine value of its parameter slot).</summary>
internal sealed record QasmValueBinding(QasmValue Value) : QasmBinding;

/// <summary><c>input array[float[64], N] name</c>: parameter slots First … First + Size − 1.</summary>
internal sealed record QasmInputArrayBinding(int First, int Size) : QasmBinding;

/// <summary>A qubit register: global qubits Offset … Offset + Size − 1.</summary>
internal sealed record QasmRegisterBinding(string Name, int Offset, int Size) : QasmBinding;

/// <summary>A qubit argument of a gate definition, bound to one global qubit for this call.</summary>
internal sealed record QasmGateQubitBinding(int Qubit) : QasmBinding;

/// <summary>Nested name scopes: global, gate body, loop body.</summary>
internal sealed class QasmScope
{
    private readonly Dictionary<string, QasmBinding> _names = new(StringComparer.Ordinal);
    private readonly QasmScope? _parent;

    public QasmScope(QasmScope? parent = null) => _parent = parent;

    public QasmBinding? Lookup(string name) =>
        _names.TryGetValue(name, out var b) ? b : _parent?.Lookup(name);

    public void Declare(string name, QasmBinding binding, QasmNode at)
    {
        if (!_names.TryAdd(name, binding))
        {
            throw new QasmImportException(at.Line, at.Column, $"'{name}' is already declared");
        }
    }
}
