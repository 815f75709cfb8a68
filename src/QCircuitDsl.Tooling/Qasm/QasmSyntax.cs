namespace QCircuitDsl.Tooling.Qasm;

// The syntax tree of the OpenQASM 3 subset import-qasm reads. Every node keeps the line and column
// of its first token, so that later errors (non-constant bound, unknown gate, ...) can name them.

internal abstract record QasmNode(int Line, int Column);

// ---- Expressions

internal abstract record QasmExpression(int Line, int Column) : QasmNode(Line, Column);

internal sealed record QasmNumber(bool IsInteger, string Text, int Line, int Column) : QasmExpression(Line, Column);

internal sealed record QasmName(string Name, int Line, int Column) : QasmExpression(Line, Column);

internal sealed record QasmUnary(string Operator, QasmExpression Operand, int Line, int Column) : QasmExpression(Line, Column);

internal sealed record QasmBinary(string Operator, QasmExpression Left, QasmExpression Right, int Line, int Column) : QasmExpression(Line, Column);

/// <summary>A function call or a cast: <c>sin(x)</c>, <c>float(i)</c>.</summary>
internal sealed record QasmCall(string Function, IReadOnlyList<QasmExpression> Arguments, int Line, int Column) : QasmExpression(Line, Column);

/// <summary>An element of an input array: <c>theta[3]</c>.</summary>
internal sealed record QasmIndex(QasmExpression Target, QasmExpression Index, int Line, int Column) : QasmExpression(Line, Column);

// ---- Operands

/// <summary><c>q</c>, <c>q[i]</c> or <c>q[a:b]</c> / <c>q[a:s:b]</c> (inclusive, as in OpenQASM 3).</summary>
internal sealed record QasmOperand(string Name, QasmExpression? Index, QasmRange? Slice, int Line, int Column) : QasmNode(Line, Column);

internal sealed record QasmRange(QasmExpression Start, QasmExpression? Step, QasmExpression End);

// ---- Statements

internal abstract record QasmStatement(int Line, int Column) : QasmNode(Line, Column);

/// <summary><c>qubit[n] q;</c>, <c>qubit q;</c> (size null) or <c>qreg q[n];</c>.</summary>
internal sealed record QasmQubitDeclaration(string Name, QasmExpression? Size, int Line, int Column) : QasmStatement(Line, Column);

/// <summary><c>input float[64] x;</c> (ArraySize null) or <c>input array[float[64], N] x;</c>.</summary>
internal sealed record QasmInputDeclaration(string Name, QasmExpression? ArraySize, int Line, int Column) : QasmStatement(Line, Column);

/// <summary><c>const int n = 4;</c> / <c>const float[64] a = pi / 4;</c>.</summary>
internal sealed record QasmConstDeclaration(string Name, bool IsInteger, QasmExpression Value, int Line, int Column) : QasmStatement(Line, Column);

internal sealed record QasmGateDefinition(string Name, IReadOnlyList<string> Parameters, IReadOnlyList<string> Qubits, IReadOnlyList<QasmStatement> Body, int Line, int Column) : QasmStatement(Line, Column);

/// <summary>A modifier: <c>ctrl @</c>, <c>ctrl(k) @</c>, <c>inv @</c>, <c>pow(k) @</c>.</summary>
internal sealed record QasmModifier(string Kind, QasmExpression? Argument, int Line, int Column) : QasmNode(Line, Column);

internal sealed record QasmGateCall(IReadOnlyList<QasmModifier> Modifiers, string Name, IReadOnlyList<QasmExpression> Arguments, IReadOnlyList<QasmOperand> Operands, int Line, int Column) : QasmStatement(Line, Column);

/// <summary><c>for int i in [a : b] body</c> (Range) or <c>for int i in {1, 3} body</c> (Set).</summary>
internal sealed record QasmFor(string Variable, QasmRange? Range, IReadOnlyList<QasmExpression>? Set, IReadOnlyList<QasmStatement> Body, int Line, int Column) : QasmStatement(Line, Column);

/// <summary><c>barrier …;</c>: no effect on the state, kept as a comment.</summary>
internal sealed record QasmBarrier(int Line, int Column) : QasmStatement(Line, Column);

internal sealed record QasmProgram(IReadOnlyList<QasmStatement> Statements);
