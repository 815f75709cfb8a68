namespace QCircuitDsl.Runtime.Ops;

/// <summary>Layout helpers: merging dimensions that are laid out back-to-back so loops get long inner rows.</summary>
internal static class Layout
{
    /// <summary>
    /// Merges adjacent dims that are contiguous with each other in every operand (same shape for all operands), and
    /// drops size-1 dims. A fully contiguous tensor becomes one dim, so kernels hit their vectorised fast path.
    /// </summary>
    public static (int[] Shape, int[][] Strides) Coalesce(int[] shape, params int[][] strides)
    {
        var dims = new List<int>();
        for (var d = 0; d < shape.Length; d++) if (shape[d] != 1) dims.Add(d);
        if (dims.Count == 0) return ([1], strides.Select(_ => new[] { 1 }).ToArray());

        var newShape = new List<int> { shape[dims[0]] };
        var newStrides = strides.Select(s => new List<int> { s[dims[0]] }).ToArray();
        for (var i = 1; i < dims.Count; i++)
        {
            var d = dims[i];
            var last = newShape.Count - 1;
            var mergeable = true;
            for (var k = 0; k < strides.Length; k++)
                if (newStrides[k][last] != strides[k][d] * shape[d]) { mergeable = false; break; }
            if (mergeable)
            {
                newShape[last] *= shape[d];
                for (var k = 0; k < strides.Length; k++) newStrides[k][last] = strides[k][d];
            }
            else
            {
                newShape.Add(shape[d]);
                for (var k = 0; k < strides.Length; k++) newStrides[k].Add(strides[k][d]);
            }
        }
        return (newShape.ToArray(), newStrides.Select(s => s.ToArray()).ToArray());
    }

    /// <summary>Strides that view <paramref name="shape"/> (right-aligned) as <paramref name="target"/>: stride 0 where
    /// the tensor is broadcast.</summary>
    public static int[] BroadcastStrides(int[] shape, int[] strides, int[] target)
    {
        var result = new int[target.Length];
        var lead = target.Length - shape.Length;
        for (var i = 0; i < shape.Length; i++)
            result[lead + i] = shape[i] == 1 && target[lead + i] != 1 ? 0 : strides[i];
        return result;
    }
}
