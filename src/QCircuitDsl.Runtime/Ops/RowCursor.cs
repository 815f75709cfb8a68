namespace QCircuitDsl.Runtime.Ops;

/// <summary>
/// Walks the storage offsets of the "rows" (all dims but the last) of a strided view in row-major order. Kernels use it
/// to handle any view layout while still processing the innermost dimension as a span.
/// </summary>
internal struct RowCursor
{
    private readonly int[] _shape;
    private readonly int[] _strides;
    private readonly int[] _index;

    /// <summary>Storage offset of the current row's first element.</summary>
    public int Offset;

    public RowCursor(int[] shape, int[] strides, int offset)
    {
        // Only the outer dims (all but the last) are walked.
        var outer = Math.Max(shape.Length - 1, 0);
        _shape = shape[..outer];
        _strides = strides[..outer];
        _index = new int[outer];
        Offset = offset;
    }

    /// <summary>Positions the cursor at row <paramref name="row"/> (row-major numbering of the outer dims).</summary>
    public void Seek(int row, int baseOffset)
    {
        Offset = baseOffset;
        for (var d = _shape.Length - 1; d >= 0; d--)
        {
            var size = _shape[d];
            _index[d] = row % size;
            row /= size;
            Offset += _index[d] * _strides[d];
        }
    }

    public void Next()
    {
        for (var d = _shape.Length - 1; d >= 0; d--)
        {
            _index[d]++;
            Offset += _strides[d];
            if (_index[d] < _shape[d]) return;
            Offset -= _index[d] * _strides[d];
            _index[d] = 0;
        }
    }
}
