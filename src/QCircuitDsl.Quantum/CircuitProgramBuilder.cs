using System.Globalization;

namespace QCircuitDsl.Quantum;

/// <summary>
/// Builds a <see cref="CircuitProgram"/> from the calls emitted by the source generator. Generated code
/// calls <see cref="At"/> before each statement so that every error names the .qc source position,
/// then declares registers/parameters and emits gates on absolute qubits.
/// </summary>
/// <remarks>
/// A call of one circuit inside another runs the callee's generated code against the same builder
/// between <see cref="EnterCall(string, int[], IReadOnlyList{KeyValuePair{string, ParameterSlice}})"/>
/// and <see cref="ExitCall"/>. Inside such a frame, register declarations take the caller's qubits in
/// order, parameter declarations resolve to the caller's slices, and readouts are ignored (a called
/// circuit contributes gates only). Frames nest.
/// </remarks>
public sealed class CircuitProgramBuilder
{
    private sealed class Scope
    {
        public required string CircuitName;
        public required string SourceFile;
        public readonly Dictionary<string, int[]> Registers = new(StringComparer.Ordinal);
        public readonly Dictionary<int, (string Register, int Index)> QubitNames = new();
        public readonly Dictionary<string, (int[] Shape, int Offset, int Size)> Parameters = new(StringComparer.Ordinal);
        // Frame-only state.
        public int[]? PassedQubits;
        public int QubitCursor;
        public Dictionary<string, ParameterSlice>? Bindings;
        public int CallerLine, CallerColumn;
        public bool IsFrame => PassedQubits is not null;
    }

    private readonly Scope _top;
    private readonly Stack<Scope> _frames = new();
    private readonly List<ParameterArrayInfo> _parameterArrays = [];
    private readonly List<GateOp> _gates = [];
    private readonly List<(ReadoutKind Kind, string Axes, int[] Qubits, string Where)> _readouts = [];
    private int _qubitCount;
    private int _parameterCount;
    private AmplitudeInputInfo? _input;
    private string _inputWhere = "";
    private int _line = 1, _column = 1;

    public CircuitProgramBuilder(string circuitName, string sourceFile)
    {
        if (string.IsNullOrWhiteSpace(circuitName))
            throw new ArgumentException("a circuit name is required.", nameof(circuitName));
        _top = new Scope { CircuitName = circuitName, SourceFile = sourceFile ?? "" };
    }

    /// <summary>The top-level circuit's name.</summary>
    public string CircuitName => _top.CircuitName;

    /// <summary>Qubits declared so far at top level.</summary>
    public int QubitCount => _qubitCount;

    /// <summary>Length of the flat parameter vector so far.</summary>
    public int ParameterCount => _parameterCount;

    /// <summary>Current call depth (0 at top level).</summary>
    public int CallDepth => _frames.Count;

    private Scope Current => _frames.Count > 0 ? _frames.Peek() : _top;

    /// <summary>"file(line,col)" of the current position.</summary>
    public string Position => $"{Current.SourceFile}({_line.ToString(CultureInfo.InvariantCulture)},{_column.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>Sets the source position used by every error message (and gate source) after it.</summary>
    public void At(int line, int column)
    {
        _line = line;
        _column = column;
    }

    // ---- errors -------------------------------------------------------------------------------------

    private string Msg(string text) => $"{Position}: {text}";
    private string InCircuit => $"in circuit '{Current.CircuitName}'";
    private ArgumentException Arg(string param, string text) => new(Msg(text), param);
    private ArgumentOutOfRangeException Range(string param, object? value, string text) => new(param, value, Msg(text));
    private InvalidOperationException Invalid(string text) => new(Msg(text));

    private string QubitName(int qubit)
    {
        foreach (var scope in _frames.Append(_top))
            if (scope.QubitNames.TryGetValue(qubit, out var name))
                return $"{name.Register}[{name.Index}]";
        return $"qubit {qubit}";
    }

    // ---- declarations -------------------------------------------------------------------------------

