using System.Text;

namespace Backprop.Site;

/// <summary>
/// Formulas as styled text, with no math library: the course writes its math in Unicode, and the
/// few <c>$…$</c> / <c>$$…$$</c> formulas are turned into HTML here — Greek letters and operators
/// as their Unicode characters, <c>^</c>/<c>_</c> as superscript/subscript, <c>\frac{a}{b}</c> as a
/// stacked fraction, <c>\text{…}</c> upright. An unknown command is shown as written. Everything
/// is HTML-escaped.
/// </summary>
public static class TexText
{
    // Command → text, as "name text" pairs separated by spaces; spacing commands map to spaces.
    private static readonly Dictionary<string, string> Symbols = Pairs(
        "alpha α beta β gamma γ delta δ epsilon ε varepsilon ε zeta ζ eta η theta θ iota ι kappa κ lambda λ mu μ " +
        "nu ν xi ξ pi π rho ρ sigma σ tau τ phi φ varphi φ chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ " +
        "Sigma Σ Phi Φ Psi Ψ Omega Ω partial ∂ nabla ∇ cdot · times × odot ⊙ circ ∘ leftarrow ← gets ← " +
        "rightarrow → to → Rightarrow ⇒ le ≤ leq ≤ ge ≥ geq ≥ ne ≠ neq ≠ approx ≈ sum ∑ prod ∏ in ∈ infty ∞ " +
        "top ᵀ prime ′ ldots … cdots ⋯ dots … pm ± mid | lVert ‖ rVert ‖ | ‖ Vert ‖ { { } } % % & & _ _ # # " +
        "exp exp log log ln ln max max min min tanh tanh");

    // Relations and binary operators: set off by spaces, as TeX spaces them.
    private static readonly Dictionary<string, string> Operators = Pairs(
        "cdot · times × odot ⊙ circ ∘ leftarrow ← gets ← rightarrow → to → Rightarrow ⇒ le ≤ leq ≤ ge ≥ geq ≥ " +
        "ne ≠ neq ≠ approx ≈ in ∈ pm ±");

    private static readonly Dictionary<string, string> Spaces = new(StringComparer.Ordinal)
    {
        [","] = "\u2009",
        [";"] = "\u2005",
        [":"] = "\u2005",
        ["quad"] = "\u2003",
        ["qquad"] = "\u2003\u2003",
    };

    // Commands that only size or pair delimiters: dropped.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "!", "left", "right", "big", "Big", "displaystyle" };

    private static readonly Dictionary<string, string> Fonts = Pairs(
        "text tex-text mathrm tex-text operatorname tex-text mathbf tex-bold boldsymbol tex-bold mathit tex-italic");

    /// <summary>The formula as HTML (inline elements only).</summary>
    public static string ToHtml(string tex)
    {
        ArgumentNullException.ThrowIfNull(tex);
        var html = new StringBuilder();
        var i = 0;
        while (i < tex.Length)
        {
            html.Append(Atom(tex, ref i));
        }

        return html.ToString();
    }

    // One unit: a command with its arguments, a group, a script, or a character.
    private static string Atom(string tex, ref int i)
    {
        var c = tex[i];
        switch (c)
        {
            case '{':
                return Group(tex, ref i);
            case '}':
                i++;
                return "";
            case '^' or '_':
                i++;
                var script = i < tex.Length ? Argument(tex, ref i).Replace(" ", "", StringComparison.Ordinal) : "";
                return c == '^' ? $"<sup>{script}</sup>" : $"<sub>{script}</sub>";
            case '\\':
                return Command(tex, ref i);
            case '&':
                i++;
                return " ";
            case ' ' or '\t' or '\n' or '\r':
                // Spaces in TeX math are not significant; operators get their own spacing.
                i++;
                return "";
            case '=' or '+' or '<' or '>' or '-':
                i++;
                return Spaced(c == '-' ? "−" : c.ToString());
            case '\'':
                i++;
                return "′";
            default:
                i++;
                return HtmlText.Escape(c.ToString());
        }
    }

    private static string Command(string tex, ref int i)
    {
        var start = ++i;
        if (i < tex.Length && !char.IsAsciiLetter(tex[i]))
        {
            i++;
        }
        else
        {
            while (i < tex.Length && char.IsAsciiLetter(tex[i]))
            {
                i++;
            }
        }

        var name = tex[start..i];
        if (name == "\\")
        {
            return "<br>";
        }

        if (name == "frac")
        {
            var top = Argument(tex, ref i);
            var bottom = Argument(tex, ref i);
            return $"<span class=\"tex-frac\"><span>{top}</span><span>{bottom}</span></span>";
        }

        if (name == "sqrt")
        {
            return $"√<span class=\"tex-sqrt\">{Argument(tex, ref i)}</span>";
        }

        if (name is "hat" or "bar" or "tilde" or "vec")
        {
            var mark = name switch { "hat" => "\u0302", "bar" => "\u0304", "tilde" => "\u0303", _ => "\u20D7" };
            return Argument(tex, ref i) + mark;
        }

        if (name == "mathbb")
        {
            var letter = Argument(tex, ref i);
            return letter switch { "R" => "ℝ", "N" => "ℕ", "Z" => "ℤ", _ => letter };
        }

        if (name is "text" or "mathrm" or "operatorname")
        {
            return $"<span class=\"tex-text\">{HtmlText.Escape(RawGroup(tex, ref i))}</span>";
        }

        if (Fonts.TryGetValue(name, out var css))
        {
            return $"<span class=\"{css}\">{Argument(tex, ref i)}</span>";
        }

        if (Ignored.Contains(name))
        {
            return "";
        }

        if (Operators.TryGetValue(name, out var op))
        {
            return Spaced(op);
        }

        return Symbols.TryGetValue(name, out var symbol) || Spaces.TryGetValue(name, out symbol)
            ? HtmlText.Escape(symbol)
            : $"<span class=\"tex-unknown\">\\{HtmlText.Escape(name)}</span>";
    }

    // A braced group or a single atom (x^2, x^{10}, \frac12).
    private static string Argument(string tex, ref int i)
    {
        while (i < tex.Length && tex[i] == ' ')
        {
            i++;
        }

        return i >= tex.Length ? "" : tex[i] == '{' ? Group(tex, ref i) : Atom(tex, ref i);
    }

    private static string Group(string tex, ref int i)
    {
        i++;
        var html = new StringBuilder();
        while (i < tex.Length && tex[i] != '}')
        {
            html.Append(Atom(tex, ref i));
        }

        i = Math.Min(i + 1, tex.Length);
        return html.ToString();
    }

    private static string Spaced(string op) => $" {HtmlText.Escape(op)} ";

    // The text of a braced group as written (for \text{…}); a single character without braces.
    private static string RawGroup(string tex, ref int i)
    {
        while (i < tex.Length && tex[i] == ' ')
        {
            i++;
        }

        if (i >= tex.Length)
        {
            return "";
        }

        if (tex[i] != '{')
        {
            return tex[i++].ToString();
        }

        var end = tex.IndexOf('}', i);
        end = end < 0 ? tex.Length : end;
        var text = tex[(i + 1)..end];
        i = Math.Min(end + 1, tex.Length);
        return text;
    }

    private static Dictionary<string, string> Pairs(string pairs)
    {
        var words = pairs.Split(' ');
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Length; i += 2)
        {
            map[words[i]] = words[i + 1];
        }

        return map;
    }
}
