using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Runtime.Tests.Data;

public class MnistIdxTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Scales_bytes_to_unit_interval_and_keeps_labels()
    {
        string images = _dir.File("imgs");
        File.WriteAllBytes(images, IdxFixture.Bytes([2, 1, 3], [0, 51, 255, 102, 1, 254]));
        string labels = IdxFixture.WriteLabels(_dir.File("lbls"), [7, 2]);

        ImageDataset ds = MnistIdx.Load(images, labels);

        Assert.Equal(2, ds.Count);
        Assert.Equal((1, 3), (ds.Rows, ds.Columns));
        Assert.Equal(new[] { 0f, 0.2f, 1f }, ds.GetImage(0).ToArray());
        Assert.Equal(new[] { 0.4f, 1f / 255f, 254f / 255f }, ds.GetImage(1).ToArray());
        Assert.Equal(new[] { 7, 2 }, ds.Labels.ToArray());
    }

    [Fact]
    public void LoadMnistFolder_finds_standard_gz_names_for_both_splits()
    {
        IdxFixture.WriteImages(_dir.File("train-images-idx3-ubyte.gz"), 5, 28, 28, gzip: true);
        IdxFixture.WriteLabels(_dir.File("train-labels-idx1-ubyte.gz"), [0, 1, 2, 3, 4], gzip: true);
        IdxFixture.WriteImages(_dir.File("t10k-images-idx3-ubyte"), 2, 28, 28);
        IdxFixture.WriteLabels(_dir.File("t10k-labels-idx1-ubyte"), [9, 8]);

        var train = MnistIdx.LoadMnistFolder(_dir.Path, train: true);
        var test = MnistIdx.LoadMnistFolder(_dir.Path, train: false);

        Assert.Equal(5, train.Count);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, train.Labels.ToArray());
        Assert.Equal(new[] { 9, 8 }, test.Labels.ToArray());
        // Pixel p of image i is (i·31 + 7p) mod 256.
        Assert.Equal(((3 * 31 + 7 * 100) % 256) / 255f, train.GetImage(3)[100]);
    }

    [Fact]
    public void LoadMnistFolder_accepts_dotted_names()
    {
        IdxFixture.WriteImages(_dir.File("t10k-images.idx3-ubyte"), 1, 28, 28);
        IdxFixture.WriteLabels(_dir.File("t10k-labels.idx1-ubyte"), [4]);

        Assert.Equal(4, MnistIdx.LoadMnistFolder(_dir.Path, train: false).GetLabel(0));
    }

    [Fact]
    public void LoadMnistFolder_lists_names_it_tried()
    {
        IdxFixture.WriteImages(_dir.File("train-images-idx3-ubyte"), 1, 28, 28);

        var e = Assert.Throws<FileNotFoundException>(() => MnistIdx.LoadMnistFolder(_dir.Path, train: true));
        Assert.Contains(_dir.Path, e.Message);
        Assert.Contains("train-labels-idx1-ubyte.gz", e.Message);
    }

    [Fact]
    public void Count_mismatch_names_both_files()
    {
        string images = IdxFixture.WriteImages(_dir.File("train-images-idx3-ubyte"), 3, 28, 28);
        string labels = IdxFixture.WriteLabels(_dir.File("train-labels-idx1-ubyte"), [1, 2]);

        var e = Assert.Throws<DataFormatException>(() => MnistIdx.LoadMnistFolder(_dir.Path, train: true));
        Assert.Contains("count mismatch", e.Message);
        Assert.Contains(images, e.Message);
        Assert.Contains(labels, e.Message);
    }

    [Fact]
    public void Swapped_files_are_reported_as_wrong_dimensions()
    {
        string images = IdxFixture.WriteImages(_dir.File("imgs"), 2, 28, 28);
        string labels = IdxFixture.WriteLabels(_dir.File("lbls"), [1, 2]);

        var e = Assert.Throws<DataFormatException>(() => MnistIdx.Load(labels, images));
        Assert.Contains(labels, e.Message);
        Assert.Contains("wrong dimensions", e.Message);
        Assert.Contains("label file", e.Message);
    }

    [Fact]
    public void Label_file_with_extra_dimensions_is_rejected()
    {
        string images = IdxFixture.WriteImages(_dir.File("imgs"), 2, 28, 28);
        string labels = _dir.File("lbls");
        File.WriteAllBytes(labels, IdxFixture.Bytes([2, 1], [1, 2]));

        var e = Assert.Throws<DataFormatException>(() => MnistIdx.Load(images, labels));
        Assert.Contains(labels, e.Message);
        Assert.Contains("wrong dimensions", e.Message);
    }

    [Fact]
    public void Folder_loader_requires_28x28()
    {
        string images = IdxFixture.WriteImages(_dir.File("train-images-idx3-ubyte"), 2, 14, 28);
        IdxFixture.WriteLabels(_dir.File("train-labels-idx1-ubyte"), [1, 2]);

        var e = Assert.Throws<DataFormatException>(() => MnistIdx.LoadMnistFolder(_dir.Path, train: true));
        Assert.Contains(images, e.Message);
        Assert.Contains("14x28 but 28x28", e.Message);
    }

    [Fact]
    public void Row_and_pixel_sequences_view_the_same_pixels()
    {
        IdxFixture.WriteImages(_dir.File("train-images-idx3-ubyte"), 2, 28, 28);
        IdxFixture.WriteLabels(_dir.File("train-labels-idx1-ubyte"), [1, 2]);
        var ds = MnistIdx.LoadMnistFolder(_dir.Path, train: true);

        Assert.Equal((28, 28), ds.SequenceShape(SequenceLayout.RowByRow));
        Assert.Equal((784, 1), ds.SequenceShape(SequenceLayout.PixelByPixel));

        float[][] rows = ds.GetSequence(1, SequenceLayout.RowByRow);
        float[][] pixels = ds.GetSequence(1, SequenceLayout.PixelByPixel);
        Assert.Equal(28, rows.Length);
        Assert.All(rows, r => Assert.Equal(28, r.Length));
        Assert.Equal(784, pixels.Length);
        Assert.All(pixels, p => Assert.Single(p));
        for (int r = 0; r < 28; r++)
            for (int c = 0; c < 28; c++)
            {
                float expected = ((31 + 7 * (r * 28 + c)) % 256) / 255f;
                Assert.Equal(expected, rows[r][c]);
                Assert.Equal(expected, pixels[r * 28 + c][0]);
            }
    }

    [Fact]
    public void CopyBatch_gathers_images_and_labels_in_index_order()
    {
        var ds = new ImageDataset([1, 2, 3, 4, 5, 6], [10, 20, 30], rows: 1, columns: 2);
        var batch = new float[4];
        var labels = new int[2];

        ds.CopyBatch([2, 0], batch, labels);

        Assert.Equal(new[] { 5f, 6f, 1f, 2f }, batch);
        Assert.Equal(new[] { 30, 10 }, labels);
    }
}
