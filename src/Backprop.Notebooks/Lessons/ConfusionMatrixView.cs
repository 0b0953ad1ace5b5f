using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// A confusion matrix as a heatmap: one row per actual class, one column per guess, each cell
/// holding its count. Right answers (the diagonal) are shaded blue, mistakes red, both darker the
/// larger their share of the row; empty cells stay white, so the few mistakes stand out.
/// </summary>
public sealed class ConfusionMatrixView : IView
{
    private const int Cell = 34, Left = 92, Top = 74;

    /// <summary>Shows <paramref name="confusion"/> under <paramref name="title"/>.</summary>
    public ConfusionMatrixView(ConfusionMatrix confusion, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(confusion);
        Confusion = confusion;
        Title = title ?? "";
    }

    /// <summary>The counts shown.</summary>
    public ConfusionMatrix Confusion { get; }

    /// <summary>Above the heatmap.</summary>
    public string Title { get; }

    private string Summary => $"{Html.Number(Confusion.Correct)} of {Html.Number(Confusion.Total)} right ({Html.Number(100 * Confusion.Accuracy, "0.0")} %)";

    /// <summary>The fill of cell (actual, guessed): white when empty, blue on the diagonal, red elsewhere.</summary>
    internal string Fill(int actual, int guessed)
    {
        var count = Confusion[actual, guessed];
        if (count == 0) return "#ffffff";
        var share = (double)count / Confusion.Actual(actual);
        // Mistakes are rare: give even a single one a visible tint.
        var t = actual == guessed ? share : Math.Min(1, 0.25 + 2 * share);
        var (r, g, b) = actual == guessed ? (0x21, 0x66, 0xac) : (0xc0, 0x39, 0x2b);
        int Mix(int c) => (int)Math.Round(255 + (c - 255) * t);
        return $"#{Mix(r):x2}{Mix(g):x2}{Mix(b):x2}";
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var k = Confusion.Classes;
        var width = Left + k * Cell + 70;
        var height = Top + k * Cell + 20;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-confusion\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">")
            .Append($"<text x=\"{width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">{Html.Escape(Title)}: {Html.Escape(Summary)}</text>")
            .Append($"<text x=\"{Left + k * Cell / 2}\" y=\"{Top - 26}\" text-anchor=\"middle\">guessed</text>")
            .Append($"<text x=\"{Left + k * Cell + 35}\" y=\"{Top - 10}\" text-anchor=\"middle\">right</text>")
            .Append($"<text x=\"18\" y=\"{Top + k * Cell / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {Top + k * Cell / 2})\">actual</text>");
        for (var c = 0; c < k; c++)
        {
            svg.Append($"<text x=\"{Left + c * Cell + Cell / 2}\" y=\"{Top - 8}\" text-anchor=\"middle\" font-weight=\"bold\">{c}</text>")
               .Append($"<text x=\"{Left - 10}\" y=\"{Top + c * Cell + Cell / 2 + 4}\" text-anchor=\"end\" font-weight=\"bold\">{c}</text>");
        }
        for (var a = 0; a < k; a++)
        {
            for (var g = 0; g < k; g++)
            {
                var count = Confusion[a, g];
                var x = Left + g * Cell;
                var y = Top + a * Cell;
                svg.Append($"<rect class=\"bp-cell\" x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" fill=\"{Fill(a, g)}\" stroke=\"#ddd\"/>");
                if (count > 0)
                {
                    var dark = a == g && (double)count / Confusion.Actual(a) > 0.5;
                    svg.Append($"<text x=\"{x + Cell / 2}\" y=\"{y + Cell / 2 + 4}\" text-anchor=\"middle\" fill=\"{(dark ? "white" : "#222")}\">{Html.Number(count)}</text>");
                }
            }
            var right = Confusion.Actual(a) == 0 ? "–" : Html.Number(100.0 * Confusion[a, a] / Confusion.Actual(a), "0") + " %";
            svg.Append($"<text x=\"{Left + k * Cell + 35}\" y=\"{Top + a * Cell + Cell / 2 + 4}\" text-anchor=\"middle\" fill=\"#555\">{right}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <inheritdoc />
    public string ToText()
    {
        var k = Confusion.Classes;
        var width = Math.Max(3, Html.Number(Confusion.Total).Length + 1);
        var text = new StringBuilder(Title).Append(": ").AppendLine(Summary)
            .Append("actual \\ guessed").AppendLine();
        text.Append("    ").AppendJoin("", Enumerable.Range(0, k).Select(g => Html.Number(g).PadLeft(width))).AppendLine();
        for (var a = 0; a < k; a++)
        {
            text.Append(Html.Number(a).PadLeft(3)).Append(' ')
                .AppendJoin("", Enumerable.Range(0, k).Select(g => (Confusion[a, g] == 0 && a != g ? "." : Html.Number(Confusion[a, g])).PadLeft(width))).AppendLine();
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
