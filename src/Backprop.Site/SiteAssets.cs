namespace Backprop.Site;

/// <summary>
/// The files every site carries in <c>assets/</c>: the stylesheet and the page script (embedded
/// in Backprop.Site), plotly.js with its licence (from Plotly.NET's assembly, see
/// <see cref="PlotlyJs"/>), and KaTeX with its fonts and licence (vendored in
/// <c>src/Backprop.Site/katex/</c>, embedded, written to <c>assets/katex/</c>), written once for
/// all pages. Nothing is downloaded.
/// </summary>
public static class SiteAssets
{
    /// <summary>The vendored KaTeX's version (npm package <c>katex</c>).</summary>
    public const string KaTeXVersion = "0.19.1";

    /// <summary>Where KaTeX's files go in the site; its stylesheet finds its fonts relative to itself.</summary>
    public const string KaTeXFolder = "assets/katex";

    private const string KaTeXPrefix = "Backprop.Site.katex/";

    /// <summary>KaTeX's files as embedded, by path relative to <see cref="KaTeXFolder"/> ("fonts/KaTeX_Main-Regular.woff2").</summary>
    public static IReadOnlyList<string> KaTeXFiles { get; } = typeof(SiteAssets).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(KaTeXPrefix, StringComparison.Ordinal))
        .Select(n => n[KaTeXPrefix.Length..].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Writes the assets into the site.</summary>
    public static void WriteTo(SiteFolder site)
    {
        ArgumentNullException.ThrowIfNull(site);
        foreach (var name in new[] { "site.css", "site.js" })
        {
            site.Write($"assets/{name}", Resource($"Backprop.Site.Assets.{name}"));
        }

        var plotly = PlotlyJs.Read(PlotlyJs.DefaultAssemblyPath);
        site.Write("assets/plotly.min.js", plotly.Script);
        if (plotly.License is not null)
        {
            site.Write("assets/plotly.min.js.LICENSE.txt", plotly.License);
        }

        foreach (var file in KaTeXFiles)
        {
            site.Write($"{KaTeXFolder}/{file}", KaTeXFile(file));
        }
    }

    /// <summary>One of <see cref="KaTeXFiles"/>, as embedded.</summary>
    public static byte[] KaTeXFile(string file) =>
        Resource(typeof(SiteAssets).Assembly.GetManifestResourceNames().Single(n => n.StartsWith(KaTeXPrefix, StringComparison.Ordinal) && n[KaTeXPrefix.Length..].Replace('\\', '/') == file));

    private static byte[] Resource(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"Backprop.Site was built without its asset {name}");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
