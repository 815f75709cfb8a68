using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// A value while importing: an integer (sizes, indices, loop variables) or a real that is affine in
/// the input parameters (an angle). Keeping angles affine is what lets them become .qc angles, which
/// the .qc binder requires to be affine too.
/// </summary>
internal readonly struct QasmValue
{
    private QasmValue(bool isInteger, long integer, AffineExpression? real)
    {
        IsInteger = isInteger;
        Integer = integer;
        RealValue = real;
    }

    public bool IsInteger { get; }
    public long Integer { get; }
    private AffineExpression? RealValue { get; }

    /// <summary>The value as a real affine expression (integers converted).</summary>
    public AffineExpression Real => IsInteger ? AffineExpression.FromConstant(Integer) : RealValue!;

    /// <summary>True for integers and for reals that do not depend on any input parameter.</summary>
    public bool IsConstant => IsInteger || RealValue!.IsConstant;

    public static QasmValue Of(long value) => new(true, value, null);

    public static QasmValue Of(double value) => new(false, 0, AffineExpression.FromConstant(value));

    public static QasmValue Of(AffineExpression value) => new(false, 0, value);
}
