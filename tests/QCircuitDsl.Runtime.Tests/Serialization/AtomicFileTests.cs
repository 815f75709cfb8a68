using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tests.Data;

namespace QCircuitDsl.Runtime.Tests.Serialization;

public class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writes_content_and_leaves_no_temp_file()
    {
        string path = Path.Combine(_dir.Path, "ckpt.bin");

        AtomicFile.Write(path, s => s.Write([1, 2, 3]));

        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Replaces_existing_file()
    {
        string path = Path.Combine(_dir.Path, "ckpt.bin");
        File.WriteAllBytes(path, [9, 9, 9, 9, 9]);

        AtomicFile.Write(path, s => s.Write([4]));

        Assert.Equal(new byte[] { 4 }, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Writer_exception_preserves_old_file_and_removes_temp()
    {
        string path = Path.Combine(_dir.Path, "ckpt.bin");
        File.WriteAllBytes(path, [7, 7]);
        string? tempSeen = null;

        var e = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write([1, 2, 3]);
            s.Flush();
            tempSeen = Directory.GetFiles(_dir.Path).Single(f => f != path);
            throw new InvalidOperationException("disk full, say");
        }));

        Assert.Equal("disk full, say", e.Message);
        Assert.Equal(new byte[] { 7, 7 }, File.ReadAllBytes(path));
        Assert.NotNull(tempSeen);
        Assert.Equal(_dir.Path, Path.GetDirectoryName(tempSeen)); // same directory, so the rename is atomic
        Assert.EndsWith(AtomicFile.TempSuffix, tempSeen);
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Writer_exception_without_old_file_creates_nothing()
    {
        string path = Path.Combine(_dir.Path, "new.bin");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, _ => throw new IOException("boom")));

        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Failed_safetensors_write_keeps_previous_checkpoint()
    {
        string path = Path.Combine(_dir.Path, "model.safetensors");
        SafetensorsFile.Write(path, [SafetensorsTensor.FromFloats("w", [1f, 2f])]);
        byte[] before = File.ReadAllBytes(path);

        Assert.Throws<SafetensorsFormatException>(() =>
            SafetensorsFile.Write(path, [new SafetensorsTensor("w", "F32", [2], new byte[3])]));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Missing_directory_is_reported()
    {
        string path = Path.Combine(_dir.Path, "no", "such", "dir", "x.bin");
        var e = Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(path, _ => { }));
        Assert.Contains("x.bin", e.Message);
    }

    [Fact]
    public void WriteAllText_writes_utf8_without_bom()
    {
        string path = Path.Combine(_dir.Path, "t.txt");
        AtomicFile.WriteAllText(path, "é");
        Assert.Equal(new byte[] { 0xC3, 0xA9 }, File.ReadAllBytes(path));
    }
}
