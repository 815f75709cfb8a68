namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// What <see cref="QasmExporter"/> writes for the parameters: with <see cref="Parameters"/> (the flat
/// vector), every angle becomes a concrete number; without, every parameter element becomes an
/// <c>input float[64]</c> scalar and angles are expressions of those scalars.
/// </summary>
public sealed record QasmExportOptions(double[]? Parameters = null, string? SourceDescription = null);
