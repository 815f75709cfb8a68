using System.Text;

namespace QCircuitDsl.Runtime.Serialization;

/// <summary>
/// All-or-nothing file replacement: readers see either the complete old file or the complete new one, never a
/// half-written checkpoint after a crash, Ctrl-C or full disk. The content goes to a temporary file in the same
/// directory (rename is only atomic within one file system), is flushed to the device, and then renamed over the
/// destination with <see cref="File.Move(string, string, bool)"/>. If the writer throws, the temporary file is deleted
/// and the destination is untouched.
/// </summary>
public static class AtomicFile
{
    /// <summary>Marks our temporary files so stray ones (from a killed process) are recognisable.</summary>
    public const string TempSuffix = ".tmp";

    public static void Write(string path, Action<Stream> writeContent)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(writeContent);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"{path}: has no directory", nameof(path));
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"{directory}: directory for {path} does not exist");

        // Dot-prefixed and uniquely named so concurrent writers of the same path never share a temp file.
        string tempPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                writeContent(stream);
                // Flush(true) fsyncs: without it the rename can reach the disk before the data does,
                // and a power loss would leave an empty or partial file under the final name.
                stream.Flush(flushToDisk: true);
            }
            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        Write(path, s => s.Write(copy));
    }

    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original exception is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
