using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backprop.Runner.Child;

namespace Backprop.Runner.Comparison;

/// <summary>
/// Reduces a cell's outputs to what must be the same on every run, and nothing less:
/// <list type="bullet">
/// <item>line endings become '\n'; text and stream outputs are otherwise compared exactly;</item>
/// <item>consecutive writes to one stream are one output (front ends merge them differently);</item>
/// <item><c>display_data</c> and <c>execute_result</c> are both "display" (a return value and
/// <c>display(x)</c> look the same in a notebook);</item>
/// <item>a Plotly chart (text/html calling <c>Plotly.newPlot</c>) is compared by its figure, one
/// line per value (see <see cref="PlotlyChart"/>), and by the rest of its HTML, static fallback
/// drawing included; its random element id, script variable names and the way plotly.js is
/// loaded are not part of the chart;</item>
/// <item>in any other text, GUIDs (with or without dashes) are generated ids: each distinct one
/// is replaced by its order of first appearance, so "the same id used twice" still has to hold
/// and every other character still has to match;</item>
/// <item>text the presentation library marks as volatile, <c>&lt;span data-volatile&gt;152 ms&lt;/span&gt;</c>
/// (a training run's wall-clock time), is compared as a placeholder: it differs on every run and
/// says nothing about the lesson; everything around it still has to match;</item>
/// <item>error outputs compare type and message, not the stack trace (it names the machine's
/// paths).</item>
/// </list>
/// </summary>
public static partial class OutputNormalizer
{
    /// <summary>One normalised output: its kind and, per mime type (or stream name), its text.</summary>
    public sealed record Normalized(string Kind, IReadOnlyList<KeyValuePair<string, string>> Parts);

    /// <summary>Normalises a cell's outputs (null or missing means none).</summary>
    public static IReadOnlyList<Normalized> Normalize(JsonArray? outputs)
    {
        var result = new List<Normalized>();
        foreach (var output in (outputs ?? []).OfType<JsonObject>())
        {
            var type = (string?)output["output_type"];
            switch (type)
            {
                case "stream":
                    AppendStream(result, (string?)output["name"] ?? "stdout", Lines(JupyterOutputs.JoinText(output["text"])));
                    break;
                case "display_data" or "execute_result":
                    result.Add(new Normalized("display", Data(output["data"] as JsonObject)));
                    break;
                case "error":
                    result.Add(new Normalized("error",
                    [
                        new("ename", (string?)output["ename"] ?? ""),
                        new("evalue", Lines((string?)output["evalue"] ?? "")),
                    ]));
                    break;
                default:
                    result.Add(new Normalized(type ?? "unknown", [new("json", output.ToJsonString())]));
                    break;
            }
        }

        return result;
    }

    private static void AppendStream(List<Normalized> result, string name, string text)
    {
        if (result.Count > 0 && result[^1].Kind == "stream" && result[^1].Parts[0].Key == name)
        {
            result[^1] = new Normalized("stream", [new(name, result[^1].Parts[0].Value + text)]);
            return;
        }

        result.Add(new Normalized("stream", [new(name, text)]));
    }

    private static List<KeyValuePair<string, string>> Data(JsonObject? data)
    {
        var parts = new List<KeyValuePair<string, string>>();
        foreach (var (mime, value) in (data ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var text = value is JsonValue or JsonArray ? JupyterOutputs.JoinText(value) : value?.ToJsonString() ?? "";
            parts.Add(new(mime, Volatile(Ids(Lines(mime == "text/html" ? PlotlyChart.TryExtract(text) ?? text : text)))));
        }

        return parts;
    }

    private static string Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Replaces each distinct GUID by a placeholder numbered by first appearance.</summary>
    public static string Ids(string text)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return Guid().Replace(text, m =>
        {
            var key = m.Value.Replace("-", "", StringComparison.Ordinal);
            if (!seen.TryGetValue(key, out var n))
            {
                n = seen.Count + 1;
                seen[key] = n;
            }

            return $"{{id{n}}}";
        });
    }

    /// <summary>Replaces the content of every <c>&lt;span data-volatile&gt;</c> by "{volatile}".</summary>
    public static string Volatile(string text) => VolatileSpan().Replace(text, "${open}{volatile}</span>");

    [GeneratedRegex(@"(?<open><span data-volatile(?:=""[^""]*"")?>)[^<]*</span>")]
    private static partial Regex VolatileSpan();

    [GeneratedRegex(@"(?<![0-9a-fA-F])(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})(?![0-9a-fA-F])")]
    private static partial Regex Guid();
}
