namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// Loads MNIST-format image/label IDX pairs (MNIST, Fashion-MNIST, KMNIST…) into an <see cref="ImageDataset"/>.
/// Pixels are bytes 0..255 scaled by 1/255 to float32 in [0, 1].
/// </summary>
public static class MnistIdx
{
    /// <summary>Standard split prefixes: "train" for the 60k training set, "t10k" for the 10k test set.</summary>
    public static string SplitPrefix(bool train) => train ? "train" : "t10k";

    /// <summary>
    /// Loads the training (<paramref name="train"/> = true) or test split from a folder holding the standard files.
    /// Recognised names, tried in this order: <c>{prefix}-images-idx3-ubyte</c>, <c>{prefix}-images-idx3-ubyte.gz</c>,
    /// <c>{prefix}-images.idx3-ubyte</c> (the dotted spelling some mirrors use), and likewise <c>-labels-idx1-ubyte</c>;
    /// prefix is "train" or "t10k".
    /// </summary>
    public static ImageDataset LoadMnistFolder(string directory, bool train, int expectedRows = 28, int expectedColumns = 28)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"{directory}: MNIST folder not found");
        string prefix = SplitPrefix(train);
        string images = FindFile(directory, prefix, "images", 3);
        string labels = FindFile(directory, prefix, "labels", 1);
        return Load(images, labels, expectedRows, expectedColumns);
    }

    /// <summary>Loads an image file and its label file; counts must agree and images must be 2-D.</summary>
    public static ImageDataset Load(string imagesPath, string labelsPath, int? expectedRows = null, int? expectedColumns = null)
    {
        IdxArray images = IdxFile.Read(imagesPath);
        IdxArray labels = IdxFile.Read(labelsPath);

        if (images.Dimensions.Length != 3)
            throw new DataFormatException(imagesPath,
                $"wrong dimensions: an image file needs 3 dimensions [count, rows, columns] but has {images.Dimensions.Length} " +
                $"[{string.Join(", ", images.Dimensions)}]{(images.Dimensions.Length == 1 ? " (is this a label file?)" : "")}");
        if (labels.Dimensions.Length != 1)
            throw new DataFormatException(labelsPath,
                $"wrong dimensions: a label file needs 1 dimension [count] but has {labels.Dimensions.Length} " +
                $"[{string.Join(", ", labels.Dimensions)}]{(labels.Dimensions.Length == 3 ? " (is this an image file?)" : "")}");

        int count = images.Dimensions[0], rows = images.Dimensions[1], columns = images.Dimensions[2];
        if (rows == 0 || columns == 0)
            throw new DataFormatException(imagesPath, $"wrong dimensions: images are {rows}x{columns}");
        if ((expectedRows is int er && er != rows) || (expectedColumns is int ec && ec != columns))
            throw new DataFormatException(imagesPath,
                $"wrong dimensions: images are {rows}x{columns} but {expectedRows}x{expectedColumns} were expected");
        if (labels.Dimensions[0] != count)
            throw new DataFormatException(imagesPath,
                $"label/image count mismatch: {count} images here but {labels.Dimensions[0]} labels in {labelsPath}");

        var pixels = new float[images.Data.Length];
        // Multiplying by a precomputed 1/255 would differ from b/255f in the last bit for some b; divide to be exact.
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = images.Data[i] / 255f;
        var labelValues = new int[count];
        for (int i = 0; i < count; i++)
            labelValues[i] = labels.Data[i];
        return new ImageDataset(pixels, labelValues, rows, columns);
    }

    private static string FindFile(string directory, string prefix, string kind, int rank)
    {
        string[] candidates =
        [
            $"{prefix}-{kind}-idx{rank}-ubyte",
            $"{prefix}-{kind}-idx{rank}-ubyte.gz",
            $"{prefix}-{kind}.idx{rank}-ubyte",
            $"{prefix}-{kind}.idx{rank}-ubyte.gz",
        ];
        foreach (string name in candidates)
        {
            string path = Path.Combine(directory, name);
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException(
            $"{directory}: no MNIST {kind} file for split '{prefix}'; looked for {string.Join(", ", candidates)}",
            Path.Combine(directory, candidates[1]));
    }
}
