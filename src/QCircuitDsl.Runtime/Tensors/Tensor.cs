using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Ops;

namespace QCircuitDsl.Runtime.Tensors;

/// <summary>
/// An n-dimensional array viewed through (storage, offset, shape, strides), like torch.Tensor. Several tensors can share
/// one storage (views); operations are define-by-run recorded for reverse-mode autograd when an input requires grad.
/// The math lives in the Ops folder; this partial class only holds the state and the autograd-facing members.
/// </summary>
public partial class Tensor
{
    internal Storage Storage;
    internal int Offset;
    internal int[] ShapeArray;
    internal int[] StrideArray;

    private bool _requiresGrad;

    internal Tensor(Storage storage, int offset, int[] shape, int[] strides)
    {
        Storage = storage;
        Offset = offset;
        ShapeArray = shape;
        StrideArray = strides;
    }

    /// <summary>For subclasses such as nn.Parameter: a new tensor object aliasing <paramref name="data"/>'s storage.</summary>
    protected Tensor(Tensor data) : this(data.Storage, data.Offset, data.ShapeArray, data.StrideArray) { }

    /// <summary>A fresh contiguous tensor owning <paramref name="data"/>.</summary>
    internal static Tensor FromArray<T>(T[] data, int[] shape) where T : unmanaged
    {
        if (ShapeUtils.Numel(shape) != data.Length)
            throw new ArgumentException($"tensor: {data.Length} values cannot fill shape {ShapeUtils.Format(shape)}");
        return new Tensor(new Storage<T>(data), 0, shape, ShapeUtils.ContiguousStrides(shape));
    }

    internal static Tensor Empty(DType dtype, int[] shape) =>
        new(Storage.Allocate(dtype, ShapeUtils.Numel(shape)), 0, shape, ShapeUtils.ContiguousStrides(shape));

    public DType DType => Storage.DType;
    public Device Device => Device.CPU;

    /// <summary>A copy of the sizes (mutating it does not affect the tensor).</summary>
    public int[] Shape => (int[])ShapeArray.Clone();

    /// <summary>Element strides of this view into its storage.</summary>
    public int[] Strides => (int[])StrideArray.Clone();

    /// <summary>Number of dimensions (torch: dim() / ndim).</summary>
    public int Dim => ShapeArray.Length;

    public int Numel => ShapeUtils.Numel(ShapeArray);

    /// <summary>Size of one dimension; negative dims count from the end.</summary>
    public int Size(int dim) => ShapeArray[ShapeUtils.NormalizeDim(dim, Dim, "size")];

    public bool IsContiguous => ShapeUtils.IsContiguous(ShapeArray, StrideArray);

    public bool IsFloatingPoint => DType.IsFloatingPoint();

    // ---------------------------------------------------------------- autograd state

    /// <summary>Whether operations on this tensor are recorded for backward. Only leaves may be toggled.</summary>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (!IsLeaf)
                throw new InvalidOperationException(
                    "you can only change requires_grad flags of leaf variables. Use Detach() to get a leaf from a non-leaf tensor.");
            if (value && !DType.IsFloatingPoint())
                throw new InvalidOperationException($"only floating point tensors can require gradients (dtype is {DType.Name()})");
            _requiresGrad = value;
        }
    }

    /// <summary>Sets RequiresGrad and returns this tensor, for fluent creation: Torch.Randn(3).RequiresGrad_().</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Accumulated gradient of a leaf after Backward(); null until the first backward reaches it.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>The autograd node that produced this tensor; null for leaves.</summary>
    public Node? GradFn { get; private set; }

    /// <summary>Which output of <see cref="GradFn"/> this tensor is.</summary>
    internal int OutputNr { get; private set; }

    public bool IsLeaf => GradFn is null;

    internal void SetGradFn(Node node, int outputNr)
    {
        GradFn = node;
        OutputNr = outputNr;
        _requiresGrad = true;
    }

    /// <summary>A new leaf sharing this tensor's storage, cut off from the graph (torch.Tensor.detach).</summary>
    public Tensor Detach() => new(Storage, Offset, ShapeArray, StrideArray);

    /// <summary>Reverse-mode differentiation from this tensor: accumulates d(this)/d(leaf) into every leaf's Grad.
    /// <paramref name="gradient"/> is required unless this tensor holds a single element.</summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false) =>
        Engine.Backward([this], gradient is null ? null : [gradient], retainGraph, createGraph);

    /// <summary>Replaces the viewed data in place, keeping object identity (used by Module.To and parameter loading).</summary>
    internal void SetData(Tensor source)
    {
        Storage = source.Storage;
        Offset = source.Offset;
        ShapeArray = source.ShapeArray;
        StrideArray = source.StrideArray;
        Grad = null;
    }

    // ---------------------------------------------------------------- raw element access

    /// <summary>Contiguous span over this tensor's elements; only valid when <see cref="IsContiguous"/>.</summary>
    internal Span<T> Span<T>() where T : unmanaged
    {
        if (!IsContiguous) throw new InvalidOperationException("internal: Span() requires a contiguous tensor");
        return ((Storage<T>)Storage).Data.AsSpan(Offset, Numel);
    }

    internal T[] Data<T>() where T : unmanaged => ((Storage<T>)Storage).Data;

    /// <summary>The elements in row-major order, converted to <typeparamref name="T"/> (float, double or long).</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var contiguous = StridedCopy.ToContiguous(this);
        var n = contiguous.Numel;
        var result = new T[n];
        switch (contiguous.Storage)
        {
            case Storage<T> same:
                same.Data.AsSpan(contiguous.Offset, n).CopyTo(result);
                break;
            case Storage<float> f:
                for (var i = 0; i < n; i++) result[i] = ConvertScalar<float, T>(f.Data[contiguous.Offset + i]);
                break;
            case Storage<double> d:
                for (var i = 0; i < n; i++) result[i] = ConvertScalar<double, T>(d.Data[contiguous.Offset + i]);
                break;
            case Storage<long> l:
                for (var i = 0; i < n; i++) result[i] = ConvertScalar<long, T>(l.Data[contiguous.Offset + i]);
                break;
        }
        return result;
    }

    /// <summary>The value of a one-element tensor (torch: item()).</summary>
    public T Item<T>() where T : unmanaged
    {
        if (Numel != 1)
            throw new InvalidOperationException($"a Tensor with {Numel} elements cannot be converted to Scalar (shape {ShapeUtils.Format(ShapeArray)})");
        return ToArray<T>()[0];
    }

    /// <summary>Convenience for tests and logging: the single value as double.</summary>
    public double ToDouble() => Item<double>();

    internal static TOut ConvertScalar<TIn, TOut>(TIn value) where TIn : unmanaged where TOut : unmanaged
    {
        double asDouble = value switch
        {
            float f => f,
            double d => d,
            long l => l,
            _ => throw new NotSupportedException(typeof(TIn).Name),
        };
        if (typeof(TOut) == typeof(float)) { var r = (float)asDouble; return System.Runtime.CompilerServices.Unsafe.As<float, TOut>(ref r); }
        if (typeof(TOut) == typeof(double)) return System.Runtime.CompilerServices.Unsafe.As<double, TOut>(ref asDouble);
        if (typeof(TOut) == typeof(long)) { var r = (long)asDouble; return System.Runtime.CompilerServices.Unsafe.As<long, TOut>(ref r); }
        throw new NotSupportedException(typeof(TOut).Name);
    }

    public override string ToString() => TensorFormatter.Format(this);
}
