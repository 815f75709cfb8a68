namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// Grey-scale images with integer class labels, held as plain arrays so the data layer does not depend on
/// the tensor library: <see cref="Pixels"/> is [Count, Rows, Columns] row-major float32 in [0, 1].
/// Both sequence layouts view the same row-major pixels, so a [B, T, F] batch is just consecutive images.
/// </summary>
public sealed class ImageDataset
{
    private readonly float[] _pixels;
    private readonly int[] _labels;

    public ImageDataset(float[] pixels, int[] labels, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (pixels.Length != (long)labels.Length * rows * columns)
            throw new ArgumentException(
                $"{pixels.Length} pixels do not make {labels.Length} images of {rows}x{columns}", nameof(pixels));
        _pixels = pixels;
        _labels = labels;
        Rows = rows;
        Columns = columns;
    }

    public int Count => _labels.Length;
    public int Rows { get; }
    public int Columns { get; }
    public int PixelsPerImage => Rows * Columns;

    /// <summary>All pixels, [Count, Rows, Columns] row-major.</summary>
    public ReadOnlySpan<float> Pixels => _pixels;

    /// <summary>All labels in dataset order.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>Number of classes assumed by one-hot style consumers: max label + 1 (10 for (Fashion-)MNIST).</summary>
    public int ClassCount => _labels.Length == 0 ? 0 : _labels.Max() + 1;

    public ReadOnlySpan<float> GetImage(int index) => _pixels.AsSpan(CheckIndex(index) * PixelsPerImage, PixelsPerImage);

    public int GetLabel(int index) => _labels[CheckIndex(index)];

    /// <summary>(steps T, features per step F) of one image in <paramref name="layout"/>.</summary>
    public (int Steps, int Features) SequenceShape(SequenceLayout layout) => layout switch
    {
        SequenceLayout.RowByRow => (Rows, Columns),
        SequenceLayout.PixelByPixel => (PixelsPerImage, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    /// <summary>Image <paramref name="index"/> as T arrays of F features.</summary>
    public float[][] GetSequence(int index, SequenceLayout layout)
    {
        var (steps, features) = SequenceShape(layout);
        var image = GetImage(index);
        var sequence = new float[steps][];
        for (int t = 0; t < steps; t++)
            sequence[t] = image.Slice(t * features, features).ToArray();
        return sequence;
    }

    /// <summary>
    /// Copies the images at <paramref name="indices"/> into <paramref name="destination"/> as a batch-first
    /// [B, T, F] block (identical bytes for both layouts; only the shape you give your model differs)
    /// and their labels into <paramref name="labels"/>.
    /// </summary>
    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> destination, Span<int> labels)
    {
        int per = PixelsPerImage;
        if (destination.Length < indices.Length * per)
            throw new ArgumentException($"destination holds {destination.Length} floats, batch needs {indices.Length * per}", nameof(destination));
        if (labels.Length < indices.Length)
            throw new ArgumentException($"labels holds {labels.Length} ints, batch needs {indices.Length}", nameof(labels));
        for (int b = 0; b < indices.Length; b++)
        {
            GetImage(indices[b]).CopyTo(destination.Slice(b * per, per));
            labels[b] = _labels[indices[b]];
        }
    }

    /// <summary>
    /// The same images with pixels reordered: new pixel t = old pixel permutation[t]
    /// (the pMNIST construction; see <see cref="PixelPermutation"/>).
    /// </summary>
    public ImageDataset Permute(ReadOnlySpan<int> permutation)
    {
        if (!PixelPermutation.IsPermutation(permutation, PixelsPerImage))
            throw new ArgumentException($"not a permutation of 0..{PixelsPerImage - 1}", nameof(permutation));
        var permuted = new float[_pixels.Length];
        int per = PixelsPerImage;
        for (int i = 0; i < Count; i++)
            PixelPermutation.Apply(permutation, _pixels.AsSpan(i * per, per), permuted.AsSpan(i * per, per));
        return new ImageDataset(permuted, (int[])_labels.Clone(), Rows, Columns);
    }

    /// <summary>The subset at <paramref name="indices"/>, in that order (copies).</summary>
    public ImageDataset Select(ReadOnlySpan<int> indices)
    {
        var pixels = new float[indices.Length * PixelsPerImage];
        var labels = new int[indices.Length];
        CopyBatch(indices, pixels, labels);
        return new ImageDataset(pixels, labels, Rows, Columns);
    }

    private int CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"dataset has {Count} images");
        return index;
    }
}
