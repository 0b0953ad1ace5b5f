using System.Text;

namespace Backprop;

/// <summary>
/// Every operation of a training step's passes, with its shapes, as the article's batch diagram
/// lists them: built after the fact from what the passes kept (<see cref="ForwardPass"/>,
/// <see cref="Gradients"/> and, for the recursive form, its <see cref="Gradients.Calls"/>), so
/// the passes themselves hold only the equations. Each shape is read off the matrix it names.
/// </summary>
public sealed class ShapeTrace
{
    private ShapeTrace(IReadOnlyList<TraceRow> rows) => Rows = rows;

    /// <summary>Rows in the order the operations ran: forward from the first layer, then backward from the output.</summary>
    public IReadOnlyList<TraceRow> Rows { get; }

    /// <summary>Rows of the forward pass.</summary>
    public IEnumerable<TraceRow> Forward => Rows.Where(r => r.Pass == Pass.Forward);

    /// <summary>Rows of the backward pass.</summary>
    public IEnumerable<TraceRow> Backward => Rows.Where(r => r.Pass == Pass.Backward);

    /// <summary>The rows of one pass only, e.g. to show a backward pass after its forward pass was shown.</summary>
    public ShapeTrace Only(Pass pass) => new(Rows.Where(r => r.Pass == pass).ToList());

