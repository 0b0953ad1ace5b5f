using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Backprop.Site;

/// <summary>
/// Makes chart outputs work offline. A chart's HTML (Plotly.NET's formatter, or the course's
/// <c>ChartView</c>) draws with a script that fetches require.js and plotly.js from CDNs; each such
/// script is replaced by <c>bpPlot(id, figure)</c>, which draws the same figure with the site's
/// one local copy of plotly.js. The chart's element, and any static SVG fallback inside it, stay
/// as they are, so with scripts off the fallback still shows. The figure is re-serialized with
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped, so its text cannot close the script.
/// </summary>
public static class PlotlyRewriter
{
    /// <summary>The HTML with every Plotly script rewritten; <paramref name="charts"/> counts them.</summary>
    public static string Rewrite(string html, out int charts)
    {
        ArgumentNullException.ThrowIfNull(html);
        charts = 0;
        var result = new StringBuilder(html.Length);
        var position = 0;
        while (true)
        {
            var open = html.IndexOf("<script", position, StringComparison.OrdinalIgnoreCase);
            var bodyStart = open < 0 ? -1 : html.IndexOf('>', open) + 1;
            var close = bodyStart <= 0 ? -1 : html.IndexOf("</script", bodyStart, StringComparison.OrdinalIgnoreCase);
            var end = close < 0 ? -1 : html.IndexOf('>', close) + 1;
            if (end <= 0)
            {
                return result.Append(html, position, html.Length - position).ToString();
            }

            result.Append(html, position, open - position);
            var body = html[bodyStart..close];
            if (body.Contains("Plotly.newPlot", StringComparison.Ordinal))
            {
                // A chart script we cannot read is dropped: whatever fallback the element holds stays.
                if (Chart(body) is var (id, figure))
                {
                    charts++;
                    result.Append("<script>bpPlot(").Append(JsonSerializer.Serialize(id)).Append(", ")
                        .Append(figure.ToJsonString()).Append(");</script>");
                }
            }
            else
            {
                result.Append(html, open, end - open);
            }

            position = end;
        }
    }

    /// <summary>The target element's id and the figure (data, layout, config) of a chart script.</summary>
    public static (string Id, JsonObject Figure)? Chart(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var id = QuotedAfter(script, "getElementById(") ?? QuotedAfter(script, "Plotly.newPlot(");
        if (id is null)
        {
            return null;
        }

        if (ValueAfter(script, "var figure") is JsonObject figure)
        {
            return (id, figure);
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

        return (id, parts);
    }

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

    // The JSON value assigned after "var name =" (spaces around '=' optional).
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
