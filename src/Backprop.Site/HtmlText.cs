using System.Text;

namespace Backprop.Site;

/// <summary>
/// HTML escaping of text: only the five characters that can change meaning in HTML (&amp; &lt;
/// &gt; " ') are replaced, so formulas and shapes like "(8×2)" and "∂L" stay readable in the source.
/// </summary>
public static class HtmlText
{
    /// <summary>The text, safe as element content and as a quoted attribute value.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return html.ToString();
    }
}
