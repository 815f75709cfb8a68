using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Runtime.Tests.Data;

public class IdxFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_header_and_data_of_raw_file()
    {
        string path = _dir.File("x-idx3-ubyte");
        File.WriteAllBytes(path, IdxFixture.Bytes([2, 1, 3], [1, 2, 3, 4, 5, 255]));

        IdxArray idx = IdxFile.Read(path);

        Assert.Equal(new[] { 2, 1, 3 }, idx.Dimensions);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 255 }, idx.Data);
    }

    [Theory]
    [InlineData("plain-name")]       // gzip detected by magic bytes even without .gz
    [InlineData("labels-idx1-ubyte.gz")]
    public void Reads_gzipped_file(string name)
    {
        string path = _dir.File(name);
        File.WriteAllBytes(path, IdxFixture.Gzip(IdxFixture.Bytes([4], [9, 8, 7, 6])));

        Assert.Equal(new byte[] { 9, 8, 7, 6 }, IdxFile.Read(path).Data);
    }

    [Fact]
    public void Accepts_uncompressed_content_behind_a_gz_name()
    {
        string path = _dir.File("labels.gz");
        File.WriteAllBytes(path, IdxFixture.Bytes([2], [1, 2]));

        Assert.Equal(new byte[] { 1, 2 }, IdxFile.Read(path).Data);
    }

    [Fact]
    public void Bad_magic_names_file_and_value()
    {
        string path = _dir.File("bad-magic");
        var bytes = IdxFixture.Bytes([1], [0]);
        bytes[0] = 0x12;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("bad magic number 0x12000801", e.Message);
    }

    [Fact]
    public void Unsupported_element_type_is_reported_as_bad_magic()
    {
        string path = _dir.File("float-idx");
        File.WriteAllBytes(path, IdxFixture.Bytes([1], [0, 0, 0, 0], type: 0x0D));

        var e = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("element type 0x0D", e.Message);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        string path = _dir.File("empty-idx1-ubyte");
        File.WriteAllBytes(path, []);

        var e = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Truncated_data_is_reported_with_sizes()
    {
        string path = _dir.File("short-idx3-ubyte");
        var bytes = IdxFixture.Bytes([2, 2, 2], new byte[8]);
        File.WriteAllBytes(path, bytes[..^3]);

        var e = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated data", e.Message);
        Assert.Contains("8 bytes", e.Message);
        Assert.Contains("only 5", e.Message);
    }

    [Fact]
    public void Truncated_gzip_stream_is_reported()
    {
        string path = _dir.File("cut.gz");
        byte[] gz = IdxFixture.Gzip(IdxFixture.Bytes([3, 28, 28], IdxFixture.ImagePixels(3, 28, 28)));
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);

        var e = Assert.ThrowsAny<IOException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Truncated_header_is_reported()
    {
        string path = _dir.File("header-idx3-ubyte");
        File.WriteAllBytes(path, IdxFixture.Bytes([5, 28, 28], [])[..9]);

        var e = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated header", e.Message);
    }

    [Fact]
    public void Trailing_bytes_are_reported()
    {
        string path = _dir.File("long-idx1-ubyte");
        File.WriteAllBytes(path, [.. IdxFixture.Bytes([1], [3]), 0, 0]);

        var e = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("2 unexpected trailing bytes", e.Message);
    }

    [Fact]
    public void Missing_file_names_path()
    {
        string path = Path.Combine(_dir.Path, "nope-idx1-ubyte");
        var e = Assert.Throws<FileNotFoundException>(() => IdxFile.Read(path));
        Assert.Contains(path, e.Message);
    }
}
