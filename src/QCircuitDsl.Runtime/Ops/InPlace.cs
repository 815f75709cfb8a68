using System.Numerics;
using System.Numerics.Tensors;
using Tensor = QCircuitDsl.Runtime.Tensors.Tensor;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>
/// In-place mutation (the trailing-underscore ops: zero_, fill_, copy_, add_, mul_, uniform_, normal_). They are not
/// recorded by autograd, so they are refused on tensors that are part of a graph while grad mode is on — the same rule
/// PyTorch enforces for leaves — which keeps saved tensors from changing under a pending backward.
/// </summary>
internal static class InPlace
{
    public static void CheckAllowed(Tensor t, string op)
    {
        if (!GradMode.IsEnabled || !t.RequiresGrad) return;
        if (t.IsLeaf)
            throw new InvalidOperationException(
                $"{op}: a leaf Variable that requires grad is being used in an in-place operation. Wrap it in 'using (Torch.NoGrad())' (e.g. for optimizer updates or initialisation).");
        throw new InvalidOperationException(
            $"{op}: in-place operations on tensors that are part of the autograd graph are not supported; use the out-of-place version.");
    }

    public static void Fill(Tensor t, double value)
    {
        if (!t.IsContiguous)
        {
            StridedCopy.CopyInto(Torch.Scalar(value, t.DType), t);
            return;
        }
        switch (t.DType)
        {
            case DType.Float32: t.Span<float>().Fill((float)value); break;
            case DType.Float64: t.Span<double>().Fill(value); break;
            default: t.Span<long>().Fill((long)value); break;
        }
    }

    /// <summary>Writes one element by its row-major position.</summary>
    public static void SetFlat(Tensor t, int flat, double value)
    {
        var offset = t.Offset;
        for (var d = t.Dim - 1; d >= 0; d--)
        {
            offset += flat % t.ShapeArray[d] * t.StrideArray[d];
            flat /= t.ShapeArray[d];
        }
        switch (t.DType)
        {
            case DType.Float32: t.Data<float>()[offset] = (float)value; break;
            case DType.Float64: t.Data<double>()[offset] = value; break;
            default: t.Data<long>()[offset] = (long)value; break;
        }
    }

    public static void Uniform(Tensor t, double low, double high, Generator? generator)
    {
        Elementwise.RequireFloat(t, "uniform_");
        if (low > high) throw new ArgumentException($"uniform_: expects low <= high, but got low={low}, high={high}");
        var g = generator ?? Torch.DefaultGenerator;
        var target = t.IsContiguous ? t : Tensor.Empty(t.DType, (int[])t.ShapeArray.Clone());
        if (t.DType == DType.Float32) g.FillUniform(target.Span<float>(), low, high);
        else g.FillUniform(target.Span<double>(), low, high);
        if (!ReferenceEquals(target, t)) StridedCopy.CopyInto(target, t);
    }

    public static void Normal(Tensor t, double mean, double std, Generator? generator)
    {
        Elementwise.RequireFloat(t, "normal_");
        if (std < 0) throw new ArgumentException($"normal_: expects std >= 0.0, but found std {std}");
        var g = generator ?? Torch.DefaultGenerator;
        var target = t.IsContiguous ? t : Tensor.Empty(t.DType, (int[])t.ShapeArray.Clone());
        if (t.DType == DType.Float32) g.FillNormal(target.Span<float>(), mean, std);
        else g.FillNormal(target.Span<double>(), mean, std);
        if (!ReferenceEquals(target, t)) StridedCopy.CopyInto(target, t);
    }

    /// <summary>dst += alpha * src, with src broadcast to dst's shape.</summary>
    public static void AddInto(Tensor dst, Tensor src, double alpha = 1.0)
    {
        Elementwise.RequireFloat(dst, "add_");
        Elementwise.RequireSameDType(dst, src, "add_");
        var broadcast = ShapeUtils.Broadcast(dst.ShapeArray, src.ShapeArray, "add_");
        if (!ShapeUtils.SameShape(broadcast, dst.ShapeArray))
            throw new ArgumentException($"add_: output with shape {ShapeUtils.Format(dst.ShapeArray)} doesn't match the broadcast shape {ShapeUtils.Format(broadcast)}");
        if (dst.IsContiguous && src.IsContiguous && ShapeUtils.SameShape(dst.ShapeArray, src.ShapeArray))
        {
            if (dst.DType == DType.Float32) AddSpan(dst.Span<float>(), src.Span<float>(), alpha);
            else AddSpan(dst.Span<double>(), src.Span<double>(), alpha);
            return;
        }
        var scaled = alpha == 1.0 ? src : Elementwise.Broadcast(src, BinaryOps.Scalar(alpha, src), new MulKernel(), "add_");
        StridedCopy.CopyInto(Elementwise.Broadcast(dst, scaled, new AddKernel(), "add_"), dst);
    }

    private static void AddSpan<T>(Span<T> dst, ReadOnlySpan<T> src, double alpha) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (alpha == 1.0) TensorPrimitives.Add(dst, src, dst);
        else TensorPrimitives.MultiplyAdd(src, T.CreateTruncating(alpha), dst, dst);
    }

    /// <summary>t *= factor.</summary>
    public static void Scale(Tensor t, double factor)
    {
        Elementwise.RequireFloat(t, "mul_");
        if (!t.IsContiguous)
        {
            StridedCopy.CopyInto(Elementwise.Broadcast(t, BinaryOps.Scalar(factor, t), new MulKernel(), "mul_"), t);
            return;
        }
        if (t.DType == DType.Float32) TensorPrimitives.Multiply(t.Span<float>(), (float)factor, t.Span<float>());
        else TensorPrimitives.Multiply(t.Span<double>(), factor, t.Span<double>());
    }

    /// <summary>t *= other (broadcast to t's shape).</summary>
    public static void MulInto(Tensor t, Tensor other)
    {
        var product = Elementwise.Broadcast(t, other, new MulKernel(), "mul_");
        if (!ShapeUtils.SameShape(product.ShapeArray, t.ShapeArray))
            throw new ArgumentException($"mul_: output with shape {ShapeUtils.Format(t.ShapeArray)} doesn't match the broadcast shape {ShapeUtils.Format(product.ShapeArray)}");
        StridedCopy.CopyInto(product, t);
    }
}
