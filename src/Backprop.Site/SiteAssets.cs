namespace Backprop.Site;

/// <summary>
/// The files every site carries in <c>assets/</c>: the stylesheet and the chart script (embedded
/// in Backprop.Site), and plotly.js with its licence (from Plotly.NET's assembly, see
/// <see cref="PlotlyJs"/>), written once for all pages.
/// </summary>
public static class SiteAssets
{
    /// <summary>Writes the assets into the site.</summary>
    public static void WriteTo(SiteFolder site)
    {
        ArgumentNullException.ThrowIfNull(site);
        foreach (var name in new[] { "site.css", "site.js" })
        {
            using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"Backprop.Site.Assets.{name}")
                               ?? throw new InvalidOperationException($"Backprop.Site was built without its asset {name}");
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            site.Write($"assets/{name}", bytes.ToArray());
        }

        var plotly = PlotlyJs.Read(PlotlyJs.DefaultAssemblyPath);
        site.Write("assets/plotly.min.js", plotly.Script);
        if (plotly.License is not null)
        {
            site.Write("assets/plotly.min.js.LICENSE.txt", plotly.License);
        }
    }
}
