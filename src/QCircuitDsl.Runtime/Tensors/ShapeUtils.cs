namespace QCircuitDsl.Runtime.Tensors;

/// <summary>Shape arithmetic shared by views, broadcasting and error messages.</summary>
internal static class ShapeUtils
{
    public static int Numel(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (var d in shape) n *= d;
        if (n > int.MaxValue) throw new ArgumentException($"Tensor of shape {Format(shape)} has more than {int.MaxValue} elements.");
        return (int)n;
    }

    public static int[] ContiguousStrides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        var s = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    public static bool IsContiguous(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
    {
        var expected = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            // Dimensions of size 1 can have any stride without affecting the memory layout.
            if (shape[i] != 1 && strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /// <summary>PyTorch-style shape text used in every error message: [2, 3].</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>Turns a possibly negative dim into [0, ndim), with PyTorch's error text when out of range.</summary>
    public static int NormalizeDim(int dim, int ndim, string op)
    {
        // A 0-d tensor accepts dim 0 / -1 like PyTorch does.
        var effective = Math.Max(ndim, 1);
        if (dim < -effective || dim >= effective)
            throw new ArgumentOutOfRangeException(nameof(dim),
                $"{op}: dimension out of range (expected to be in range of [{-effective}, {effective - 1}], but got {dim})");
        return dim < 0 ? dim + effective : dim;
    }

    /// <summary>NumPy/PyTorch broadcasting: align trailing dims; each pair must be equal or contain a 1.</summary>
    public static int[] Broadcast(ReadOnlySpan<int> a, ReadOnlySpan<int> b, string op)
    {
        var n = Math.Max(a.Length, b.Length);
        var result = new int[n];
        for (var i = 0; i < n; i++)
        {
            var da = i < n - a.Length ? 1 : a[i - (n - a.Length)];
            var db = i < n - b.Length ? 1 : b[i - (n - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException(
                    $"{op}: shapes {Format(a)} and {Format(b)} are not broadcastable (size {da} vs {db} at dimension {i} of the broadcast shape)");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    public static bool SameShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);
}
