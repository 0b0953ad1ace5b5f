using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Backprop.Shared;

namespace Backprop.Site;

/// <summary>
/// The site's HTML: one page per lesson (markdown, highlighted code, outputs, previous/next
/// links) and the index listing every lesson with its summary. Layout only; the styles are in
/// <c>assets/site.css</c>.
/// </summary>
public sealed class SitePages(string courseTitle, SiteImages images)
{
    private readonly MarkdownRenderer markdown = new(images);

    /// <summary>A lesson's page; <paramref name="charts"/> says how many interactive charts it holds.</summary>
    public string Lesson(IReadOnlyList<Lesson> lessons, int index, out int charts)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        var lesson = lessons[index];
        var outputs = new OutputRenderer(images);
        var body = new StringBuilder();
        var codeNumber = 0;
        foreach (var cell in lesson.Cells)
        {
            body.Append(cell.IsCode ? Code(cell, ++codeNumber, outputs) : $"<section class=\"cell markdown\">{markdown.ToHtml(cell.Source, cell.Attachments)}</section>\n");
        }

        charts = outputs.Charts;
        var position = string.Create(CultureInfo.InvariantCulture, $"{index + 1} of {lessons.Count}");
        var html = new StringBuilder();
        html.Append("<header class=\"site-header\"><a class=\"site-title\" href=\"index.html\">").Append(E(courseTitle)).Append("</a>")
            .Append("<span class=\"position\">").Append(position).Append("</span></header>\n")
            .Append(Navigation(lessons, index, "top"))
            .Append("<main class=\"lesson\">\n").Append(body).Append("</main>\n")
            .Append(Navigation(lessons, index, "bottom"))
            .Append("<footer class=\"site-footer\">Exported from <code>").Append(E(lesson.FileName))
            .Append("</code> · <a href=\"notebooks/").Append(E(lesson.Slug)).Append(".ipynb\" download>executed notebook (.ipynb)</a></footer>\n")
            .Append("</body></html>\n");
        return Document(MarkdownRenderer.ToPlainText(lesson.Title) + " · " + courseTitle, withPlotly: charts > 0, html.ToString());
    }

    /// <summary>The index: the course's title and every lesson with its summary.</summary>
    public string Index(IReadOnlyList<Lesson> lessons, IReadOnlyList<(string Title, string PageName)>? pages = null)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        var html = new StringBuilder()
            .Append("<header class=\"hero\"><h1>").Append(E(courseTitle)).Append("</h1>")
            .Append("<p>From a single perceptron's weight update to a six-layer network trained with batches: every step shows its matrix shapes and every training run plots its loss. ")
            .Append("Read it here, or open the notebooks in VS Code to run and change every cell.</p></header>\n")
            .Append("<main class=\"contents\"><ol class=\"lesson-list\">\n");
        for (var i = 0; i < lessons.Count; i++)
        {
            var lesson = lessons[i];
            html.Append("<li><a href=\"").Append(E(lesson.PageName)).Append("\"><span class=\"number\">")
                .Append(E(lesson.Number ?? (i + 1).ToString("00", CultureInfo.InvariantCulture))).Append("</span><span class=\"text\"><span class=\"title\">")
                .Append(MarkdownRenderer.InlineToHtml(lesson.ShortTitle)).Append("</span><span class=\"summary\">").Append(MarkdownRenderer.InlineToHtml(lesson.Summary))
                .Append("</span></span></a></li>\n");
        }

        html.Append("</ol>");
        foreach (var (title, pageName) in pages ?? [])
        {
            html.Append("<p class=\"extra-page\"><a href=\"").Append(E(pageName)).Append("\">").Append(E(char.ToUpperInvariant(title[0]) + title[1..])).Append("</a></p>\n");
        }

        html.Append("</main>\n<footer class=\"site-footer\">")
            .Append(lessons.Count.ToString(CultureInfo.InvariantCulture)).Append(" lessons · works offline: open index.html from disk</footer>\n</body></html>\n");
        return Document(courseTitle, withPlotly: false, html.ToString());
    }

    /// <summary>A markdown file the lessons link to (the cheat sheet) as a page of the site.</summary>
    public string Markdown(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = text.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? fileName;
        var html = new StringBuilder()
            .Append("<header class=\"site-header\"><a class=\"site-title\" href=\"index.html\">").Append(E(courseTitle)).Append("</a></header>\n")
            .Append("<nav class=\"lesson-nav top\"><span class=\"previous\"></span><a class=\"contents-link\" href=\"index.html\">Contents</a><span class=\"next\"></span></nav>\n")
            .Append("<main class=\"lesson\"><section class=\"cell markdown\">").Append(markdown.ToHtml(text, null)).Append("</section></main>\n")
            .Append("<footer class=\"site-footer\">Exported from <code>").Append(E(fileName)).Append("</code></footer>\n</body></html>\n");
        return Document(MarkdownRenderer.ToPlainText(title) + " · " + courseTitle, withPlotly: false, html.ToString());
    }

    private static string Code(LessonCell cell, int number, OutputRenderer outputs)
    {
        var setup = cell.Outputs.Count == 0 && cell.Source.Split('\n').All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith('#'));
        var html = new StringBuilder(setup ? "<section class=\"cell code setup\" id=\"cell-" : "<section class=\"cell code\" id=\"cell-").Append(number.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append("<pre class=\"code\"><code class=\"language-csharp\">").Append(CSharpHighlighter.ToHtml(cell.Source.TrimEnd())).Append("</code></pre>");
        var rendered = cell.Outputs.OfType<JsonObject>().Select(outputs.ToHtml).Where(h => h.Length > 0).ToList();
        if (rendered.Count > 0)
        {
            html.Append("<div class=\"outputs\">").AppendJoin("\n", rendered).Append("</div>");
        }

        return html.Append("</section>\n").ToString();
    }

    private static string Navigation(IReadOnlyList<Lesson> lessons, int index, string where)
    {
        var html = new StringBuilder("<nav class=\"lesson-nav ").Append(where).Append("\">");
        html.Append(index > 0
            ? $"<a class=\"previous\" rel=\"prev\" href=\"{E(lessons[index - 1].PageName)}\"><small>Previous</small>{MarkdownRenderer.InlineToHtml(lessons[index - 1].Title)}</a>"
            : "<span class=\"previous\"></span>");
        html.Append("<a class=\"contents-link\" href=\"index.html\">Contents</a>");
        html.Append(index < lessons.Count - 1
            ? $"<a class=\"next\" rel=\"next\" href=\"{E(lessons[index + 1].PageName)}\"><small>Next</small>{MarkdownRenderer.InlineToHtml(lessons[index + 1].Title)}</a>"
            : "<span class=\"next\"></span>");
        return html.Append("</nav>\n").ToString();
    }

    // The whole document: the head, then the page (header, body, footer). A page with formulas
    // gets KaTeX's stylesheet and scripts from assets/katex/; site.js typesets them once it is read.
    private static string Document(string title, bool withPlotly, string page) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{E(title)}</title><link rel=\"stylesheet\" href=\"assets/site.css\"><script src=\"assets/site.js\"></script>" +
        (withPlotly ? "<script src=\"assets/plotly.min.js\"></script>" : "") +
        (MarkdownRenderer.HasFormulas(page) ? KaTeXHead : "") +
        "</head>\n<body>\n" + page;

    private const string KaTeXHead =
        "<link rel=\"stylesheet\" href=\"" + SiteAssets.KaTeXFolder + "/katex.min.css\">" +
        "<script defer src=\"" + SiteAssets.KaTeXFolder + "/katex.min.js\"></script>" +
        "<script defer src=\"" + SiteAssets.KaTeXFolder + "/contrib/auto-render.min.js\"></script>";

    private static string E(string text) => HtmlEscape.Text(text);
}
