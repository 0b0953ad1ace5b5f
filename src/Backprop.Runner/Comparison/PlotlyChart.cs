using System.Text;
using System.Text.Json;

namespace Backprop.Runner.Comparison;

/// <summary>
/// Finds the chart inside Plotly.NET's HTML (<c>var data = [...]; var layout = {...};
/// var config = {...}; Plotly.newPlot(id, data, layout, config)</c>) and returns its JSON in one
/// canonical, whitespace-free form, so two renderings of the same chart compare equal whatever
/// their div ids.
/// </summary>
public static class PlotlyChart
{
    private static readonly string[] Parts = ["data", "layout", "config"];

    /// <summary>The chart's canonical JSON, or null when the HTML holds no Plotly chart.</summary>
    public static string? TryExtract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains("Plotly.newPlot", StringComparison.Ordinal))
        {
            return null;
        }

        var canonical = new StringBuilder("plotly chart:");
        foreach (var part in Parts)
        {
            var marker = $"var {part} = ";
            var start = html.IndexOf(marker, StringComparison.Ordinal);
            if (start < 0)
            {
                // A chart without this part (Plotly.NET always writes all three; be lenient).
                continue;
            }

            var json = ReadOneValue(html[(start + marker.Length)..]);
            if (json is null)
            {
                return null;
            }

            canonical.Append('\n').Append(part).Append('=').Append(json);
        }

        return canonical.ToString();
    }

    // Reads exactly one JSON value from the start of the text (the rest is more script).
    private static string? ReadOneValue(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return JsonSerializer.Serialize(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
