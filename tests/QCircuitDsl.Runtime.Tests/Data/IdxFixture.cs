using System.Buffers.Binary;
using System.IO.Compression;

namespace QCircuitDsl.Runtime.Tests.Data;

/// <summary>Builds IDX files byte by byte, independently of the reader under test.</summary>
internal static class IdxFixture
{
    public static byte[] Bytes(int[] dims, byte[] data, byte type = 0x08)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        bytes[2] = type;
        bytes[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
            gz.Write(raw);
        return output.ToArray();
    }

    /// <summary>n images of rows×cols where pixel p of image i is (i·31 + p·7) mod 256.</summary>
    public static byte[] ImagePixels(int n, int rows, int cols)
    {
        var data = new byte[n * rows * cols];
        for (int i = 0; i < n; i++)
            for (int p = 0; p < rows * cols; p++)
                data[i * rows * cols + p] = (byte)((i * 31 + p * 7) % 256);
        return data;
    }

    public static string WriteImages(string path, int n, int rows, int cols, bool gzip = false)
    {
        byte[] raw = Bytes([n, rows, cols], ImagePixels(n, rows, cols));
        File.WriteAllBytes(path, gzip ? Gzip(raw) : raw);
        return path;
    }

    public static string WriteLabels(string path, byte[] labels, bool gzip = false)
    {
        byte[] raw = Bytes([labels.Length], labels);
        File.WriteAllBytes(path, gzip ? Gzip(raw) : raw);
        return path;
    }
}
