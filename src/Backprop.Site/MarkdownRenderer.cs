using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backprop.Shared;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Backprop.Site;

/// <summary>
/// Markdown cells to HTML with Markdig's advanced extensions (tables, task lists, footnotes, math
/// …), CommonMark's line breaks included: a line ending in two spaces or a backslash breaks, a
/// plain newline is a soft break (a space), as in VS Code's and Jupyter's markdown. Formulas are
/// found by Markdig's math extension alone (<c>$…$</c>, <c>$$…$$</c>, the rules VS Code's KaTeX
/// follows): their TeX is kept exactly as written, only HTML-escaped, in <c>&lt;span
/// class="math"&gt;\(…\)&lt;/span&gt;</c> and (display math) <c>\[…\]</c>, the delimiters the
/// site's KaTeX typesets (assets/site.js). C# fences are highlighted by
/// <see cref="CSharpHighlighter"/>, and <c>attachment:</c> images point at files written by
/// <see cref="SiteImages"/>.
/// </summary>
public sealed partial class MarkdownRenderer(SiteImages images)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    // Titles, summaries and markdown outputs: raw HTML in them is shown as text.
    private static readonly MarkdownPipeline TextPipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    /// <summary>Whether HTML holds a formula this renderer wrote (and so needs KaTeX).</summary>
    public static bool HasFormulas(string html) =>
        html.Contains("<span class=\"math", StringComparison.Ordinal) || html.Contains("<div class=\"math", StringComparison.Ordinal);

    /// <summary>A markdown cell's HTML.</summary>
    public string ToHtml(string markdown, JsonObject? attachments)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url?.StartsWith("attachment:", StringComparison.Ordinal) == true)
            {
                link.Url = Attachment(attachments, link.Url["attachment:".Length..]) ?? "";
            }
            else if (link.Url is { } url && !url.Contains(':', StringComparison.Ordinal) && !url.Contains('/', StringComparison.Ordinal))
            {
                link.Url = SitePageOf(url); // another lesson or the cheat sheet, next to this notebook
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new DisplayAwareMathInlineRenderer());
        var plainCode = renderer.ObjectRenderers.Find<CodeBlockRenderer>()!;
        renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new HighlightedCodeRenderer(plainCode));
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Markdown text (a title, a summary) as HTML without the surrounding paragraph; raw HTML in it
    /// is escaped, never passed through.
    /// </summary>
    public static string InlineToHtml(string markdown)
    {
        var html = Markdown.ToHtml(AsParagraph(markdown), TextPipeline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    // "1. The perceptron" is a title, not a list: escape what would start another block.
    private static string AsParagraph(string text) => BlockStart().Replace(text.TrimStart(), @"$1\$2");

    [GeneratedRegex(@"^(\d*)([.)#>+*-])(?=\s|$)")]
    private static partial Regex BlockStart();

    /// <summary>The site page of a notebook or markdown file: "cheat-sheet.md" → "cheat-sheet.html".</summary>
    public static string PageNameOf(string path) => Lesson.SlugOf(Path.GetFileNameWithoutExtension(path)) + ".html";

    // "07-recursion.ipynb#top" → "07-recursion.html#top"; other links stay as they are.
    private static string SitePageOf(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (file, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        return file.EndsWith(".ipynb", StringComparison.Ordinal) || file.EndsWith(".md", StringComparison.Ordinal) ? PageNameOf(file) + fragment : url;
    }

    /// <summary>Markdown text as plain text (for a page's &lt;title&gt;), not yet HTML-escaped.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(AsParagraph(markdown), TextPipeline).Trim();

    private string? Attachment(JsonObject? attachments, string name)
    {
        if (attachments?[Uri.UnescapeDataString(name)] is not JsonObject data)
        {
            return null;
        }

        return SiteImages.MimeTypes
            .Where(data.ContainsKey)
            .Select(mime => images.Add(mime, NotebookText.Join(data[mime])))
            .FirstOrDefault(url => url is not null);
    }

    // Markdig writes every inline formula as \(…\); a $$…$$ inside a paragraph is display math,
    // so it gets KaTeX's display delimiters \[…\] instead.
    private sealed class DisplayAwareMathInlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline obj)
        {
            var display = obj.DelimiterCount > 1;
            renderer.Write(display ? "<span class=\"math math-display\">\\[" : "<span class=\"math\">\\(")
                .WriteEscape(obj.Content).Write(display ? "\\]</span>" : "\\)</span>");
        }
    }

    private sealed class HighlightedCodeRenderer(CodeBlockRenderer plain) : HtmlObjectRenderer<CodeBlock>
    {
        private static readonly HashSet<string> CSharp = new(StringComparer.OrdinalIgnoreCase) { "csharp", "cs", "c#" };

        protected override void Write(HtmlRenderer renderer, CodeBlock obj)
        {
            if (obj is FencedCodeBlock { Info: { } info } && CSharp.Contains(info))
            {
                renderer.EnsureLine().Write("<pre class=\"code\"><code class=\"language-csharp\">")
                    .Write(CSharpHighlighter.ToHtml(obj.Lines.ToString())).WriteLine("</code></pre>");
            }
            else if (obj is FencedCodeBlock { Info: "mermaid" })
            {
                // No mermaid.js offline: the diagram's source is shown as text.
                renderer.EnsureLine().Write("<pre class=\"code mermaid-source\" title=\"Mermaid diagram source\">")
                    .Write(HtmlEscape.Text(obj.Lines.ToString())).WriteLine("</pre>");
            }
            else
            {
                plain.Write(renderer, obj);
            }
        }
    }
}
