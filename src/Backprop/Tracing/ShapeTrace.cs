using System.Text;

namespace Backprop;

/// <summary>
/// An opt-in recorder: pass one to a forward or backward pass and it logs every operation as a
/// <see cref="TraceRow"/>. Without one, the passes record nothing and stay fast.
/// Create a new trace per pass you want to show: a trace holds no global state.
/// </summary>
public sealed class ShapeTrace
{
    private readonly List<TraceRow> rows = [];

    /// <summary>Rows in the order the operations ran.</summary>
    public IReadOnlyList<TraceRow> Rows => rows;

    /// <summary>Rows of the forward pass.</summary>
    public IEnumerable<TraceRow> Forward => rows.Where(r => r.Pass == Pass.Forward);

    /// <summary>Rows of the backward pass.</summary>
    public IEnumerable<TraceRow> Backward => rows.Where(r => r.Pass == Pass.Backward);

    /// <summary>The recursion depth to stamp on rows recorded from now on (used by the recursive form).</summary>
    internal int Depth { get; set; }

    internal void Add(Pass pass, string layer, string quantity, Operation operation, string expression,
        Shape result, bool sumsOverN, params Shape[] operands) =>
        rows.Add(new TraceRow(pass, layer, quantity, operation, expression, operands, result, sumsOverN, Depth));

    /// <summary>
    /// A plain-text table for consoles and tests: one section per pass, one line per operation,
    /// "Σ over n" marked where the batch size disappears.
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var pass in new[] { Pass.Forward, Pass.Backward })
        {
            var section = rows.Where(r => r.Pass == pass).ToList();
            if (section.Count == 0) continue;
            text.AppendLine(pass == Pass.Forward ? "Forward pass" : "Backward pass");
            var quantityWidth = Math.Max(8, section.Max(r => r.Quantity.Length));
            var expressionWidth = Math.Max(10, section.Max(r => r.Expression.Length));
            foreach (var r in section)
            {
                var indent = new string(' ', 2 * r.Depth);
                text.Append("  ").Append(indent).Append(r.Quantity.PadRight(quantityWidth))
                    .Append(" = ").Append(r.Expression.PadRight(expressionWidth))
                    .Append("  ").Append(r.ShapeText);
                if (r.SumsOverN) text.Append("   Σ over n");
                text.AppendLine();
            }
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
