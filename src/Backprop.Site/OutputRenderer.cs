using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backprop.Shared;

namespace Backprop.Site;

/// <summary>
/// A code cell's outputs as HTML, each escaped by what it is: text/plain, streams and errors are
/// escaped text in <c>&lt;pre&gt;</c>; text/html and image/svg+xml are markup and go in as they are
/// (chart scripts rewritten by <see cref="PlotlyRewriter"/>); raster images are decoded and written
/// as files. A display with several representations shows the richest one.
/// </summary>
public sealed partial class OutputRenderer(SiteImages images)
{
    /// <summary>How many interactive charts the rendered outputs hold so far.</summary>
    public int Charts { get; private set; }

    /// <summary>One output object (nbformat 4) as HTML.</summary>
    public string ToHtml(JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var type = (string?)output["output_type"];
        return type switch
        {
            "stream" => Pre((string?)output["name"] == "stderr" ? "output-stream stderr" : "output-stream", NotebookText.Join(output["text"])),
            "error" => Error(output),
            "display_data" or "execute_result" or "update_display_data" => Display(output["data"] as JsonObject ?? []),
            _ => "",
        };
    }

    private string Display(JsonObject data)
    {
        string Text(string mime) => NotebookText.Join(data[mime]);
        if (data.ContainsKey("text/html"))
        {
            var html = PlotlyRewriter.Rewrite(Text("text/html"), out var charts);
            Charts += charts;
            return $"<div class=\"output-html\">{html}</div>";
        }

        if (data.ContainsKey("image/svg+xml"))
        {
            return $"<div class=\"output-svg\">{Text("image/svg+xml")}</div>";
        }

        foreach (var mime in SiteImages.MimeTypes.Where(data.ContainsKey))
        {
            if (images.Add(mime, Text(mime)) is { } url)
            {
                return $"<div class=\"output-image\"><img src=\"{HtmlEscape.Text(url)}\" alt=\"output image\"></div>";
            }
        }

        if (data.ContainsKey("text/markdown"))
        {
            return $"<div class=\"output-markdown\">{MarkdownRenderer.InlineToHtml(Text("text/markdown"))}</div>";
        }

        return data.ContainsKey("text/plain") ? Pre("output-text", Text("text/plain")) : "";
    }

    private static string Error(JsonObject output)
    {
        var text = new StringBuilder().Append((string?)output["ename"]).Append(": ").Append((string?)output["evalue"]);
        foreach (var line in output["traceback"] as JsonArray ?? [])
        {
            text.Append('\n').Append((string?)line);
        }

        return Pre("output-error", text.ToString());
    }

    private static string Pre(string css, string text) =>
        $"<pre class=\"{css}\">{HtmlEscape.Text(AnsiEscape().Replace(text, "").TrimEnd('\n'))}</pre>";

    // Terminal colour codes in tracebacks.
    [GeneratedRegex("\u001b\\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
