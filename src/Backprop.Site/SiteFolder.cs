using System.Text;

namespace Backprop.Site;

/// <summary>
/// The site is built in a staging folder beside <c>--out</c> and swapped in only when complete,
/// so a failed export leaves the previous site whole. Every file goes through
/// <see cref="Write(string, byte[])"/>, which refuses any path that would leave the staging folder,
/// whatever a notebook's names say. An existing <c>--out</c> is replaced only if it is empty or
/// a site this exporter wrote (it carries <see cref="Marker"/>).
/// </summary>
public sealed class SiteFolder : IDisposable
{
    /// <summary>The file that marks a folder as an exported site, safe to replace.</summary>
    public const string Marker = ".backprop-site";

    private bool published;

    /// <summary>Creates an empty staging folder next to <paramref name="target"/>.</summary>
    public SiteFolder(string target)
    {
        Target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        CheckReplaceable(Target);
        var parent = Path.GetDirectoryName(Target) ?? throw new ArgumentException($"--out cannot be a file system root: {target}", nameof(target));
        Directory.CreateDirectory(parent);
        Staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.{Guid.NewGuid():N}.staging");
        Directory.CreateDirectory(Staging);
    }

    /// <summary>The folder the site ends up in.</summary>
    public string Target { get; }

    /// <summary>The folder being filled.</summary>
    public string Staging { get; }

    /// <summary>
    /// The full path of <paramref name="relative"/> inside the staging folder; throws
    /// <see cref="InvalidOperationException"/> for a path that is rooted or climbs out.
    /// </summary>
    public string PathOf(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        var full = Path.GetFullPath(Path.Combine(Staging, relative));
        if (Path.IsPathRooted(relative) || !full.StartsWith(Staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to write outside the site folder: '{relative}'");
        }

        return full;
    }

    /// <summary>Writes bytes to a path relative to the site's root.</summary>
    public void Write(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Writes UTF-8 text (no byte-order mark) to a path relative to the site's root.</summary>
    public void Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Moves the finished site into place: the old one aside, the new one in, the old one deleted.</summary>
    public void Publish()
    {
        Write(Marker, "Written by Backprop.Runner export; the whole folder is replaced on the next export.\n");
        string? old = null;
        if (Directory.Exists(Target))
        {
            CheckReplaceable(Target);
            old = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.{Guid.NewGuid():N}.old");
            Directory.Move(Target, old);
        }

        Directory.Move(Staging, Target);
        published = true;
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Deletes the staging folder unless it was published.</summary>
    public void Dispose()
    {
        if (!published && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }

    private static void CheckReplaceable(string target)
    {
        if (File.Exists(target))
        {
            throw new IOException($"--out {target} is a file, not a folder");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, Marker)))
        {
            throw new IOException($"refusing to replace {target}: it is not empty and was not written by export (no {Marker} file); choose another --out or empty it");
        }
    }
}
