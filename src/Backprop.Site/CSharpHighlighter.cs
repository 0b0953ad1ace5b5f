using System.Text;
using System.Text.RegularExpressions;
using Backprop.Shared;
using ColorCode;
using ColorCode.Common;
using ColorCode.Parsing;

namespace Backprop.Site;

/// <summary>
/// C# highlighting for the exported pages, by ColorCode's C# grammar (its comments, strings,
/// keywords and numbers), plus three rules a notebook needs that ColorCode's C# lacks: notebook
/// directives (<c>#r</c>, <c>#!import</c>) as whole lines, decimals and exponents as one number,
/// and PascalCase names as types. Tokens become <c>&lt;span class="tok-…"&gt;</c> (styled by
/// <c>assets/site.css</c>); all text goes through <see cref="HtmlEscape"/>. Odd input still comes
/// out escaped and whole.
/// </summary>
public static class CSharpHighlighter
{
    /// <summary>The code as escaped HTML with token spans (no surrounding element).</summary>
    public static string ToHtml(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        try
        {
            return new TokenFormatter().Format(code);
        }
        catch (RegexMatchTimeoutException)
        {
            // ColorCode gives up on pathological input after a second: show it plain.
            return HtmlEscape.Text(code);
        }
    }

    // ColorCode's scope names → the site's token classes; other scopes stay plain text.
    private static string? ClassOf(string scope) => scope switch
    {
        ScopeName.Keyword => "keyword",
        ScopeName.PreprocessorKeyword => "directive",
        ScopeName.String or ScopeName.StringCSharpVerbatim or ScopeName.StringEscape => "string",
        ScopeName.Comment or ScopeName.XmlDocComment or ScopeName.XmlDocTag => "comment",
        ScopeName.Number => "number",
        ScopeName.ClassName or ScopeName.Type => "type",
        _ => null,
    };

    /// <summary>Writes ColorCode's parse as spans with the site's classes instead of its own.</summary>
    private sealed class TokenFormatter() : CodeColorizerBase(null, null)
    {
        private readonly StringBuilder html = new();

        public string Format(string code)
        {
            languageParser.Parse(code, NotebookCSharp.Instance, Write);
            return html.ToString();
        }

        // Called once per fragment of the code; scope positions are relative to the fragment.
        protected override void Write(string parsedSourceCode, IList<Scope> scopes)
        {
            var position = 0;
            foreach (var scope in scopes.OrderBy(s => s.Index))
            {
                position = Append(parsedSourceCode, scope, position);
            }

            html.Append(HtmlEscape.Text(parsedSourceCode[position..]));
        }

        // The text up to the scope, then the scope (children nested) as a span; returns where it ends.
        private int Append(string text, Scope scope, int position)
        {
            var start = Math.Clamp(scope.Index, position, text.Length);
            var end = Math.Clamp(scope.Index + scope.Length, start, text.Length);
            html.Append(HtmlEscape.Text(text[position..start]));
            var css = ClassOf(scope.Name);
            if (css is not null)
            {
                html.Append("<span class=\"tok-").Append(css).Append("\">");
            }

            position = start;
            foreach (var child in scope.Children.OrderBy(s => s.Index))
            {
                position = Math.Min(Append(text, child, position), end);
            }

            html.Append(HtmlEscape.Text(text[position..end]));
            if (css is not null)
            {
                html.Append("</span>");
            }

            return end;
        }
    }

    /// <summary>ColorCode's C# rules with the notebook's three in front of and behind them.</summary>
    private sealed class NotebookCSharp : ILanguage
    {
        public static readonly NotebookCSharp Instance = new();

        private readonly List<LanguageRule> rules =
        [
            new(@"^[ \t]*(#[!a-z][^\r\n]*)", new Dictionary<int, string> { [1] = ScopeName.PreprocessorKeyword }),
            new(@"\b[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?[fFdDmMlLuU]?\b", new Dictionary<int, string> { [0] = ScopeName.Number }),
            .. Languages.CSharp.Rules,
            new(@"\b[A-Z][a-z][A-Za-z0-9_]*\b", new Dictionary<int, string> { [0] = ScopeName.ClassName }),
        ];

        public string Id => "backprop-notebook-csharp";

        public string Name => "C# (notebook)";

        public string CssClassName => "csharp";

        public string FirstLinePattern => "";

        public IList<LanguageRule> Rules => rules;

        public bool HasAlias(string lang) => false;
    }
}