    /// <summary>
    /// The trace of <paramref name="forward"/> and, when given, of the backward pass that made
    /// <paramref name="gradients"/> from it (the loop form, or the recursive form with its depths).
    /// </summary>
    /// <param name="forward">A forward pass.</param>
    /// <param name="gradients">That pass's gradients, or null for the forward rows only.</param>
    public static ShapeTrace Of(ForwardPass forward, Gradients? gradients = null)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var rows = forward.Layers.SelectMany(ForwardRows).ToList();
        if (gradients is not null)
        {
            if (gradients.Count != forward.Layers.Count)
                throw new ArgumentException($"Gradients of {gradients.Count} layers do not belong to a forward pass of {forward.Layers.Count} layers", nameof(gradients));
            rows.AddRange(BackwardRows(forward, gradients));
        }
        return new ShapeTrace(rows);
    }

    private static IEnumerable<TraceRow> ForwardRows(LayerState s)
    {
        var (name, previous) = (s.Layer.Name, s.Layer.PreviousName);
        var input = s.Layer.InputName;
        if (s.Layer.BiasMode == BiasMode.OnesColumn)
            yield return Row(Pass.Forward, name, input, Operation.AppendOnes, $"O_{previous} | 1", s.Input, new Shape(s.Input.RowCount, s.Layer.InputSize));
        yield return Row(Pass.Forward, name, $"Z_{name}", Operation.MatrixProduct, $"{input} @ W_{name}", s.Z, Shape.Of(s.Input), Shape.Of(s.W));
        if (s.B is not null)
            yield return Row(Pass.Forward, name, $"Z_{name}", Operation.AddBias, $"Z_{name} + b_{name}", s.Z, Shape.Of(s.Z), Shape.Of(s.B));
        yield return Row(Pass.Forward, name, $"O_{name}", Operation.Activation, $"{s.Layer.Activation.Name}(Z_{name})", s.O, Shape.Of(s.Z));
    }

    /// <summary>The loss derivative, then each layer's step in the order the steps ran.</summary>
    private static IEnumerable<TraceRow> BackwardRows(ForwardPass forward, Gradients gradients)
    {
        var last = forward.Layers.Count - 1;
        var calls = gradients.Calls;
        var index = forward.Layers.Select((s, l) => (s.Layer.Name, l)).ToDictionary(p => p.Name, p => p.l);
        // The recursive form does a layer's step just before that call returns; the loop goes down from the output.
        var order = calls?.Where(c => c.Event == CallEvent.Return).Select(c => index[c.Layer]).ToList()
            ?? Enumerable.Range(0, last + 1).Reverse().ToList();
        int DepthOf(int l) => calls?.First(c => c.Event == CallEvent.Call && c.Layer == forward.Layers[l].Layer.Name).Depth ?? 0;

        var output = forward.Layers[last];
        var name = output.Layer.Name;
        var formula = gradients.Reduction == LossReduction.Mean ? $"(O_{name} − Y) / n" : $"O_{name} − Y";
        yield return Row(Pass.Backward, name, $"∂L/∂O_{name}", Operation.Subtract, formula, gradients[last].DLossDO,
            Shape.Of(output.O), Shape.Of(output.O)) with
        { Depth = DepthOf(last) };
        foreach (var l in order)
        {
            foreach (var row in LayerRows(forward.Layers[l], gradients[l]))
                yield return row with { Depth = DepthOf(l) };
        }
    }

    private static IEnumerable<TraceRow> LayerRows(LayerState s, LayerGradients g)
    {
        var (name, previous) = (s.Layer.Name, s.Layer.PreviousName);
        var input = s.Layer.InputName;
        var passedDown = new Shape(g.DLossDZ.RowCount, s.W.RowCount); // δ @ Wᵀ, before the ones' column is dropped
        yield return Row(Pass.Backward, name, $"g'(Z_{name})", Operation.Derivative, $"{s.Layer.Activation.Name}'(Z_{name})", s.Z, Shape.Of(s.Z));
        yield return Row(Pass.Backward, name, $"δ_{name}", Operation.ElementWise, $"∂L/∂O_{name} ⊙ g'(Z_{name})", g.DLossDZ, Shape.Of(g.DLossDO), Shape.Of(s.Z));
        yield return Row(Pass.Backward, name, $"∂L/∂W_{name}", Operation.MatrixProduct, $"{input}ᵀ @ δ_{name}", g.DLossDW,
            new Shape(s.Input.ColumnCount, s.Input.RowCount), Shape.Of(g.DLossDZ)) with
        { SumsOverN = true };
        if (g.DLossDB is not null)
            yield return Row(Pass.Backward, name, $"∂L/∂b_{name}", Operation.SumOverN, $"Σₙ δ_{name}", g.DLossDB, Shape.Of(g.DLossDZ)) with { SumsOverN = true };
        if (s.Layer.BiasMode == BiasMode.OnesColumn)
        {
            yield return new TraceRow(Pass.Backward, name, $"∂L/∂O_{previous}", Operation.MatrixProduct, $"δ_{name} @ W_{name}ᵀ",
                [Shape.Of(g.DLossDZ), new Shape(s.W.ColumnCount, s.W.RowCount)], passedDown);
            yield return Row(Pass.Backward, name, $"∂L/∂O_{previous}", Operation.DropOnes, "drop the ones' column", g.DLossDInput, passedDown);
        }
        else
        {
            yield return Row(Pass.Backward, name, $"∂L/∂O_{previous}", Operation.MatrixProduct, $"δ_{name} @ W_{name}ᵀ", g.DLossDInput,
                Shape.Of(g.DLossDZ), new Shape(s.W.ColumnCount, s.W.RowCount));
        }
    }

    private static TraceRow Row(Pass pass, string layer, string quantity, Operation operation, string expression,
        Matrix<double> result, params Shape[] operands) =>
        new(pass, layer, quantity, operation, expression, operands, Shape.Of(result));

    /// <summary>
    /// A plain-text table for consoles and tests: one section per pass, one line per operation
    /// (layer, quantity, formula, shapes), "Σ over n" marked where the batch size disappears, and
    /// the recursion depth as indentation and a column for the recursive form.
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var showsDepth = Rows.Any(r => r.Depth > 0);
        foreach (var (title, rows) in new[] { ("Forward pass", Forward.ToList()), ("Backward pass", Backward.ToList()) })
        {
            if (rows.Count == 0) continue;
            text.AppendLine(title);
            var q = rows.Max(r => r.Quantity.Length + 2 * r.Depth);
            var e = rows.Max(r => r.Expression.Length);
            foreach (var r in rows)
            {
                var quantity = new string(' ', 2 * r.Depth) + r.Quantity;
                text.Append("  ").Append(r.Layer.PadRight(5)).Append(' ').Append(quantity.PadRight(q))
                    .Append(" = ").Append(r.Expression.PadRight(e)).Append("  ").Append(r.ShapeText);
                if (r.SumsOverN) text.Append("   Σ over n");
                if (showsDepth) text.Append("   depth ").Append(r.Depth);
                text.AppendLine();
            }
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
