using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Backprop.Runner.Notebooks;

/// <summary>
/// Writes executed outputs into a notebook's own JSON, in the standard layout: nbformat's and
/// VS Code's (one-space indentation, keys in order, a final newline), as the course notebooks are
/// stored. A notebook already in that layout is patched minimally: only each code cell's
/// <c>outputs</c> and <c>execution_count</c> change; metadata, ids and sources keep their bytes
/// because the rest of the tree is the one parsed from the file, written back the same way. A
/// notebook laid out differently (other indentation, one-line arrays, minified) is written in the
/// standard layout, keys sorted as nbformat and VS Code sort them; its content is unchanged.
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

        var newLine = NewLineOf(notebook.Text);
        return Serialize(HasStandardLayout(notebook) ? root : SortedKeys(root), newLine);
    }

    /// <summary>
    /// True when the file is in the standard layout: writing its unchanged tree with one-space
    /// indentation and a final newline gives it back byte for byte (keys kept in the file's order;
    /// the line ending is the file's own, so a CRLF checkout counts too). When false,
    /// <see cref="Patch"/> reformats the notebook.
    /// </summary>
    public static bool HasStandardLayout(NotebookFile notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return Serialize(notebook.Root, NewLineOf(notebook.Text)) == notebook.Text;
    }

    // Replacing a value keeps the key where it was; a missing key is appended, as nbformat allows.
    private static void SetInPlace(JsonObject cell, string key, JsonNode? value) => cell[key] = value;

    private static string NewLineOf(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    private static string Serialize(JsonNode root, string newLine)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = 1,
            IndentCharacter = ' ',
            NewLine = newLine,
            // Like nbformat (ensure_ascii=False) and JSON.stringify in VS Code: '<', '>', '&',
            // quotes and non-ASCII stay as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return root.ToJsonString(options) + newLine;
    }

    /// <summary>A copy with every object's keys in ordinal order, as nbformat and VS Code write them.</summary>
    private static JsonObject SortedKeys(JsonObject obj) =>
        new(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, SortedKeys(p.Value))));

    private static JsonNode? SortedKeys(JsonNode? node) => node switch
    {
        JsonObject obj => SortedKeys(obj),
        JsonArray array => new JsonArray([.. array.Select(SortedKeys)]),
        _ => node?.DeepClone(),
    };
}
