using System.Globalization;
using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// A small table of named columns for the lessons' side-by-side comparisons: loss and gradients
/// of two bias modes, ΔW of the loop and the recursion, one row per planted bug. Numbers are
/// printed culture-invariantly at one precision; shapes print as "(8×2)". Columns of numbers are
/// right-aligned (an empty cell or a dash "–" does not count), every other column left-aligned.
/// <code>
/// Table.Of("Both bias modes", ["layer", "max |difference|"],
///     [["L96", 0.0], ["L97", 1e-17]])
/// </code>
/// </summary>
public sealed class Table : IView
{
    /// <summary>A table of <paramref name="rows"/> under <paramref name="headers"/>.</summary>
    /// <param name="caption">Shown above the table; empty for none.</param>
    /// <param name="headers">Column titles.</param>
    /// <param name="rows">Cells, one list per row, each as long as <paramref name="headers"/>.</param>
    /// <param name="numberFormat">How doubles are printed, e.g. "0.000000" or "R" (every digit).</param>
    public Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string numberFormat = DefaultFormat)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        if (headers.Count == 0) throw new ArgumentException("A table needs at least one column", nameof(headers));
        Caption = caption ?? "";
        Headers = headers;
        NumberFormat = numberFormat;
        var numeric = Enumerable.Repeat(true, headers.Count).ToArray();
        Rows = rows.Select((row, i) =>
        {
            ArgumentNullException.ThrowIfNull(row);
            if (row.Count != headers.Count)
                throw new ArgumentException($"Row {i} has {row.Count} cells; the table has {headers.Count} columns ({string.Join(", ", headers)})", nameof(rows));
            for (var j = 0; j < row.Count; j++) numeric[j] &= IsNumberOrBlank(row[j]);
            return (IReadOnlyList<string>)row.Select(Cell).ToArray();
        }).ToArray();
        RightAligned = numeric;
    }

    /// <summary>Six decimals: enough to see two runs agree, short enough to read.</summary>
    public const string DefaultFormat = "0.000000";

    /// <summary>A table from a few literal rows: <c>Table.Of("caption", ["a", "b"], [1, 2.5], [3, 4.5])</c>.</summary>
    public static Table Of(string caption, IReadOnlyList<string> headers, params IReadOnlyList<object?>[] rows) => new(caption, headers, rows);

    /// <summary>The caption.</summary>
    public string Caption { get; }

    /// <summary>Column titles.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>How doubles are printed.</summary>
    public string NumberFormat { get; }

    /// <summary>The cells as printed, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Per column: true when it holds only numbers (and blanks), which are right-aligned.</summary>
    public IReadOnlyList<bool> RightAligned { get; }

    private static bool IsNumberOrBlank(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0 || text == "–",
        double or float or int or long or decimal => true,
        _ => false,
    };

    private string Cell(object? value) => value switch
    {
        null => "",
        double d => Html.Number(d, NumberFormat),
        float f => Html.Number(f, NumberFormat),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder(Html.TableStyle).Append("<table class=\"bp-table bp-lesson-table\">");
        if (Caption.Length > 0) html.Append("<caption>").Append(Html.Escape(Caption)).Append("</caption>");
        html.Append("<tr>");
        for (var j = 0; j < Headers.Count; j++) html.Append(Open("th", j)).Append(Html.Escape(Headers[j])).Append("</th>");
        html.Append("</tr>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (var j = 0; j < row.Count; j++)
                html.Append(Open("td", j)).Append(Html.Escape(row[j])).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    private string Open(string tag, int column) => RightAligned[column] ? $"<{tag}>" : $"<{tag} class=\"bp-left\">";

    /// <inheritdoc />
    public string ToText()
    {
        var all = new[] { Headers }.Concat(Rows).ToArray();
        var widths = Headers.Select((_, j) => all.Max(r => r[j].Length)).ToArray();
        var text = new StringBuilder();
        if (Caption.Length > 0) text.AppendLine(Caption);
        foreach (var row in all)
            text.Append("  ").AppendJoin("  ", row.Select((c, j) => c.PadRight(widths[j]))).AppendLine();
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
