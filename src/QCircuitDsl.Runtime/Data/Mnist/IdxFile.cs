using System.Buffers.Binary;
using System.IO.Compression;

namespace QCircuitDsl.Runtime.Data;

/// <summary>The contents of an IDX file whose element type is unsigned byte (all of MNIST and Fashion-MNIST).</summary>
/// <param name="Path">The file it came from, kept for later error messages.</param>
/// <param name="Dimensions">Sizes from the header, outermost first (e.g. [60000, 28, 28]).</param>
/// <param name="Data">Elements in row-major order.</param>
public sealed record IdxArray(string Path, int[] Dimensions, byte[] Data);

/// <summary>
/// Reader for LeCun's IDX format: magic <c>00 00 TT DD</c> (TT = element type, DD = number of dimensions),
/// then DD big-endian int32 sizes, then the elements. Files may be raw or gzip-compressed; compression is
/// detected from the gzip magic bytes (1F 8B), not trusted from the extension, because the extracted files
/// people keep around are often still named <c>.gz</c> or vice versa — a <c>.gz</c> name on a non-gzip file
/// is only accepted when the content itself starts with a valid IDX magic.
/// </summary>
public static class IdxFile
{
    /// <summary>IDX element type code for unsigned byte.</summary>
    public const byte UnsignedByteType = 0x08;

    public static IdxArray Read(string path)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"{path}: IDX file not found", path, e);
        }
        if (raw.Length == 0)
            throw new DataFormatException(path, "file is empty");

        byte[] content = IsGzip(raw) ? Gunzip(path, raw) : raw;
        if (content.Length == 0)
            throw new DataFormatException(path, "file is empty after gzip decompression");
        return Parse(path, content);
    }

    /// <summary>Parses an already-decompressed IDX image; <paramref name="path"/> is used for messages only.</summary>
    public static IdxArray Parse(string path, ReadOnlySpan<byte> content)
    {
        if (content.Length < 4)
            throw new DataFormatException(path, $"truncated header: {content.Length} bytes, need at least 4 for the magic number");

        uint magic = BinaryPrimitives.ReadUInt32BigEndian(content);
        byte type = content[2];
        int rank = content[3];
        if (content[0] != 0 || content[1] != 0)
            throw new DataFormatException(path,
                $"bad magic number 0x{magic:X8}: an IDX file starts with two zero bytes, then the element type and rank " +
                "(e.g. 0x00000803 for images, 0x00000801 for labels); is this really an IDX file, or a compressed one that failed to decompress?");
        if (type != UnsignedByteType)
            throw new DataFormatException(path,
                $"bad magic number 0x{magic:X8}: element type 0x{type:X2} is not supported, only unsigned byte (0x08)");
        if (rank == 0)
            throw new DataFormatException(path, $"bad magic number 0x{magic:X8}: zero dimensions");

        int headerLength = 4 + 4 * rank;
        if (content.Length < headerLength)
            throw new DataFormatException(path,
                $"truncated header: {rank} dimension sizes need {headerLength} bytes but the file has {content.Length}");

        var dims = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(4 + 4 * i));
            if (size > int.MaxValue)
                throw new DataFormatException(path, $"wrong dimensions: size {size} of dimension {i} is too large");
            dims[i] = (int)size;
            count *= size;
            if (count > Array.MaxLength)
                throw new DataFormatException(path, $"wrong dimensions: [{string.Join(", ", dims[..(i + 1)])}] holds more elements than an array can");
        }

        long available = content.Length - headerLength;
        if (available < count)
            throw new DataFormatException(path,
                $"truncated data: header [{string.Join(", ", dims)}] promises {count} bytes of data but only {available} follow");
        if (available > count)
            throw new DataFormatException(path,
                $"{available - count} unexpected trailing bytes after the {count} data bytes of [{string.Join(", ", dims)}]");

        return new IdxArray(path, dims, content.Slice(headerLength).ToArray());
    }

    private static bool IsGzip(byte[] raw) => raw.Length >= 2 && raw[0] == 0x1F && raw[1] == 0x8B;

    private static byte[] Gunzip(string path, byte[] raw)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream(raw.Length * 4);
            gz.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(path, $"corrupt or truncated gzip stream ({e.Message})", e);
        }
        catch (EndOfStreamException e)
        {
            throw new DataFormatException(path, "truncated gzip stream", e);
        }
    }
}
