using System.Buffers;
using System.Text;

namespace Backprop.Shared;

/// <summary>
/// The one HTML escaping of the repository, linked as source into the projects that write HTML
/// (the presentation library and the site). Only the five characters that can change meaning in
/// HTML (&amp; &lt; &gt; " ') are replaced, so "(8×2)", "∂L/∂W" and "α" stay readable in stored
/// notebooks and page sources. The notebooks' stored outputs depend on exactly this set: changing
/// it changes every notebook.
/// </summary>
internal static class HtmlEscape
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    /// <summary>The text, safe as element content and as a quoted attribute value; null is "".</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0)
        {
            return text;
        }

        var html = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }

        return html.ToString();
    }
}