    /// <summary>Declares a qubit register. Inside a call frame it takes the next <paramref name="size"/> passed qubits.</summary>
    public void DeclareQubits(string register, int size)
    {
        var scope = Current;
        if (string.IsNullOrWhiteSpace(register))
            throw Arg(nameof(register), $"a qubit register needs a name {InCircuit}.");
        if (size < 1)
            throw Arg(nameof(size), $"qubit register '{register}' has size {size} {InCircuit}; expected a size of at least 1.");
        if (scope.Registers.ContainsKey(register))
            throw Arg(nameof(register), $"qubit register '{register}' is declared twice {InCircuit}.");
        int[] qubits;
        if (scope.IsFrame)
        {
            int remaining = scope.PassedQubits!.Length - scope.QubitCursor;
            if (size > remaining)
                throw Arg(nameof(size), $"circuit '{scope.CircuitName}' declares qubit register '{register}' of size {size}, but the call passed {scope.PassedQubits.Length} qubit(s) and only {remaining} remain; expected the call to pass as many qubits as the circuit declares.");
            qubits = scope.PassedQubits.AsSpan(scope.QubitCursor, size).ToArray();
            scope.QubitCursor += size;
        }
        else
        {
            if ((long)_qubitCount + size > GateInfo.MaxQubits)
                throw Arg(nameof(size), $"qubit register '{register}' of size {size} brings circuit '{scope.CircuitName}' to {(long)_qubitCount + size} qubits; expected at most {GateInfo.MaxQubits}.");
            qubits = Enumerable.Range(_qubitCount, size).ToArray();
            _qubitCount += size;
        }
        scope.Registers.Add(register, qubits);
        for (int k = 0; k < qubits.Length; k++) scope.QubitNames[qubits[k]] = (register, k);
    }

    /// <summary>
    /// Declares a parameter array (an empty shape declares a scalar) and returns its flat offset. Inside a call
    /// frame the array is the caller's binding of the same name.
    /// </summary>
    public int DeclareParameters(string name, params int[] shape)
    {
        var scope = Current;
        shape ??= [];
        if (string.IsNullOrWhiteSpace(name))
            throw Arg(nameof(name), $"a parameter array needs a name {InCircuit}.");
        if (scope.Parameters.ContainsKey(name))
            throw Arg(nameof(name), $"parameter array '{name}' is declared twice {InCircuit}.");
        long size = 1;
        for (int d = 0; d < shape.Length; d++)
        {
            if (shape[d] < 1)
                throw Arg(nameof(shape), $"parameter array '{name}' has dimension {d} of size {shape[d]} {InCircuit}; expected every dimension to be at least 1.");
            size *= shape[d];
            if (size > int.MaxValue)
                throw Arg(nameof(shape), $"parameter array '{name}' is too large {InCircuit}; expected at most {int.MaxValue} elements.");
        }
        int offset;
        if (scope.IsFrame)
        {
            if (!scope.Bindings!.TryGetValue(name, out var slice))
                throw Arg(nameof(name), $"circuit '{scope.CircuitName}' declares parameter array '{name}' but the call does not bind it; expected a binding for every parameter array of the called circuit.");
            if (slice.Length != size)
                throw Arg(nameof(shape), $"circuit '{scope.CircuitName}' declares parameter array '{name}' with {size} element(s), but the call binds {slice.Length}; expected matching element counts.");
            offset = slice.Offset;
        }
        else
        {
            if (_parameterCount + size > int.MaxValue)
                throw Arg(nameof(shape), $"parameter array '{name}' is too large {InCircuit}.");
            offset = _parameterCount;
            _parameterArrays.Add(new ParameterArrayInfo(name, (int[])shape.Clone(), offset));
            _parameterCount += (int)size;
        }
        scope.Parameters.Add(name, ((int[])shape.Clone(), offset, (int)size));
        return offset;
    }

    /// <summary>Declares the amplitude-encoded input (top level only, at most once).</summary>
    public void DeclareAmplitudeInput(string name, int length)
    {
        if (Current.IsFrame)
            throw Invalid($"amplitude input '{name}' is declared {InCircuit}, which is called from another circuit; expected amplitude inputs only in the top-level circuit '{_top.CircuitName}'.");
        if (_input is not null)
            throw Invalid($"a second amplitude input '{name}' is declared {InCircuit}; expected at most one (already have '{_input.Name}').");
        if (string.IsNullOrWhiteSpace(name))
            throw Arg(nameof(name), $"an amplitude input needs a name {InCircuit}.");
        if (length < 1)
            throw Arg(nameof(length), $"amplitude input '{name}' has length {length} {InCircuit}; expected a length of at least 1.");
        _input = new AmplitudeInputInfo(name, length);
        _inputWhere = Position;
    }

