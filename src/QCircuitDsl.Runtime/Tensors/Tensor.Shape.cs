using QCircuitDsl.Runtime.Ops;

namespace QCircuitDsl.Runtime.Tensors;

// Views and shape manipulation (torch.Tensor.view, reshape, transpose, ...). Implementations live in Ops/ViewOps.
public partial class Tensor
{
    /// <summary>A view with a new shape (one entry may be -1); the tensor must be contiguous.</summary>
    public Tensor View(params int[] shape) => ViewOps.View(this, shape);

    /// <summary>Like View, but copies when the layout does not allow a view.</summary>
    public Tensor Reshape(params int[] shape) => ViewOps.Reshape(this, shape);

    public Tensor Flatten(int startDim = 0, int endDim = -1) => ViewOps.Flatten(this, startDim, endDim);
    public Tensor Contiguous() => ViewOps.Contiguous(this);
    public Tensor Clone() => ViewOps.Clone(this);
    public Tensor Transpose(int dim0, int dim1) => ViewOps.Transpose(this, dim0, dim1);

    /// <summary>Transpose of a matrix (at most 2-D), torch's .T / .t().</summary>
    public Tensor T => ViewOps.T(this);

    /// <summary>Swaps the last two dims (torch's .mT).</summary>
    public Tensor MT => ViewOps.Transpose(this, -2, -1);

    public Tensor Permute(params int[] dims) => ViewOps.Permute(this, dims);
    public Tensor Narrow(int dim, int start, int length) => ViewOps.Narrow(this, dim, start, length);

    /// <summary>Python slice start:end along dim; null bounds mean the ends, negatives count from the end.</summary>
    public Tensor Slice(int dim, int? start, int? end) => ViewOps.Slice(this, dim, start, end);

    public Tensor Select(int dim, int index) => ViewOps.Select(this, dim, index);
    public Tensor Unsqueeze(int dim) => ViewOps.Unsqueeze(this, dim);
    public Tensor Squeeze() => ViewOps.Squeeze(this);
    public Tensor Squeeze(int dim) => ViewOps.Squeeze(this, dim);
    public Tensor Expand(params int[] shape) => ViewOps.Expand(this, shape);
    public Tensor ExpandAs(Tensor other) => ViewOps.Expand(this, other.ShapeArray);

    /// <summary>x[i, j, ...]: selects along the leading dims (a view).</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[params int[] indices]
    {
        get
        {
            if (indices.Length > Dim)
                throw new IndexOutOfRangeException($"too many indices for tensor of dimension {Dim} (got {indices.Length})");
            var result = this;
            foreach (var index in indices) result = ViewOps.Select(result, 0, index);
            return result;
        }
    }

    public Tensor[] Split(int splitSize, int dim = 0) => JoinOps.Split(this, splitSize, dim);
    public Tensor[] Split(int[] sizes, int dim = 0) => JoinOps.Split(this, sizes, dim);
    public Tensor[] Chunk(int chunks, int dim = 0) => JoinOps.Chunk(this, chunks, dim);
    /// <summary>
    /// The slices along <paramref name="dim"/>, that dimension removed (PyTorch's unbind). Use it instead of
    /// <c>Select(dim, t)</c> in a loop over t: all slices share one backward node, whereas each Select's
    /// backward scatters into a zero tensor the size of the whole input, which is quadratic in the length.
    /// </summary>
    public Tensor[] Unbind(int dim = 0)
    {
        int d = dim < 0 ? dim + Dim : dim;
        if (Size(d) == 0) return [];
        var pieces = JoinOps.Split(this, 1, d);
        for (int i = 0; i < pieces.Length; i++) pieces[i] = ViewOps.Squeeze(pieces[i], d);
        return pieces;
    }
    public Tensor IndexSelect(int dim, Tensor index) => IndexingOps.IndexSelect(this, dim, index);
    public Tensor Gather(int dim, Tensor index) => IndexingOps.Gather(this, dim, index);
}
