using System.Security.Cryptography;

namespace Backprop.Site;

/// <summary>
/// Images from outputs and markdown attachments, written once each under <c>images/</c> with a
/// name made of the content's hash: nothing a notebook names reaches the file system.
/// </summary>
public sealed class SiteImages(SiteFolder site)
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = "png",
        ["image/jpeg"] = "jpg",
        ["image/gif"] = "gif",
    };

    /// <summary>The raster mime types this store accepts.</summary>
    public static IEnumerable<string> MimeTypes => Extensions.Keys;

    /// <summary>
    /// Decodes base64 image data, writes it, and returns its URL relative to a page; null when the
    /// mime type is not a raster image or the data is not valid base64.
    /// </summary>
    public string? Add(string mimeType, string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        if (!Extensions.TryGetValue(mimeType, out var extension))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(string.Concat(base64.Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            return null;
        }

        var name = $"images/{Convert.ToHexStringLower(SHA256.HashData(bytes))[..20]}.{extension}";
        if (!File.Exists(site.PathOf(name)))
        {
            site.Write(name, bytes);
        }

        return name;
    }
}
