using System.Text.Json;
using System.Text.Json.Nodes;

namespace Backprop.Site;

/// <summary>One cell of an executed notebook, as the exporter needs it.</summary>
/// <param name="IsCode">A code cell (else markdown; raw cells are dropped).</param>
/// <param name="Source">The cell's text.</param>
/// <param name="Outputs">A code cell's outputs (nbformat 4 objects); empty for markdown.</param>
/// <param name="Attachments">A markdown cell's attachments: name → mime type → base64.</param>
public sealed record LessonCell(bool IsCode, string Source, JsonArray Outputs, JsonObject? Attachments);

/// <summary>
/// An executed notebook read for export: its file name, the page it becomes, its title (the first
/// <c># heading</c>) and summary (the first paragraph after it), and its cells.
/// </summary>
public sealed class Lesson
{
    private Lesson(string fileName, string title, string summary, IReadOnlyList<LessonCell> cells)
    {
        FileName = fileName;
        Title = title;
        Summary = summary;
        Cells = cells;
        Slug = SlugOf(Path.GetFileNameWithoutExtension(fileName));
    }

    /// <summary>The notebook's file name, e.g. <c>01-perceptron.ipynb</c>.</summary>
    public string FileName { get; }

    /// <summary>A name safe as a file name and URL: letters, digits, '-', '_' only (unique in the site).</summary>
    public string Slug { get; internal set; }

    /// <summary>The lesson's number from its file name's leading digits (<c>05-bias-units</c> → "05"), or null.</summary>
    public string? Number => FileName.TakeWhile(char.IsAsciiDigit).ToArray() is { Length: > 0 } digits ? new string(digits) : null;

    /// <summary>The title without a leading copy of <see cref="Number"/> ("05 · Bias units" → "Bias units").</summary>
    public string ShortTitle
    {
        get
        {
            if (Number is not { } number || !Title.StartsWith(number, StringComparison.Ordinal))
            {
                return Title;
            }

            var rest = Title[number.Length..].TrimStart(' ', '·', '.', ':', '-', '–', '—', '\u00a0');
            return rest.Length > 0 && rest.Length < Title.Length - number.Length ? rest : Title;
        }
    }

    /// <summary>The page's file name in the site.</summary>
    public string PageName => Slug + ".html";

    /// <summary>The first level-1 heading's text, else the file name.</summary>
    public string Title { get; }

    /// <summary>The first paragraph's text (markdown), or empty.</summary>
    public string Summary { get; }

    /// <summary>Markdown and code cells in order.</summary>
    public IReadOnlyList<LessonCell> Cells { get; }

    /// <summary>Reads an executed notebook; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static async Task<Lesson> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: invalid JSON: {e.Message}", e);
        }

        if (root?["cells"] is not JsonArray cellArray)
        {
            throw new InvalidDataException($"{name}: not a notebook (no \"cells\" array)");
        }

        var cells = new List<LessonCell>();
        foreach (var cell in cellArray.OfType<JsonObject>())
        {
            var type = cell["cell_type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : "";
            if (type is "code" or "markdown")
            {
                cells.Add(new LessonCell(type == "code", NotebookText.Join(cell["source"]),
                    cell["outputs"] as JsonArray ?? [], cell["attachments"] as JsonObject));
            }
        }

        var (title, summary) = TitleAndSummary(cells);
        return new Lesson(name, title ?? Path.GetFileNameWithoutExtension(name), summary ?? "", cells);
    }

    /// <summary>Letters, digits, '-' and '_' kept; anything else becomes '-'; never empty or dot-only.</summary>
    public static string SlugOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return slug.Length == 0 ? "lesson" : slug;
    }

    private static (string? Title, string? Summary) TitleAndSummary(IEnumerable<LessonCell> cells)
    {
        string? title = null;
        var paragraph = new List<string>();
        foreach (var line in cells.Where(c => !c.IsCode).SelectMany(c => c.Source.Split('\n').Append("")))
        {
            var text = line.Trim();
            if (title is null)
            {
                if (text.StartsWith("# ", StringComparison.Ordinal))
                {
                    title = text[2..].Trim().TrimEnd('#').Trim();
                }

                continue;
            }

            if (text.Length == 0 && paragraph.Count > 0)
            {
                break;
            }

            // A paragraph is plain text: skip headings, lists, quotes, fences, tables, images.
            if (text.Length > 0 && (paragraph.Count > 0 || !IsBlockStart(text)))
            {
                paragraph.Add(text);
            }
        }

        if (paragraph.Count == 0)
        {
            return (title, null);
        }

        // A paragraph that leads into a list ("This lesson shows:") reads as unfinished: say so.
        var summary = string.Join(' ', paragraph).TrimEnd(':', ' ');
        return (title, summary.Length > 0 && ".!?…)".Contains(summary[^1], StringComparison.Ordinal) ? summary : summary + " …");
    }

    private static bool IsBlockStart(string text) =>
        text[0] is '#' or '>' or '|' or '-' or '*' or '!' or '<' or '$' || text.StartsWith("```", StringComparison.Ordinal) || char.IsDigit(text[0]) && text.Contains(". ", StringComparison.Ordinal);
}
