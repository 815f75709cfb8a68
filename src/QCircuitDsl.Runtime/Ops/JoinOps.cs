using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>Concatenation and splitting along a dimension.</summary>
internal static class JoinOps
{
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim)
    {
        if (tensors.Count == 0) throw new ArgumentException("cat: expected a non-empty list of tensors");
        var first = tensors[0];
        var d = ShapeUtils.NormalizeDim(dim, first.Dim, "cat");
        var total = 0;
        for (var i = 0; i < tensors.Count; i++)
        {
            var t = tensors[i];
            if (t.DType != first.DType)
                throw new ArgumentException($"cat: expected all tensors to have dtype {first.DType.Name()} but tensor {i} is {t.DType.Name()}");
            if (t.Dim != first.Dim)
                throw new ArgumentException($"cat: tensors must have the same number of dimensions: got {ShapeUtils.Format(first.ShapeArray)} at entry 0 and {ShapeUtils.Format(t.ShapeArray)} at entry {i}");
            for (var k = 0; k < t.Dim; k++)
                if (k != d && t.ShapeArray[k] != first.ShapeArray[k])
                    throw new ArgumentException(
                        $"cat: sizes of tensors must match except in dimension {d}: expected size {first.ShapeArray[k]} but got size {t.ShapeArray[k]} for tensor number {i} (shapes {ShapeUtils.Format(first.ShapeArray)} and {ShapeUtils.Format(t.ShapeArray)})");
            total += t.ShapeArray[d];
        }
        var shape = (int[])first.ShapeArray.Clone();
        shape[d] = total;
        var y = Tensor.Empty(first.DType, shape);
        var offsets = new int[tensors.Count];
        var offset = 0;
        for (var i = 0; i < tensors.Count; i++)
        {
            offsets[i] = offset;
            StridedCopy.CopyInto(tensors[i], ViewOps.NarrowRaw(y, d, offset, tensors[i].ShapeArray[d]));
            offset += tensors[i].ShapeArray[d];
        }
        var sizes = tensors.Select(t => t.ShapeArray[d]).ToArray();
        AutogradRecorder.Record("CatBackward", y, tensors.ToArray(),
            g => sizes.Select((s, i) => (Tensor?)ViewOps.Narrow(g, d, offsets[i], s)).ToArray());
        return y;
    }

    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim)
    {
        if (tensors.Count == 0) throw new ArgumentException("stack: expected a non-empty list of tensors");
        for (var i = 1; i < tensors.Count; i++)
            if (!ShapeUtils.SameShape(tensors[i].ShapeArray, tensors[0].ShapeArray))
                throw new ArgumentException(
                    $"stack: expects each tensor to be equal size, but got {ShapeUtils.Format(tensors[0].ShapeArray)} at entry 0 and {ShapeUtils.Format(tensors[i].ShapeArray)} at entry {i}");
        var d = ShapeUtils.NormalizeDim(dim, tensors[0].Dim + 1, "stack");
        return Cat(tensors.Select(t => ViewOps.Unsqueeze(t, d)).ToArray(), d);
    }

    /// <summary>Pieces of splitSize along dim (the last may be smaller), as views.</summary>
    public static Tensor[] Split(Tensor x, int splitSize, int dim)
    {
        if (splitSize <= 0) throw new ArgumentException($"split: split_size must be positive, got {splitSize}");
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "split");
        var size = x.ShapeArray[d];
        var sizes = new List<int>();
        for (var start = 0; start < size || (size == 0 && sizes.Count == 0); start += splitSize)
            sizes.Add(Math.Min(splitSize, size - start));
        return Pieces(x, d, sizes.ToArray());
    }

    /// <summary>Pieces with the given sizes along dim, as views; sizes must sum to the dim's size.</summary>
    public static Tensor[] Split(Tensor x, int[] sizes, int dim)
    {
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "split");
        if (sizes.Sum() != x.ShapeArray[d])
            throw new ArgumentException($"split_with_sizes: sizes {ShapeUtils.Format(sizes)} must sum to {x.ShapeArray[d]}, the size of dimension {d} of {ShapeUtils.Format(x.ShapeArray)}");
        foreach (var s in sizes)
            if (s < 0) throw new ArgumentException($"split_with_sizes: sizes {ShapeUtils.Format(sizes)} must be non-negative");
        return Pieces(x, d, sizes);
    }

    /// <summary>
    /// Consecutive views of the given sizes along dim d, recorded as one SplitBackward node: its backward concatenates
    /// the pieces' gradients (zeros for pieces that got none) into a single tensor of x's shape. Recording each piece
    /// as its own narrow would make every piece's backward allocate and add a zero tensor the size of x, which is
    /// quadratic when a recurrent layer splits a [T, B, 4H] projection into T time steps.
    /// </summary>
    private static Tensor[] Pieces(Tensor x, int d, int[] sizes)
    {
        var pieces = new Tensor[sizes.Length];
        var start = 0;
        for (var i = 0; i < sizes.Length; i++)
        {
            pieces[i] = ViewOps.NarrowRaw(x, d, start, sizes[i]);
            start += sizes[i];
        }
        var shapes = pieces.Select(p => p.ShapeArray).ToArray();
        var dtype = x.DType;
        AutogradRecorder.RecordMulti("SplitBackward", pieces, [x], gs =>
            [Cat(gs.Select((g, i) => g ?? Torch.Zeros(shapes[i], dtype)).ToArray(), d)]);
        return pieces;
    }

    /// <summary>At most <paramref name="chunks"/> views of size ceil(n / chunks) (torch.chunk).</summary>
    public static Tensor[] Chunk(Tensor x, int chunks, int dim)
    {
        if (chunks <= 0) throw new ArgumentException($"chunk: chunks must be positive, got {chunks}");
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "chunk");
        var size = x.ShapeArray[d];
        var splitSize = Math.Max(1, (size + chunks - 1) / chunks);
        return Split(x, splitSize, d);
    }
}