    // ---- qubits -------------------------------------------------------------------------------------

    private int[] LookupRegister(string register)
    {
        if (register is null || !Current.Registers.TryGetValue(register, out var qubits))
            throw Arg(nameof(register), $"unknown qubit register '{register}' {InCircuit}; expected one of: {DescribeNames(Current.Registers.Keys)}.");
        return qubits;
    }

    private static string DescribeNames(IEnumerable<string> names)
    {
        var list = names.Select(n => $"'{n}'").ToList();
        return list.Count == 0 ? "(none declared)" : string.Join(", ", list);
    }

    /// <summary>The absolute qubit of <c>register[index]</c>.</summary>
    public int Qubit(string register, int index)
    {
        var qubits = LookupRegister(register);
        if (index < 0 || index >= qubits.Length)
            throw Range(nameof(index), index, $"qubit index {index} is out of range for register '{register}' of size {qubits.Length} {InCircuit}.");
        return qubits[index];
    }

    /// <summary>All absolute qubits of a register, in order.</summary>
    public int[] Register(string register) => (int[])LookupRegister(register).Clone();

    /// <summary>The absolute qubits of <c>register[first..last]</c> (inclusive).</summary>
    public int[] QubitRange(string register, int first, int last)
    {
        var qubits = LookupRegister(register);
        if (first < 0 || first >= qubits.Length)
            throw Range(nameof(first), first, $"qubit index {first} is out of range for register '{register}' of size {qubits.Length} {InCircuit}.");
        if (last < 0 || last >= qubits.Length)
            throw Range(nameof(last), last, $"qubit index {last} is out of range for register '{register}' of size {qubits.Length} {InCircuit}.");
        if (first > last)
            throw Arg(nameof(last), $"qubit range {register}[{first}..{last}] is empty {InCircuit}; expected first <= last.");
        return qubits.AsSpan(first, last - first + 1).ToArray();
    }

    // ---- parameters ---------------------------------------------------------------------------------

    private (int[] Shape, int Offset, int Size) LookupParameters(string name)
    {
        if (name is null || !Current.Parameters.TryGetValue(name, out var info))
            throw Arg(nameof(name), $"unknown parameter array '{name}' {InCircuit}; expected one of: {DescribeNames(Current.Parameters.Keys)}.");
        return info;
    }

    private static string ShapeText(int[] shape) => shape.Length == 0 ? "(scalar)" : string.Concat(shape.Select(d => $"[{d}]"));

    /// <summary>Row-major flat offset of a full or prefix index, validated against the shape.</summary>
    private int FlatOffset(string name, int[] shape, int baseOffset, int[] indices, out int stride)
    {
        int offset = 0;
        for (int d = 0; d < indices.Length; d++)
        {
            if (indices[d] < 0 || indices[d] >= shape[d])
                throw Range(nameof(indices), indices[d], $"index {indices[d]} of dimension {d} is out of range for parameter array '{name}'{ShapeText(shape)} {InCircuit}; expected 0 to {shape[d] - 1}.");
            offset = offset * shape[d] + indices[d];
        }
        stride = 1;
        for (int d = indices.Length; d < shape.Length; d++) stride *= shape[d];
        return baseOffset + offset * stride;
    }

    /// <summary>The element <c>name[i0][i1]…</c> as an angle expression; all dimensions must be indexed.</summary>
    public ParamExpr Parameter(string name, params int[] indices)
    {
        indices ??= [];
        var (shape, offset, _) = LookupParameters(name);
        if (indices.Length != shape.Length)
            throw Arg(nameof(indices), $"parameter array '{name}'{ShapeText(shape)} is indexed with {indices.Length} index(es) {InCircuit}; expected {shape.Length}.");
        return ParamExpr.Param(FlatOffset(name, shape, offset, indices, out _));
    }

    /// <summary>The contiguous block selected by a prefix of indices (an empty prefix selects the whole array).</summary>
    public ParameterSlice Slice(string name, params int[] prefix)
    {
        prefix ??= [];
        var (shape, offset, _) = LookupParameters(name);
        if (prefix.Length > shape.Length)
            throw Arg(nameof(prefix), $"parameter array '{name}'{ShapeText(shape)} is sliced with {prefix.Length} index(es) {InCircuit}; expected at most {shape.Length}.");
        int start = FlatOffset(name, shape, offset, prefix, out int stride);
        return new ParameterSlice(start, stride);
    }

