using System.Globalization;
using System.Text;
using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Runtime.Tests.Data;

public class MnistJsonTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Digit d gets d+1 images; pixel p of image i of digit d is ((d·100 + i·10 + p) mod 1000)/1000.</summary>
    private string WritePackage(string root = "package")
    {
        for (int d = 0; d <= 9; d++)
        {
            var sb = new StringBuilder("{ \"data\": [");
            for (int i = 0; i <= d; i++)
                for (int p = 0; p < 784; p++)
                {
                    if (i + p > 0)
                        sb.Append(',');
                    sb.Append(Value(d, i, p).ToString("0.###", CultureInfo.InvariantCulture));
                }
            sb.Append("] }");
            _dir.WriteText($"{root}/src/digits/{d}.json", sb.ToString());
        }
        return Path.Combine(_dir.Path, root);
    }

    private static double Value(int d, int i, int p) => (d * 100 + i * 10 + p) % 1000 / 1000.0;

    [Fact]
    public void Split_is_per_digit_prefix_and_suffix_in_file_order()
    {
        string root = WritePackage();

        var train = MnistJson.Load(root, train: true, testFraction: 0.5);
        var test = MnistJson.Load(root, train: false, testFraction: 0.5);

        // Digit d has n = d+1 images; ⌊n/2⌋ go to test: counts 0,1,1,2,2,3,3,4,4,5 → 25 test, 30 train.
        Assert.Equal(30, train.Count);
        Assert.Equal(25, test.Count);
        Assert.Equal(new[] { 0, 1, 2, 2, 3, 3 }, train.Labels[..6].ToArray());
        Assert.Equal(new[] { 1, 2, 3, 3, 4, 4 }, test.Labels[..6].ToArray());
        // Training image 3 is digit 2's second image; test image 2 is digit 3's image 2 (the last two of 4).
        Assert.Equal((float)Value(2, 1, 5), train.GetImage(3)[5]);
        Assert.Equal((float)Value(3, 2, 700), test.GetImage(2)[700]);
        Assert.Equal((28, 28), (train.Rows, train.Columns));
    }

    [Fact]
    public void Default_split_covers_every_image_exactly_once()
    {
        string root = WritePackage();
        var train = MnistJson.Load(root, train: true);
        var test = MnistJson.Load(root, train: false);

        Assert.Equal(55, train.Count + test.Count);
        for (int d = 0; d <= 9; d++)
        {
            int n = d + 1;
            Assert.Equal(n / 5, test.Labels.ToArray().Count(l => l == d)); // ⌊0.2·n⌋
        }
    }

    [Theory]
    [InlineData("package")]
    [InlineData("package/src")]
    [InlineData("package/src/digits")]
    public void Accepts_package_src_or_digits_folder(string relative)
    {
        WritePackage();
        Assert.Equal(55, MnistJson.Load(Path.Combine(_dir.Path, relative), train: true, testFraction: 0).Count);
    }

    [Theory]
    [InlineData("{ \"data\": [0.5, 0.5] }", "wrong dimensions")]
    [InlineData("{ \"pixels\": [] }", "\"data\" array")]
    [InlineData("{ \"data\": [] }", "\"data\" is empty")]
    [InlineData("{ \"data\": [0.5, ", "not valid JSON")]
    [InlineData("", "file is empty")]
    public void Corrupt_digit_file_is_reported_with_its_path(string content, string expected)
    {
        string root = WritePackage();
        string bad = _dir.WriteText("package/src/digits/4.json", content);

        var e = Assert.Throws<DataFormatException>(() => MnistJson.Load(root, train: true));
        Assert.Contains(bad, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Out_of_range_and_non_numeric_values_are_reported()
    {
        string path = _dir.WriteText("x/0.json", "{\"data\":[" + string.Join(",", Enumerable.Repeat("0", 783)) + ",1.5]}");
        var e = Assert.Throws<DataFormatException>(() => MnistJson.ReadDigitFile(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("\"data\"[783] = 1.5 is outside [0, 1]", e.Message);

        _dir.WriteText("x/0.json", "{\"data\":[" + string.Join(",", Enumerable.Repeat("0", 783)) + ",\"a\"]}");
        e = Assert.Throws<DataFormatException>(() => MnistJson.ReadDigitFile(path));
        Assert.Contains("\"data\"[783] is a String", e.Message);
    }

    [Fact]
    public void Missing_folder_and_missing_digit_file_are_reported()
    {
        Assert.Throws<DirectoryNotFoundException>(() => MnistJson.Load(Path.Combine(_dir.Path, "none"), train: true));

        string root = WritePackage();
        string seven = Path.Combine(root, "src", "digits", "7.json");
        File.Delete(seven);
        var e = Assert.Throws<FileNotFoundException>(() => MnistJson.Load(root, train: true));
        Assert.Contains(seven, e.Message);
    }
}
