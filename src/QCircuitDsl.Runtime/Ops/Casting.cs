using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>dtype conversion (tensor.To(dtype)); differentiable between floating types.</summary>
internal static class Casting
{
    public static Tensor To(Tensor x, DType dtype)
    {
        if (x.DType == dtype) return x;
        var src = StridedCopy.ToContiguous(x);
        var n = src.Numel;
        Tensor result = dtype switch
        {
            DType.Float32 => Tensor.FromArray(Convert<float>(src, n), (int[])x.ShapeArray.Clone()),
            DType.Float64 => Tensor.FromArray(Convert<double>(src, n), (int[])x.ShapeArray.Clone()),
            _ => Tensor.FromArray(Convert<long>(src, n), (int[])x.ShapeArray.Clone()),
        };
        if (dtype.IsFloatingPoint())
        {
            var from = x.DType;
            AutogradRecorder.Record("ToCopyBackward", result, [x], g => [To(g, from)]);
        }
        return result;
    }

    private static T[] Convert<T>(Tensor src, int n) where T : unmanaged
    {
        var result = new T[n];
        switch (src.Storage)
        {
            case Storage<float> f: for (var i = 0; i < n; i++) result[i] = Tensor.ConvertScalar<float, T>(f.Data[src.Offset + i]); break;
            case Storage<double> d: for (var i = 0; i < n; i++) result[i] = Tensor.ConvertScalar<double, T>(d.Data[src.Offset + i]); break;
            case Storage<long> l: for (var i = 0; i < n; i++) result[i] = Tensor.ConvertScalar<long, T>(l.Data[src.Offset + i]); break;
        }
        return result;
    }
}
