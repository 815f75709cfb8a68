using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// One .qc gate statement after unrolling and inlining: a .qc gate name, how many extra controls
/// (<c>ctrl(k) @</c>) and whether inverted (<c>inv @</c>), angles affine in the parameter slots, and
/// global qubit indices (extra controls first). Name "gphase" marks a global phase still to be resolved.
/// </summary>
internal sealed record QasmFlatGate(string Name, int Controls, bool Inverse, IReadOnlyList<AffineExpression> Angles, IReadOnlyList<int> Qubits, int Line);

internal sealed record QasmRegister(string Name, int Size);

/// <summary>An input declaration: Size slots from First (Size 1 and not IsArray for a scalar).</summary>
internal sealed record QasmInput(string Name, int First, int Size, bool IsArray);

internal sealed record QasmFlatProgram(IReadOnlyList<QasmRegister> Registers, IReadOnlyList<QasmInput> Inputs, IReadOnlyList<QasmFlatGate> Gates, IReadOnlyList<string> Notes);
