using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// A <see cref="ShapeTrace"/> as a table like the article's batch diagram: a forward section and
/// a backward section, one row per operation with the quantity computed, the formula, the
/// operation (@, ⊙, ᵀ and Σ over n each drawn differently) and operand shapes → result shape.
/// Rows where the batch size n disappears are marked: that is where every instance's
/// contribution is added up. A recursion depth column appears only for the recursive form.
/// </summary>
public sealed class ShapeTraceView : IView
{
    /// <summary>Shows <paramref name="trace"/>.</summary>
    public ShapeTraceView(ShapeTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Trace = trace;
    }

    /// <summary>The trace shown.</summary>
    public ShapeTrace Trace { get; }

    private bool ShowsDepth => Trace.Rows.Any(r => r.Depth > 0);

    private static IEnumerable<(string Title, List<TraceRow> Rows)> Sections(ShapeTrace trace) =>
        new[] { (Pass.Forward, "Forward pass"), (Pass.Backward, "Backward pass") }
            .Select(p => (p.Item2, trace.Rows.Where(r => r.Pass == p.Item1).ToList()))
            .Where(s => s.Item2.Count > 0);

    /// <inheritdoc />
    public string ToHtml()
    {
        var columns = ShowsDepth ? 7 : 6;
        var html = new StringBuilder(Html.TableStyle).Append("<table class=\"bp-table bp-trace\"><tr>");
        foreach (var h in new[] { "layer", "quantity", "formula", "operation", "shapes", "n" }.Concat(ShowsDepth ? ["depth"] : []))
            html.Append("<th class=\"bp-left\">").Append(h).Append("</th>");
        html.Append("</tr>");
        foreach (var (title, rows) in Sections(Trace))
        {
            html.Append("<tr class=\"bp-section\"><th colspan=\"").Append(columns).Append("\">").Append(title).Append("</th></tr>");
            foreach (var row in rows) AppendRow(html, row);
        }
        return html.Append("</table>").ToString();
    }

    private void AppendRow(StringBuilder html, TraceRow row)
    {
        var pass = row.Pass == Pass.Forward ? "forward" : "backward";
        html.Append("<tr class=\"bp-trace-row").Append(row.SumsOverN ? " bp-sum-row" : "")
            .Append("\" data-pass=\"").Append(pass).Append("\" data-sums-over-n=\"").Append(row.SumsOverN ? "true" : "false").Append("\">")
            .Append("<td class=\"bp-left\">").Append(Html.Escape(row.Layer)).Append("</td>")
            .Append("<td class=\"bp-left\" style=\"padding-left:").Append(8 + 16 * row.Depth).Append("px\">")
            .Append(Html.Escape(row.Quantity)).Append("</td>")
            .Append("<td class=\"bp-left\">").Append(Html.Escape(row.Expression)).Append("</td>")
            .Append("<td class=\"bp-left\">").Append(OperationBadges(row)).Append("</td>")
            .Append("<td class=\"bp-left\">").Append(Html.Escape(row.ShapeText)).Append("</td>")
            .Append("<td class=\"bp-left\">").Append(row.SumsOverN ? "<span class=\"bp-op bp-op-sum\">Σ over n</span>" : "").Append("</td>");
        if (ShowsDepth) html.Append("<td>").Append(row.Depth).Append("</td>");
        html.Append("</tr>");
    }

    /// <summary>The operation's symbol in its own colour, and ᵀ when an operand is transposed.</summary>
    private static string OperationBadges(TraceRow row)
    {
        var kind = row.Operation switch
        {
            Operation.MatrixProduct => "matmul",
            Operation.ElementWise => "hadamard",
            Operation.SumOverN => "sum",
            _ => "other",
        };
        var badge = $"<span class=\"bp-op bp-op-{kind}\" title=\"{row.Operation}\">{Html.Escape(row.Symbol)}</span>";
        return row.Transposes ? badge + " <span class=\"bp-op bp-op-transpose\" title=\"transpose\">ᵀ</span>" : badge;
    }

    /// <inheritdoc />
    public string ToText() => Trace.ToText();

    /// <inheritdoc />
    public override string ToString() => ToText();
}