    /// <summary>The block <c>name[prefix…][rangeFirst..rangeLast]</c> (inclusive range on the next dimension).</summary>
    public ParameterSlice Slice(string name, int[] prefix, int rangeFirst, int rangeLast)
    {
        prefix ??= [];
        var (shape, offset, _) = LookupParameters(name);
        if (prefix.Length >= shape.Length)
            throw Arg(nameof(prefix), $"parameter array '{name}'{ShapeText(shape)} is range-sliced after {prefix.Length} index(es) {InCircuit}; expected fewer than {shape.Length}.");
        int start = FlatOffset(name, shape, offset, prefix, out int stride);
        int dim = shape[prefix.Length];
        int inner = stride / dim;
        if (rangeFirst < 0 || rangeFirst >= dim)
            throw Range(nameof(rangeFirst), rangeFirst, $"range start {rangeFirst} is out of range for dimension {prefix.Length} of parameter array '{name}'{ShapeText(shape)} {InCircuit}; expected 0 to {dim - 1}.");
        if (rangeLast < 0 || rangeLast >= dim)
            throw Range(nameof(rangeLast), rangeLast, $"range end {rangeLast} is out of range for dimension {prefix.Length} of parameter array '{name}'{ShapeText(shape)} {InCircuit}; expected 0 to {dim - 1}.");
        if (rangeFirst > rangeLast)
            throw Arg(nameof(rangeLast), $"parameter range {name}[{rangeFirst}..{rangeLast}] is empty {InCircuit}; expected first <= last.");
        return new ParameterSlice(start + rangeFirst * inner, (rangeLast - rangeFirst + 1) * inner);
    }

    // ---- gates --------------------------------------------------------------------------------------

    private void CheckQubitInScope(int qubit, string param)
    {
        var scope = Current;
        bool ok = scope.IsFrame ? scope.QubitNames.ContainsKey(qubit) : qubit >= 0 && qubit < _qubitCount;
        if (!ok)
            throw Range(param, qubit, $"qubit {qubit} is not a declared qubit {InCircuit}; expected a qubit obtained from one of its registers.");
    }

    /// <summary>Appends a gate on absolute qubits (obtained from <see cref="Qubit"/>, <see cref="Register"/>, …).</summary>
    public void Gate(GateKind kind, ReadOnlySpan<int> controls, ReadOnlySpan<int> targets, ReadOnlySpan<ParamExpr> angles, bool adjoint = false)
    {
        if (!GateInfo.IsDefined(kind))
            throw Range(nameof(kind), kind, $"unknown gate kind {(int)kind} {InCircuit}; expected 0 (I) to 20 (RZZ).");
        string gate = GateInfo.Name(kind);
        int expectedTargets = GateInfo.TargetCount(kind);
        if (targets.Length != expectedTargets)
            throw Arg(nameof(targets), $"gate '{gate}' is applied to {targets.Length} target qubit(s) {InCircuit}; expected {expectedTargets}.");
        int expectedAngles = GateInfo.AngleCount(kind);
        if (angles.Length != expectedAngles)
            throw Arg(nameof(angles), $"gate '{gate}' is given {angles.Length} angle(s) {InCircuit}; expected {expectedAngles}.");
        foreach (int q in controls) CheckQubitInScope(q, nameof(controls));
        foreach (int q in targets) CheckQubitInScope(q, nameof(targets));
        var all = new int[controls.Length + targets.Length];
        controls.CopyTo(all);
        targets.CopyTo(all.AsSpan(controls.Length));
        for (int a = 0; a < all.Length; a++)
            for (int b = a + 1; b < all.Length; b++)
                if (all[a] == all[b])
                    throw Arg(nameof(targets), $"the same qubit {QubitName(all[a])} appears twice in one gate '{gate}' {InCircuit}; expected distinct control and target qubits.");
        foreach (var angle in angles)
        {
            if (!double.IsFinite(angle.Constant) || angle.Terms.Any(t => !double.IsFinite(t.Coefficient)))
                throw Arg(nameof(angles), $"gate '{gate}' has a non-finite angle {angle} {InCircuit}; expected finite angles.");
            if (angle.MaxIndex >= _parameterCount)
                throw Range(nameof(angles), angle.MaxIndex, $"gate '{gate}' uses parameter {angle.MaxIndex} {InCircuit}, but only {_parameterCount} parameter(s) are declared.");
        }
        _gates.Add(new GateOp(kind, controls.ToArray(), targets.ToArray(), angles.ToArray(), adjoint, Position));
    }

