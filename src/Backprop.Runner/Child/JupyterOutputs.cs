using System.Text.Json.Nodes;
using Backprop.Site;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Runner.Child;

/// <summary>
/// Builds nbformat 4 output objects the way VS Code writes them: keys in alphabetical order,
/// text as an array of lines that keep their line endings.
/// </summary>
public static class JupyterOutputs
{
    /// <summary>A <c>display_data</c> output with every formatted value by mime type.</summary>
    public static JsonObject DisplayData(IReadOnlyCollection<FormattedValue> values) => new()
    {
        ["data"] = Data(values),
        ["metadata"] = new JsonObject(),
        ["output_type"] = "display_data",
    };

    /// <summary>An <c>execute_result</c> output (a cell's return value).</summary>
    public static JsonObject ExecuteResult(IReadOnlyCollection<FormattedValue> values, int executionCount) => new()
    {
        ["data"] = Data(values),
        ["execution_count"] = executionCount,
        ["metadata"] = new JsonObject(),
        ["output_type"] = "execute_result",
    };

    /// <summary>A <c>stream</c> output (stdout or stderr).</summary>
    public static JsonObject Stream(string name, string text) => new()
    {
        ["name"] = name,
        ["output_type"] = "stream",
        ["text"] = MultilineText(text),
    };

    /// <summary>An <c>error</c> output for a failed cell.</summary>
    public static JsonObject Error(CommandFailed failed)
    {
        var traceback = new JsonArray();
        foreach (var line in (failed.Exception?.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            traceback.Add(line.TrimEnd('\r'));
        }

        return new JsonObject
        {
            ["ename"] = failed.Exception?.GetType().Name ?? "Error",
            ["evalue"] = failed.Message,
            ["output_type"] = "error",
            ["traceback"] = traceback,
        };
    }

    /// <summary>The <c>data</c> object: mime type → text, sorted by mime type.</summary>
    public static JsonObject Data(IReadOnlyCollection<FormattedValue> values)
    {
        var data = new JsonObject();
        foreach (var value in values.OrderBy(v => v.MimeType, StringComparer.Ordinal))
        {
            // Later values of one mime type win, as in a front end's display.
            data[value.MimeType] = MultilineText(value.Value ?? "");
        }

        return data;
    }

    /// <summary>Splits text into nbformat's "multiline string": lines that keep their '\n'.</summary>
    public static JsonArray MultilineText(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..stop]);
            start = stop;
        }

        return lines;
    }

    /// <summary>Joins an nbformat multiline string (a string or an array of strings).</summary>
    public static string JoinText(JsonNode? node) => NotebookText.Join(node);
}
