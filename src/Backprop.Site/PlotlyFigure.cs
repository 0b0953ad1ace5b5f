using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Backprop.Site;

/// <summary>A chart script inside an output's HTML: where the whole <c>&lt;script&gt;…&lt;/script&gt;</c> element sits, and its figure if it could be read.</summary>
/// <param name="Start">Index of <c>&lt;script</c>.</param>
/// <param name="End">Index just past <c>&lt;/script&gt;</c>.</param>
/// <param name="Figure">The figure, or null for a script that calls Plotly but declares no figure this reader knows.</param>
public sealed record PlotlyScript(int Start, int End, PlotlyFigure? Figure);

/// <summary>
/// The one reader of Plotly figures in chart outputs, shared by the site export (which redraws
/// them with a local plotly.js) and the runner's <c>--check</c> (which compares them). It reads
/// both forms the notebooks produce:
/// <list type="bullet">
/// <item>the course's charts (<c>PlotlyLoader</c>): <c>var figure={"data":…,"layout":…};</c> and
/// <c>getElementById('id')</c>;</item>
/// <item>Plotly.NET's own formatter: <c>var data = […]; var layout = {…}; var config = {…};</c> and
/// <c>Plotly.newPlot('id', …)</c>.</item>
/// </list>
/// The element id is kept apart from the figure: it is random per run and is not part of the chart.
/// </summary>
/// <param name="ElementId">The id of the element the chart draws into.</param>
/// <param name="Figure">The figure as declared: <c>data</c>, <c>layout</c>, and whatever else the script gives (<c>config</c>, <c>frames</c>).</param>
public sealed record PlotlyFigure(string ElementId, JsonObject Figure)
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The traces (<c>figure.data</c>), or null when the figure has none.</summary>
    public JsonArray? Data => Figure["data"] as JsonArray;

    /// <summary>The layout (<c>figure.layout</c>), or null when the figure has none.</summary>
    public JsonObject? Layout => Figure["layout"] as JsonObject;

    /// <summary>
    /// Every <c>&lt;script&gt;</c> element of <paramref name="html"/> that calls <c>Plotly.newPlot</c>,
    /// in order, each with its figure when it could be read.
    /// </summary>
    public static IReadOnlyList<PlotlyScript> FindScripts(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scripts = new List<PlotlyScript>();
        var position = 0;
        while (true)
        {
            var open = html.IndexOf("<script", position, StringComparison.OrdinalIgnoreCase);
            var bodyStart = open < 0 ? -1 : html.IndexOf('>', open) + 1;
            var close = bodyStart <= 0 ? -1 : html.IndexOf("</script", bodyStart, StringComparison.OrdinalIgnoreCase);
            var end = close < 0 ? -1 : html.IndexOf('>', close) + 1;
            if (end <= 0)
            {
                return scripts;
            }

            var body = html[bodyStart..close];
            if (body.Contains("Plotly.newPlot", StringComparison.Ordinal))
            {
                scripts.Add(new PlotlyScript(open, end, Read(body)));
            }

            position = end;
        }
    }

    /// <summary>The figure a chart script draws, or null when the script declares none this reader knows.</summary>
    public static PlotlyFigure? Read(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var id = QuotedAfter(script, "getElementById(") ?? QuotedAfter(script, "Plotly.newPlot(");
        if (id is null)
        {
            return null;
        }

        if (ValueAfter(script, "var figure") is JsonObject figure)
        {
            return new PlotlyFigure(id, figure);
        }

        if (ValueAfter(script, "var data") is not JsonArray data)
        {
            return null;
        }

        var parts = new JsonObject { ["data"] = data };
        foreach (var part in new[] { "layout", "config" })
        {
            if (ValueAfter(script, "var " + part) is JsonObject value)
            {
                parts[part] = value;
            }
        }

        return new PlotlyFigure(id, parts);
    }

    /// <summary>
    /// The figure in one canonical form for comparing: one line per value, <c>path = JSON</c>
    /// (<c>data[0].y[17] = 0.3332</c>), object keys in ordinal order, whitespace and key order of
    /// the source gone; an empty object or array is a line of its own. So two runs that drew the
    /// same chart give the same text, and a changed number shows as the line that names it.
    /// </summary>
    public string ToCanonicalText()
    {
        var text = new StringBuilder();
        Flatten(text, "", Figure);
        return text.ToString();
    }

    private static void Flatten(StringBuilder text, string path, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Flatten(text, path.Length == 0 ? key : IsName(key) ? $"{path}.{key}" : $"{path}[{JsonSerializer.Serialize(key, Readable)}]", value);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(text, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), array[i]);
                }

                break;
            default:
                text.Append(path).Append(" = ").Append(node is null ? "null" : node.ToJsonString(Readable)).Append('\n');
                break;
        }
    }

    private static bool IsName(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    // The string literal right after the marker: Plotly.newPlot('id', ...) or getElementById("id").
    private static string? QuotedAfter(string script, string marker)
    {
        var at = script.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + marker.Length;
        if (start >= script.Length || script[start] is not ('\'' or '"'))
        {
            return null;
        }

        var end = script.IndexOf(script[start], start + 1);
        return end < 0 ? null : script[(start + 1)..end];
    }

    // The JSON value assigned after "var name =" (spaces around '=' optional); the script goes on after it.
    private static JsonNode? ValueAfter(string script, string declaration)
    {
        var at = script.IndexOf(declaration, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var equals = script.IndexOf('=', at + declaration.Length);
        if (equals < 0 || script.AsSpan(at + declaration.Length, equals - at - declaration.Length).Trim().Length > 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(script[(equals + 1)..]), new JsonReaderOptions { AllowTrailingCommas = true });
        try
        {
            return JsonNode.Parse(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