    // ---- readouts -----------------------------------------------------------------------------------

    private int[] CheckReadoutQubits(ReadOnlySpan<int> qubits, string what)
    {
        if (qubits.Length == 0)
            throw Arg(nameof(qubits), $"{what} readout lists no qubits {InCircuit}; expected at least one.");
        foreach (int q in qubits) CheckQubitInScope(q, nameof(qubits));
        var array = qubits.ToArray();
        for (int a = 0; a < array.Length; a++)
            for (int b = a + 1; b < array.Length; b++)
                if (array[a] == array[b])
                    throw Arg(nameof(qubits), $"the same qubit {QubitName(array[a])} appears twice in one {what} readout {InCircuit}; expected distinct qubits.");
        return array;
    }

    private void AddReadout(ReadoutKind kind, string axes, int[] qubits)
    {
        // A called circuit contributes gates only: its readouts are validated but dropped.
        if (Current.IsFrame) return;
        _readouts.Add((kind, axes, qubits, Position));
    }

    /// <summary>One expectation per (qubit, axis): values are qubit-major, axis-minor.</summary>
    public void ReadoutExpvalEach(string axes, ReadOnlySpan<int> qubits)
    {
        string a = (axes ?? "").ToLowerInvariant();
        if (a.Length == 0 || a.Any(c => c is not ('x' or 'y' or 'z')))
            throw Arg(nameof(axes), $"expval axes '{axes}' are invalid {InCircuit}; expected a non-empty sequence of x, y, z.");
        AddReadout(ReadoutKind.ExpvalEach, a, CheckReadoutQubits(qubits, "expval"));
    }

    /// <summary>One Pauli-string expectation: axes[k] ∈ {x,y,z,i} acts on qubits[k].</summary>
    public void ReadoutPauli(string axes, ReadOnlySpan<int> qubits)
    {
        string a = (axes ?? "").ToLowerInvariant();
        if (a.Length != qubits.Length)
            throw Arg(nameof(axes), $"Pauli string '{axes}' has {a.Length} factor(s) for {qubits.Length} qubit(s) {InCircuit}; expected one factor per qubit.");
        if (a.Any(c => c is not ('x' or 'y' or 'z' or 'i')))
            throw Arg(nameof(axes), $"Pauli string '{axes}' is invalid {InCircuit}; expected only the factors x, y, z, i.");
        AddReadout(ReadoutKind.PauliString, a, CheckReadoutQubits(qubits, "Pauli"));
    }

    /// <summary>2^k outcome probabilities of the listed qubits, first listed qubit most significant.</summary>
    public void ReadoutProbabilities(ReadOnlySpan<int> qubits) =>
        AddReadout(ReadoutKind.Probabilities, "", CheckReadoutQubits(qubits, "probabilities"));

    /// <summary>The full state vector as 2·2^n values (re, im interleaved).</summary>
    public void ReadoutState() => AddReadout(ReadoutKind.State, "", []);

    // ---- calls --------------------------------------------------------------------------------------

    /// <summary>Enters a call of <paramref name="callee"/> defined in the same source file.</summary>
    public void EnterCall(string callee, int[] qubits, IReadOnlyList<KeyValuePair<string, ParameterSlice>> parameterBindings) =>
        EnterCall(callee, Current.SourceFile, qubits, parameterBindings);

