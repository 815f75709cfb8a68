using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>Operations that return a view sharing the input's storage (no copy), with their gradients.</summary>
internal static class ViewOps
{
    private static Tensor MakeView(Tensor x, int[] shape, int[] strides, int offset) => new(x.Storage, offset, shape, strides);

    /// <summary>Resolves one -1 entry and checks the element count (torch error text).</summary>
    public static int[] InferShape(Tensor x, int[] shape, string op)
    {
        var result = (int[])shape.Clone();
        var inferred = -1;
        long known = 1;
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i] == -1)
            {
                if (inferred >= 0) throw new ArgumentException($"{op}: only one dimension can be inferred (shape {ShapeUtils.Format(shape)})");
                inferred = i;
            }
            else if (result[i] < 0) throw new ArgumentException($"{op}: invalid shape dimension {result[i]} in {ShapeUtils.Format(shape)}");
            else known *= result[i];
        }
        var numel = x.Numel;
        if (inferred >= 0)
        {
            if (known == 0 || numel % known != 0)
                throw new ArgumentException($"{op}: shape {ShapeUtils.Format(shape)} is invalid for input of size {numel} (input shape {ShapeUtils.Format(x.ShapeArray)})");
            result[inferred] = (int)(numel / known);
        }
        else if (known != numel)
        {
            throw new ArgumentException($"{op}: shape {ShapeUtils.Format(shape)} is invalid for input of size {numel} (input shape {ShapeUtils.Format(x.ShapeArray)})");
        }
        return result;
    }

    /// <summary>A view with a new shape; requires a contiguous input (torch.Tensor.view).</summary>
    public static Tensor View(Tensor x, int[] shape)
    {
        var target = InferShape(x, shape, "view");
        if (!x.IsContiguous)
            throw new InvalidOperationException(
                $"view: view size {ShapeUtils.Format(target)} is not compatible with input tensor's size {ShapeUtils.Format(x.ShapeArray)} and stride {ShapeUtils.Format(x.StrideArray)}. Use .Reshape(...) instead.");
        var y = MakeView(x, target, ShapeUtils.ContiguousStrides(target), x.Offset);
        var original = x.ShapeArray;
        AutogradRecorder.Record("ViewBackward", y, [x], g => [Reshape(g, original)]);
        return y;
    }

    /// <summary>A view when the layout allows, otherwise a contiguous copy (torch.reshape).</summary>
    public static Tensor Reshape(Tensor x, int[] shape) => View(Contiguous(x), shape);

    public static Tensor Flatten(Tensor x, int startDim, int endDim)
    {
        if (x.Dim == 0) return Reshape(x, [1]);
        var s = ShapeUtils.NormalizeDim(startDim, x.Dim, "flatten");
        var e = ShapeUtils.NormalizeDim(endDim, x.Dim, "flatten");
        if (s > e) throw new ArgumentException($"flatten: start_dim ({startDim}) cannot come after end_dim ({endDim})");
        var shape = new List<int>();
        for (var i = 0; i < s; i++) shape.Add(x.ShapeArray[i]);
        var merged = 1;
        for (var i = s; i <= e; i++) merged *= x.ShapeArray[i];
        shape.Add(merged);
        for (var i = e + 1; i < x.Dim; i++) shape.Add(x.ShapeArray[i]);
        return Reshape(x, shape.ToArray());
    }

    /// <summary>Copies into contiguous memory when needed; the identity otherwise.</summary>
    public static Tensor Contiguous(Tensor x)
    {
        if (x.IsContiguous) return x;
        var y = StridedCopy.Copy(x);
        AutogradRecorder.Record("CloneBackward", y, [x], g => [g]);
        return y;
    }

    /// <summary>A copy with its own storage (torch.clone).</summary>
    public static Tensor Clone(Tensor x)
    {
        var y = StridedCopy.Copy(x);
        AutogradRecorder.Record("CloneBackward", y, [x], g => [g]);
        return y;
    }

    public static Tensor Transpose(Tensor x, int dim0, int dim1)
    {
        if (x.Dim == 0) return x;
        var d0 = ShapeUtils.NormalizeDim(dim0, x.Dim, "transpose");
        var d1 = ShapeUtils.NormalizeDim(dim1, x.Dim, "transpose");
        var shape = (int[])x.ShapeArray.Clone();
        var strides = (int[])x.StrideArray.Clone();
        (shape[d0], shape[d1]) = (shape[d1], shape[d0]);
        (strides[d0], strides[d1]) = (strides[d1], strides[d0]);
        var y = MakeView(x, shape, strides, x.Offset);
        AutogradRecorder.Record("TransposeBackward", y, [x], g => [Transpose(g, d0, d1)]);
        return y;
    }

    /// <summary>Matrix transpose for tensors of at most 2 dims (torch.Tensor.t / .T).</summary>
    public static Tensor T(Tensor x)
    {
        if (x.Dim > 2) throw new ArgumentException($"t: expects a tensor with <= 2 dimensions, but got shape {ShapeUtils.Format(x.ShapeArray)}; use Transpose or MT");
        return x.Dim < 2 ? x : Transpose(x, 0, 1);
    }

    public static Tensor Permute(Tensor x, int[] dims)
    {
        if (dims.Length != x.Dim)
            throw new ArgumentException($"permute: number of dims ({dims.Length}) doesn't match tensor dims ({x.Dim}, shape {ShapeUtils.Format(x.ShapeArray)})");
        var normalized = dims.Select(d => ShapeUtils.NormalizeDim(d, x.Dim, "permute")).ToArray();
        if (normalized.Distinct().Count() != normalized.Length) throw new ArgumentException($"permute: repeated dim in {ShapeUtils.Format(dims)}");
        var shape = normalized.Select(d => x.ShapeArray[d]).ToArray();
        var strides = normalized.Select(d => x.StrideArray[d]).ToArray();
        var y = MakeView(x, shape, strides, x.Offset);
        var inverse = new int[normalized.Length];
        for (var i = 0; i < normalized.Length; i++) inverse[normalized[i]] = i;
        AutogradRecorder.Record("PermuteBackward", y, [x], g => [Permute(g, inverse)]);
        return y;
    }

    /// <summary>Elements [start, start+length) along dim (torch.narrow; the basis of slicing).</summary>
    public static Tensor Narrow(Tensor x, int dim, int start, int length)
    {
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "narrow");
        var size = x.ShapeArray[d];
        if (start < 0) start += size;
        if (start < 0 || length < 0 || start + length > size)
            throw new ArgumentOutOfRangeException(nameof(start),
                $"narrow: start ({start}) + length ({length}) exceeds dimension size ({size}) of dim {d} in shape {ShapeUtils.Format(x.ShapeArray)}");
        var y = NarrowRaw(x, d, start, length);
        var xShape = x.ShapeArray;
        AutogradRecorder.Record("NarrowBackward", y, [x], g =>
        {
            var gx = Torch.Zeros(xShape, g.DType);
            StridedCopy.CopyInto(g, NarrowRaw(gx, d, start, length));
            return [gx];
        });
        return y;
    }

    internal static Tensor NarrowRaw(Tensor x, int d, int start, int length)
    {
        var shape = (int[])x.ShapeArray.Clone();
        shape[d] = length;
        return MakeView(x, shape, (int[])x.StrideArray.Clone(), x.Offset + start * x.StrideArray[d]);
    }

    /// <summary>Python-style slice x[..., start:end:1, ...] along one dim, with negative and clamped bounds.</summary>
    public static Tensor Slice(Tensor x, int dim, int? start, int? end)
    {
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "slice");
        var size = x.ShapeArray[d];
        var s = start ?? 0;
        var e = end ?? size;
        if (s < 0) s += size;
        if (e < 0) e += size;
        s = Math.Clamp(s, 0, size);
        e = Math.Clamp(e, s, size);
        return Narrow(x, d, s, e - s);
    }

    /// <summary>x[..., index, ...]: drops dim (torch.select).</summary>
    public static Tensor Select(Tensor x, int dim, int index)
    {
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "select");
        var size = x.ShapeArray[d];
        if (index < -size || index >= size)
            throw new IndexOutOfRangeException($"select: index {index} is out of bounds for dimension {d} with size {size}");
        if (index < 0) index += size;
        return Squeeze(Narrow(x, d, index, 1), d);
    }

    public static Tensor Unsqueeze(Tensor x, int dim)
    {
        var d = ShapeUtils.NormalizeDim(dim, x.Dim + 1, "unsqueeze");
        var shape = x.ShapeArray.ToList();
        var strides = x.StrideArray.ToList();
        var stride = d < x.Dim ? x.StrideArray[d] * x.ShapeArray[d] : 1;
        shape.Insert(d, 1);
        strides.Insert(d, stride);
        var y = MakeView(x, shape.ToArray(), strides.ToArray(), x.Offset);
        AutogradRecorder.Record("UnsqueezeBackward", y, [x], g => [Squeeze(g, d)]);
        return y;
    }

    /// <summary>Removes dim if it has size 1 (no-op otherwise), or every size-1 dim when dim is null.</summary>
    public static Tensor Squeeze(Tensor x, int? dim = null)
    {
        var keep = new List<int>();
        if (dim is { } requested)
        {
            var d = ShapeUtils.NormalizeDim(requested, x.Dim, "squeeze");
            for (var i = 0; i < x.Dim; i++) if (i != d || x.ShapeArray[i] != 1) keep.Add(i);
        }
        else
        {
            for (var i = 0; i < x.Dim; i++) if (x.ShapeArray[i] != 1) keep.Add(i);
        }
        if (keep.Count == x.Dim) return x;
        var y = MakeView(x, keep.Select(i => x.ShapeArray[i]).ToArray(), keep.Select(i => x.StrideArray[i]).ToArray(), x.Offset);
        var original = x.ShapeArray;
        AutogradRecorder.Record("SqueezeBackward", y, [x], g => [Reshape(g, original)]);
        return y;
    }

    /// <summary>Broadcasts size-1 dims (stride 0, no copy) to <paramref name="shape"/>; -1 keeps a size.</summary>
    public static Tensor Expand(Tensor x, int[] shape)
    {
        if (shape.Length < x.Dim)
            throw new ArgumentException($"expand: the number of sizes provided ({shape.Length}) must be greater or equal to the number of dimensions in the tensor ({x.Dim})");
        var lead = shape.Length - x.Dim;
        var newShape = new int[shape.Length];
        var strides = new int[shape.Length];
        for (var i = 0; i < shape.Length; i++)
        {
            if (i < lead)
            {
                if (shape[i] < 0) throw new ArgumentException($"expand: -1 is not allowed in a leading, non-existing dimension ({ShapeUtils.Format(shape)})");
                newShape[i] = shape[i];
                strides[i] = 0;
                continue;
            }
            var size = x.ShapeArray[i - lead];
            var want = shape[i] == -1 ? size : shape[i];
            if (size != want && size != 1)
                throw new ArgumentException(
                    $"expand: the expanded size of the tensor ({want}) must match the existing size ({size}) at non-singleton dimension {i}. Target sizes: {ShapeUtils.Format(shape)}. Tensor sizes: {ShapeUtils.Format(x.ShapeArray)}");
            newShape[i] = want;
            strides[i] = size == want ? x.StrideArray[i - lead] : 0;
        }
        if (ShapeUtils.SameShape(newShape, x.ShapeArray)) return x;
        var y = MakeView(x, newShape, strides, x.Offset);
        var original = x.ShapeArray;
        AutogradRecorder.Record("ExpandBackward", y, [x], g => [ReductionOps.SumToShape(g, original)]);
        return y;
    }
}
