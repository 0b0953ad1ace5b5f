using System.Text;

namespace Backprop.Runner.Notebooks;

/// <summary>
/// Replaces a file all at once: the text goes to a temporary file in the same folder (same file
/// system, so the move is a rename), which then replaces the target. A crash leaves either the
/// old file or the new one, never half of each.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text (without a byte-order mark) to <paramref name="path"/>.</summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
