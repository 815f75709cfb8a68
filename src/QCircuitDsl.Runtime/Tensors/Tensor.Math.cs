using QCircuitDsl.Runtime.Ops;

namespace QCircuitDsl.Runtime.Tensors;

// Pointwise math and operators (torch.Tensor methods). Implementations live in Ops/UnaryOps and Ops/BinaryOps.
public partial class Tensor
{
    public Tensor Add(Tensor other) => BinaryOps.Add(this, other);
    /// <summary>this + alpha·other (torch.add with alpha).</summary>
    public Tensor Add(Tensor other, double alpha) => alpha == 1 ? BinaryOps.Add(this, other) : BinaryOps.Add(this, BinaryOps.Mul(other, alpha));
    public Tensor Add(double other) => BinaryOps.Add(this, other);
    public Tensor Sub(Tensor other) => BinaryOps.Sub(this, other);
    public Tensor Sub(double other) => BinaryOps.Sub(this, other);
    public Tensor Mul(Tensor other) => BinaryOps.Mul(this, other);
    public Tensor Mul(double other) => BinaryOps.Mul(this, other);
    public Tensor Div(Tensor other) => BinaryOps.Div(this, other);
    public Tensor Div(double other) => BinaryOps.Div(this, other);
    public Tensor Pow(double exponent) => UnaryOps.Pow(this, exponent);
    public Tensor Pow(Tensor exponent) => BinaryOps.Pow(this, exponent);
    public Tensor Maximum(Tensor other) => BinaryOps.Maximum(this, other);
    public Tensor Neg() => UnaryOps.Neg(this);
    public Tensor Exp() => UnaryOps.Exp(this);
    public Tensor Log() => UnaryOps.Log(this);
    public Tensor Sqrt() => UnaryOps.Sqrt(this);
    public Tensor Rsqrt() => UnaryOps.Pow(this, -0.5);
    public Tensor Square() => UnaryOps.Pow(this, 2);
    public Tensor Abs() => UnaryOps.Abs(this);
    public Tensor Sin() => UnaryOps.Sin(this);
    public Tensor Cos() => UnaryOps.Cos(this);
    public Tensor Tanh() => UnaryOps.Tanh(this);
    public Tensor Sigmoid() => UnaryOps.Sigmoid(this);
    public Tensor Relu() => UnaryOps.Relu(this);
    public Tensor Clamp(double min, double max) => UnaryOps.Clamp(this, min, max);
    public Tensor ClampMin(double min) => UnaryOps.Clamp(this, min, double.PositiveInfinity);

    /// <summary>Elementwise comparisons return float masks (1 / 0) of this tensor's dtype; there is no bool dtype.</summary>
    public Tensor Gt(Tensor other) => BinaryOps.Greater(this, other);
    public Tensor Gt(double other) => BinaryOps.Greater(this, BinaryOps.Scalar(other, this));
    public Tensor Lt(Tensor other) => BinaryOps.Greater(other, this);
    public Tensor Lt(double other) => BinaryOps.Greater(BinaryOps.Scalar(other, this), this);
    public Tensor Eq(Tensor other) => BinaryOps.Equal(this, other);
    public Tensor Eq(double other) => BinaryOps.Equal(this, BinaryOps.Scalar(other, this));

    public Tensor MatMul(Tensor other) => MatMulOps.MatMul(this, other);

    /// <summary>Converts to another dtype (a no-op returning this tensor when the dtype already matches).</summary>
    public Tensor To(DType dtype) => Casting.To(this, dtype);

    /// <summary>Moves to a device; only the CPU exists, so this returns the tensor itself.</summary>
    public Tensor To(Device device) => device == Device.CPU ? this : throw new NotSupportedException($"device {device} is not available");

    public Tensor Float() => To(DType.Float32);
    public Tensor Double() => To(DType.Float64);
    public Tensor Long() => To(DType.Int64);

    public static Tensor operator +(Tensor a, Tensor b) => BinaryOps.Add(a, b);
    public static Tensor operator +(Tensor a, double b) => BinaryOps.Add(a, b);
    public static Tensor operator +(double a, Tensor b) => BinaryOps.Add(b, a);
    public static Tensor operator -(Tensor a, Tensor b) => BinaryOps.Sub(a, b);
    public static Tensor operator -(Tensor a, double b) => BinaryOps.Sub(a, b);
    public static Tensor operator -(double a, Tensor b) => BinaryOps.Sub(BinaryOps.Scalar(a, b), b);
    public static Tensor operator *(Tensor a, Tensor b) => BinaryOps.Mul(a, b);
    public static Tensor operator *(Tensor a, double b) => BinaryOps.Mul(a, b);
    public static Tensor operator *(double a, Tensor b) => BinaryOps.Mul(b, a);
    public static Tensor operator /(Tensor a, Tensor b) => BinaryOps.Div(a, b);
    public static Tensor operator /(Tensor a, double b) => BinaryOps.Div(a, b);
    public static Tensor operator /(double a, Tensor b) => BinaryOps.Div(BinaryOps.Scalar(a, b), b);
    public static Tensor operator -(Tensor a) => UnaryOps.Neg(a);
}
