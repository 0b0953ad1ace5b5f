using System.Text;
using Backprop.Shared;

namespace Backprop.Site;

/// <summary>
/// A small C# highlighter for the exported pages: comments, strings (regular, verbatim,
/// interpolated, raw), characters, numbers, keywords, type-like names (PascalCase) and notebook
/// directives (<c>#r</c>, <c>#!import</c>) become <c>&lt;span class="tok-…"&gt;</c>; everything is
/// HTML-escaped. It colours, it does not parse: odd input still comes out escaped and readable.
/// </summary>
public static class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "get", "goto", "if", "implicit", "in", "init",
        "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "record", "ref", "return", "sbyte", "sealed",
        "set", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var", "virtual", "void", "volatile", "while",
        "yield", "when", "with", "and", "or", "not", "nameof", "dynamic", "required", "global",
    };

    /// <summary>The code as escaped HTML with token spans (no surrounding element).</summary>
    public static string ToHtml(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var html = new StringBuilder(code.Length * 2);
        var i = 0;
        while (i < code.Length)
        {
            var (kind, length) = Next(code, i);
            var text = HtmlEscape.Text(code.Substring(i, length));
            html.Append(kind is null ? text : $"<span class=\"tok-{kind}\">{text}</span>");
            i += length;
        }

        return html.ToString();
    }

    private static (string? Kind, int Length) Next(string s, int i)
    {
        var c = s[i];
        var rest = s.AsSpan(i);
        if (rest.StartsWith("//"))
        {
            return ("comment", Until(s, i, "\n", include: false));
        }

        if (rest.StartsWith("/*"))
        {
            return ("comment", Until(s, i + 2, "*/", include: true) + 2);
        }

        if (c == '#' && AtLineStart(s, i))
        {
            return ("directive", Until(s, i, "\n", include: false));
        }

        if (rest.StartsWith("\"\"\"") || rest.StartsWith("$\"\"\""))
        {
            var open = rest[0] == '$' ? 4 : 3;
            return ("string", open + Until(s, i + open, "\"\"\"", include: true));
        }

        if (c == '"' || (c is '$' or '@' && i + 1 < s.Length && (s[i + 1] == '"' || (s[i + 1] is '$' or '@' && i + 2 < s.Length && s[i + 2] == '"'))))
        {
            return ("string", StringLength(s, i));
        }

        if (c == '\'' && i + 2 < s.Length)
        {
            var end = s[i + 1] == '\\' ? s.IndexOf('\'', i + 3) : (s[i + 2] == '\'' ? i + 2 : -1);
            if (end > 0 && end - i <= 10)
            {
                return ("string", end - i + 1);
            }
        }

        if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
        {
            var end = i;
            while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end]) || s[end] is '.' or '_') && !(s[end] == '.' && (end + 1 >= s.Length || !char.IsAsciiDigit(s[end + 1]))))
            {
                end++;
            }

            return ("number", end - i);
        }

        if (char.IsLetter(c) || c == '_')
        {
            var end = i;
            while (end < s.Length && (char.IsLetterOrDigit(s[end]) || s[end] == '_'))
            {
                end++;
            }

            var word = s[i..end];
            return (Keywords.Contains(word) ? "keyword" : char.IsUpper(c) && word.Length > 1 && char.IsLower(word[1]) ? "type" : null, end - i);
        }

        var plain = i + 1;
        while (plain < s.Length && !char.IsLetterOrDigit(s[plain]) && s[plain] is not ('"' or '\'' or '/' or '#' or '$' or '@' or '_' or '.'))
        {
            plain++;
        }

        return (null, plain - i);
    }

    private static bool AtLineStart(string s, int i)
    {
        for (var j = i - 1; j >= 0 && s[j] != '\n'; j--)
        {
            if (!char.IsWhiteSpace(s[j]))
            {
                return false;
            }
        }

        return true;
    }

    // Length from start to the end of the terminator (or of the text).
    private static int Until(string s, int start, string terminator, bool include)
    {
        var end = s.IndexOf(terminator, start, StringComparison.Ordinal);
        return end < 0 ? s.Length - start : end - start + (include ? terminator.Length : 0);
    }

    private static int StringLength(string s, int i)
    {
        var verbatim = false;
        var j = i;
        while (s[j] != '"')
        {
            verbatim |= s[j] == '@';
            j++;
        }

        for (j++; j < s.Length; j++)
        {
            if (s[j] == '\n' && !verbatim)
            {
                return j - i;
            }

            if (!verbatim && s[j] == '\\')
            {
                j++;
            }
            else if (s[j] == '"')
            {
                if (verbatim && j + 1 < s.Length && s[j + 1] == '"')
                {
                    j++;
                }
                else
                {
                    return j - i + 1;
                }
            }
        }

        return s.Length - i;
    }
}