    /// <summary>Enters a call of <paramref name="callee"/> whose source positions refer to <paramref name="calleeSourceFile"/>.</summary>
    public void EnterCall(string callee, string calleeSourceFile, int[] qubits, IReadOnlyList<KeyValuePair<string, ParameterSlice>> parameterBindings)
    {
        if (string.IsNullOrWhiteSpace(callee))
            throw Arg(nameof(callee), $"a call needs the called circuit's name {InCircuit}.");
        if (qubits is null)
            throw Arg(nameof(qubits), $"the call of circuit '{callee}' passes no qubit list {InCircuit}.");
        if (parameterBindings is null)
            throw Arg(nameof(parameterBindings), $"the call of circuit '{callee}' passes no parameter bindings {InCircuit}.");
        foreach (int q in qubits) CheckQubitInScope(q, nameof(qubits));
        for (int a = 0; a < qubits.Length; a++)
            for (int b = a + 1; b < qubits.Length; b++)
                if (qubits[a] == qubits[b])
                    throw Arg(nameof(qubits), $"the same qubit {QubitName(qubits[a])} is passed twice in the call of circuit '{callee}' {InCircuit}; expected distinct qubits.");
        var bindings = new Dictionary<string, ParameterSlice>(StringComparer.Ordinal);
        foreach (var (name, slice) in parameterBindings)
        {
            if (slice.Offset < 0 || slice.Length < 1 || (long)slice.Offset + slice.Length > _parameterCount)
                throw Range(nameof(parameterBindings), slice, $"the call of circuit '{callee}' binds parameter '{name}' to elements {slice.Offset}..{(long)slice.Offset + slice.Length - 1} {InCircuit}; expected a non-empty slice inside the {_parameterCount} declared parameter(s).");
            if (!bindings.TryAdd(name, slice))
                throw Arg(nameof(parameterBindings), $"the call of circuit '{callee}' binds parameter '{name}' twice {InCircuit}.");
        }
        _frames.Push(new Scope
        {
            CircuitName = callee,
            SourceFile = calleeSourceFile ?? Current.SourceFile,
            PassedQubits = (int[])qubits.Clone(),
            Bindings = bindings,
            CallerLine = _line,
            CallerColumn = _column,
        });
    }

    /// <summary>Leaves the innermost call frame, checking that the callee used every passed qubit and binding.</summary>
    public void ExitCall()
    {
        if (_frames.Count == 0)
            throw Invalid($"ExitCall without a matching EnterCall in circuit '{_top.CircuitName}'.");
        var frame = _frames.Pop();
        _line = frame.CallerLine;
        _column = frame.CallerColumn;
        if (frame.QubitCursor != frame.PassedQubits!.Length)
            throw Invalid($"the call of circuit '{frame.CircuitName}' passes {frame.PassedQubits.Length} qubit(s) but the circuit declares {frame.QubitCursor} {InCircuit}; expected equal counts.");
        foreach (var name in frame.Bindings!.Keys)
            if (!frame.Parameters.ContainsKey(name))
                throw Invalid($"the call of circuit '{frame.CircuitName}' binds parameter '{name}', which the circuit does not declare {InCircuit}.");
    }

    // ---- build --------------------------------------------------------------------------------------

    /// <summary>Finishes the program. The builder stays usable (Build can be called again).</summary>
    public CircuitProgram Build()
    {
        if (_frames.Count > 0)
            throw Invalid($"Build called inside the call of circuit '{_frames.Peek().CircuitName}'; expected every EnterCall to be matched by ExitCall.");
        if (_qubitCount == 0)
            throw Invalid($"circuit '{_top.CircuitName}' declares no qubits; expected at least one qubit register.");
        if (_input is not null && _input.Length > (1 << _qubitCount))
            throw new InvalidOperationException($"{_inputWhere}: amplitude input '{_input.Name}' has length {_input.Length}, but circuit '{_top.CircuitName}' has {_qubitCount} qubit(s); expected a length of at most 2^{_qubitCount} = {1 << _qubitCount}.");
        var all = Enumerable.Range(0, _qubitCount).ToArray();
        var readouts = new List<ReadoutTerm>(_readouts.Count);
        foreach (var (kind, axes, qubits, where) in _readouts)
        {
            if (kind == ReadoutKind.State && _qubitCount > GateInfo.MaxQubits - 1)
                throw new InvalidOperationException($"{where}: a state readout of {_qubitCount} qubits is too large in circuit '{_top.CircuitName}'; expected at most {GateInfo.MaxQubits - 1} qubits.");
            readouts.Add(new ReadoutTerm(kind, axes, kind == ReadoutKind.State ? all : qubits));
        }
        return new CircuitProgram(_top.CircuitName, _qubitCount, _parameterArrays.ToArray(), _input, _gates.ToArray(), readouts);
    }
}
