using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// <summary>One exercise of a lesson: its code cell, the marked region, and the solution collapsed below it.</summary>
/// <param name="Notebook">The lesson's file name.</param>
/// <param name="Cell">Index of the exercise's code cell among all cells.</param>
/// <param name="Number">1 for the lesson's first exercise, and so on.</param>
/// <param name="Region">The marked region as shipped (the lines between ▼ and ▲).</param>
/// <param name="Indent">The indentation of the ▼ line, given to substituted lines.</param>
/// <param name="Solution">The solution's code, from the markdown cell right after the exercise.</param>
internal sealed record LessonExercise(string Notebook, int Cell, int Number, string Region, string Indent, string Solution);

/// <summary>
/// Reads the course's exercises the way DESIGN.md describes them: a code cell with the learner's
/// region between a line holding "// ▼ your turn" and a line holding "// ▲", then a markdown cell
/// with graded hints and a final &lt;details&gt;&lt;summary&gt;Solution&lt;/summary&gt; holding one
/// ```csharp block, the single source of the solution. Writes variants with other code in the regions.
/// </summary>
internal static partial class LessonExercises
{
    public const string Start = "// ▼ your turn";
    public const string End = "// ▲";

    public static IReadOnlyList<string> Lessons() =>
        Directory.EnumerateFiles(Repo.NotebooksFolder, "*.ipynb").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToList();

    public static JsonObject Load(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.NotebooksFolder, notebook)))!.AsObject();

    public static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    public static IReadOnlyList<LessonExercise> Of(string notebook)
    {
        var cells = Load(notebook)["cells"]!.AsArray();
        var found = new List<LessonExercise>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i]!["cell_type"]!.GetValue<string>() != "code") continue;
            var lines = Source(cells[i]!).Split('\n');
            var start = Array.FindIndex(lines, l => l.Contains(Start, StringComparison.Ordinal));
            if (start < 0) continue;
            var end = Array.FindIndex(lines, start + 1, l => l.Contains(End, StringComparison.Ordinal));
            if (end < 0) throw new InvalidDataException($"{notebook}, cell {i}: \"{Start}\" without a closing \"{End}\"");
            var indent = lines[start][..(lines[start].Length - lines[start].TrimStart().Length)];
            var next = i + 1 < cells.Count ? cells[i + 1]! : null;
            var solution = next is not null && next["cell_type"]!.GetValue<string>() == "markdown" ? SolutionOf(Source(next)) : null;
            found.Add(new LessonExercise(notebook, i, found.Count + 1, string.Join('\n', lines[(start + 1)..end]), indent,
                solution ?? throw new InvalidDataException($"{notebook}, cell {i}: the markdown cell right after an exercise must hold <details><summary>Solution</summary> with one ```csharp block")));
        }
        return found;
    }

    /// <summary>The code of the one ```csharp block inside the Solution &lt;details&gt;, or null.</summary>
    public static string? SolutionOf(string markdown)
    {
        var details = SolutionBlock().Match(markdown);
        if (!details.Success) return null;
        var blocks = CSharpBlock().Matches(details.Groups["body"].Value);
        return blocks.Count == 1 ? blocks[0].Groups["code"].Value.TrimEnd('\n') : null;
    }

    /// <summary>The lesson with the regions of <paramref name="replacements"/> (by exercise number) replaced; other regions as shipped.</summary>
    public static JsonObject WithRegions(string notebook, IReadOnlyDictionary<int, string> replacements)
    {
        var document = Load(notebook);
        var cells = document["cells"]!.AsArray();
        foreach (var exercise in Of(notebook))
        {
            if (!replacements.TryGetValue(exercise.Number, out var code)) continue;
            var lines = Source(cells[exercise.Cell]!).Split('\n').ToList();
            var start = lines.FindIndex(l => l.Contains(Start, StringComparison.Ordinal));
            var end = lines.FindIndex(start + 1, l => l.Contains(End, StringComparison.Ordinal));
            lines.RemoveRange(start + 1, end - start - 1);
            lines.InsertRange(start + 1, code.Split('\n').Select(l => l.Length == 0 ? l : exercise.Indent + l));
            var text = string.Join('\n', lines);
            var source = new JsonArray();
            var parts = text.Split('\n');
            for (var p = 0; p < parts.Length; p++)
                if (p < parts.Length - 1 || parts[p].Length > 0) source.Add(p < parts.Length - 1 ? parts[p] + "\n" : parts[p]);
            cells[exercise.Cell]!["source"] = source;
            cells[exercise.Cell]!["outputs"] = new JsonArray();
        }
        return document;
    }

    /// <summary>
    /// A folder laid out like the repository for variants of the lessons: notebooks/ with the
    /// shared setup and data, and src/ linked to the repository's, so every relative path of a
    /// lesson resolves as it does in notebooks/.
    /// </summary>
    public static string VariantFolder()
    {
        var root = Directory.CreateTempSubdirectory("exercise-variants-").FullName;
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        foreach (var file in Directory.EnumerateFiles(Repo.NotebooksFolder).Where(f => !f.EndsWith(".ipynb", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(notebooks, Path.GetFileName(file)));
        Directory.CreateSymbolicLink(Path.Combine(notebooks, "data"), Path.Combine(Repo.NotebooksFolder, "data"));
        Directory.CreateSymbolicLink(Path.Combine(root, "src"), Path.Combine(Repo.Root, "src"));
        return root;
    }

    /// <summary>The verdicts an executed cell shows: (what, state) of every exercise check in its outputs.</summary>
    public static IReadOnlyList<(string What, string State, string Html)> Verdicts(JsonNode cell)
    {
        var html = string.Concat((cell["outputs"]?.AsArray() ?? []).Select(o => o?["data"]?["text/html"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
            JsonValue text => text.GetValue<string>(),
            _ => "",
        }));
        return Verdict().Matches(html).Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups["what"].Value), m.Groups["state"].Value,
            System.Net.WebUtility.HtmlDecode(m.Groups["body"].Value))).ToList();
    }

    [GeneratedRegex(@"<details>\s*<summary>\s*Solution\s*</summary>(?<body>.*?)</details>", RegexOptions.Singleline)]
    private static partial Regex SolutionBlock();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex("<div class=\"bp-exercise\" data-exercise=\"(?<what>[^\"]*)\" data-state=\"(?<state>[a-z]+)\"[^>]*>(?<body>.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Verdict();
}
