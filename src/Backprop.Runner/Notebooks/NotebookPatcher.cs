using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Backprop.Runner.Notebooks;

/// <summary>
/// Writes executed outputs into a notebook's own JSON: only each code cell's <c>outputs</c> and
/// <c>execution_count</c> change; metadata, ids and sources keep their bytes because the rest of
/// the tree is the one parsed from the file, written back with the file's own indentation
/// (VS Code: 1 space) and trailing newline.
/// </summary>
public static class NotebookPatcher
{
    /// <summary>The notebook's text with the given cells' outputs; other code cells are cleared.</summary>
    /// <param name="notebook">The notebook as read.</param>
    /// <param name="results">Per cell number: execution count and outputs of the cells that ran.</param>
    public static string Patch(NotebookFile notebook, IReadOnlyDictionary<int, CellResult> results)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(results);
        var root = (JsonObject)notebook.Root.DeepClone();
        var cells = (JsonArray)root["cells"]!;
        foreach (var code in notebook.CodeCells)
        {
            var cell = (JsonObject)cells[code.Cell - 1]!;
            var ran = results.TryGetValue(code.Cell, out var result);
            SetInPlace(cell, "execution_count", ran ? JsonValue.Create(result!.ExecutionCount) : null);
            SetInPlace(cell, "outputs", ran ? result!.Outputs.DeepClone() : new JsonArray());
        }

        return Serialize(root, TextStyle.Of(notebook.Text));
    }

    /// <summary>
    /// True when writing the unchanged tree gives back the file byte for byte; when it does not,
    /// patching would reformat the notebook and --update refuses.
    /// </summary>
    public static bool RoundTrips(NotebookFile notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return Serialize(notebook.Root, TextStyle.Of(notebook.Text)) == notebook.Text;
    }

    // Replacing a value keeps the key where it was; a missing key is appended, as nbformat allows.
    private static void SetInPlace(JsonObject cell, string key, JsonNode? value) => cell[key] = value;

    private static string Serialize(JsonNode root, TextStyle style)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = style.IndentSize > 0,
            IndentSize = Math.Max(style.IndentSize, 1),
            IndentCharacter = style.IndentCharacter,
            NewLine = style.NewLine,
            // Like JSON.stringify in VS Code: '<', '>', '&', quotes and non-ASCII stay as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var text = root.ToJsonString(options);
        return style.TrailingNewline ? text + style.NewLine : text;
    }

    /// <summary>How a file is laid out: indentation, line ending, final newline.</summary>
    private sealed record TextStyle(int IndentSize, char IndentCharacter, string NewLine, bool TrailingNewline)
    {
        public static TextStyle Of(string text)
        {
            var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var trailing = text.EndsWith(newLine, StringComparison.Ordinal);
            var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
            if (firstBreak < 0 || firstBreak + 1 >= text.Length)
            {
                return new TextStyle(0, ' ', newLine, trailing);
            }

            // The second line is the first key of the top-level object: its indent is one level.
            var indentChar = text[firstBreak + 1] == '\t' ? '\t' : ' ';
            var size = 0;
            while (firstBreak + 1 + size < text.Length && text[firstBreak + 1 + size] == indentChar)
            {
                size++;
            }

            return new TextStyle(size, indentChar, newLine, trailing);
        }
    }
}
