using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// The article's batch picture, drawn from a real pass: every matrix a rectangle whose height and
/// width follow its shape (n rows, k columns), labelled with its name and shape. Forward, one row
/// per layer (O_prev @ W = Z, σ, O); backward, one row per layer from the output down
/// (∂L/∂O ⊙ g′(Z) = δ; O_prevᵀ @ δ = ∂L/∂W with the n edges marked as summed away; δ @ Wᵀ =
/// ∂L/∂O_prev in the red used for ∂L); then the update (ΔW = α·∂L/∂W, W ← W − ΔW). Built from the
/// pass's <see cref="ShapeTrace"/>, so names and shapes are the ones the passes computed. Both
/// bias forms appear as they are computed: Z + b and Σₙ δ, or [O | 1] with its ones column and
/// the drop of that column's ∂L. A static SVG: no script, deterministic, escaped.
/// </summary>
public sealed class BatchDiagram : IView
{
    private const double Gap = 10, LabelHeight = 28, RowPadding = 18, Left = 70;

    private readonly List<Row> rows = [];

    /// <summary>Draws <paramref name="forward"/>, and the backward pass and update when <paramref name="gradients"/> is given.</summary>
    /// <param name="forward">A forward pass over a batch.</param>
    /// <param name="gradients">That pass's gradients, or null for the forward rows only.</param>
    /// <param name="alpha">α of the update rows; no update rows when null.</param>
    /// <param name="title">A title above the drawing.</param>
    public BatchDiagram(ForwardPass forward, Gradients? gradients = null, double? alpha = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(forward);
        Trace = ShapeTrace.Of(forward, gradients);
        Title = title ?? $"{forward.Network}, a batch of n = {forward.X.RowCount}";
        foreach (var group in Trace.Rows.GroupBy(r => (r.Pass, r.Layer)))
        {
            var traced = group.ToList();
            var items = traced.SelectMany((r, i) => Items(r, i + 1 < traced.Count ? traced[i + 1] : null)).ToList();
            rows.Add(new Row(group.Key.Pass == Pass.Forward ? "forward" : "backward", group.Key.Layer, items));
        }
        if (gradients is not null && alpha is { } a)
        {
            foreach (var g in gradients.Layers.Reverse())
                rows.Add(new Row("update", g.Layer.Name, UpdateItems(g, a).ToList()));
        }

        var largest = Trace.Rows.SelectMany(r => r.Operands.Append(r.Result)).Max(s => Math.Max(s.Rows, s.Columns));
        Unit = Math.Clamp(Math.Floor(220.0 / largest), 3, 14);
    }

    /// <summary>The trace the picture is drawn from.</summary>
    public ShapeTrace Trace { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>Pixels per row or column of a matrix: large for small batches, down to 3 so n = 64 still fits.</summary>
    public double Unit { get; }

    private enum Kind { Value, Weight, Delta, Loss, Gradient, Ones }

    private abstract record Item;

    private sealed record Mat(string Name, Shape Shape, Kind Kind, bool Transposed = false, bool SummedN = false, bool OnesColumn = false, bool Dropped = false) : Item;

    private sealed record Op(string Symbol) : Item;

    private sealed record Row(string Pass, string Layer, IReadOnlyList<Item> Items);

    /// <summary>One traced operation as "operands = result"; <paramref name="next"/> lets Z = O_prev @ W + b read as one equation.</summary>
    private static IEnumerable<Item> Items(TraceRow r, TraceRow? next)
    {
        var result = new Mat(r.Quantity, r.Result, KindOf(r.Quantity));
        Item end = new Op("   ");
        switch (r.Operation)
        {
            case Operation.AppendOnes:
                return [new Mat(r.Expression.Replace(" | 1", "", StringComparison.Ordinal), r.Operands[0], Kind.Value), new Op("| 1 ="), result with { OnesColumn = true }, end];
            case Operation.AddBias:
                return [new Op("+"), new Mat(r.Expression.Split(" + ")[1], r.Operands[1], Kind.Weight), new Op("="), result];
            case Operation.Activation:
                return [new Op(r.Expression[..r.Expression.IndexOf('(', StringComparison.Ordinal)] + " →"), result, end];
            case Operation.Derivative:
                return []; // drawn as the g′(Z) operand of δ's row
            case Operation.SumOverN:
                return [new Op("Σₙ"), new Mat(r.Expression.Replace("Σₙ ", "", StringComparison.Ordinal), r.Operands[0], Kind.Delta, SummedN: true), new Op("="), result, end];
            case Operation.DropOnes:
                return [new Op("drop the ones' column →"), result, end];
            default:
                var names = r.Expression.Split($" {r.Symbol} ");
                var items = new List<Item>();
                for (var i = 0; i < names.Length; i++)
                {
                    if (i > 0) items.Add(new Op(r.Symbol));
                    items.Add(new Mat(names[i], r.Operands[i], KindOf(names[i].TrimEnd('ᵀ')), names[i].EndsWith('ᵀ'), SummedN: r.SumsOverN));
                }
                if (next?.Operation == Operation.AddBias) return items; // "+ b = Z" follows
                var opensDrop = next?.Operation == Operation.DropOnes;
                return [.. items, new Op("="), result, .. opensDrop ? Array.Empty<Item>() : [end]];
        }
    }

    private static IEnumerable<Item> UpdateItems(LayerGradients g, double alpha)
    {
        var name = g.Layer.Name;
        yield return new Op($"{Html.Number(alpha, "0.###")} ·");
        yield return new Mat($"∂L/∂W_{name}", Shape.Of(g.DLossDW), Kind.Gradient);
        yield return new Op("=");
        yield return new Mat($"ΔW_{name}", Shape.Of(g.DLossDW), Kind.Gradient);
        yield return new Op("   ");
        yield return new Mat($"W_{name}", Shape.Of(g.Layer.W), Kind.Weight);
        yield return new Op("−");
        yield return new Mat($"ΔW_{name}", Shape.Of(g.DLossDW), Kind.Gradient);
        yield return new Op("→ new");
        yield return new Mat($"W_{name}", Shape.Of(g.Layer.W), Kind.Weight);
        if (g.DLossDB is { } db)
        {
            yield return new Op("   ");
            yield return new Mat($"b_{name}", Shape.Of(db), Kind.Weight);
            yield return new Op($"− {Html.Number(alpha, "0.###")} ·");
            yield return new Mat($"∂L/∂b_{name}", Shape.Of(db), Kind.Gradient);
            yield return new Op("→ new");
            yield return new Mat($"b_{name}", Shape.Of(db), Kind.Weight);
        }
    }

    private static Kind KindOf(string name) => name switch
    {
        _ when name.StartsWith("∂L/∂O", StringComparison.Ordinal) => Kind.Loss,
        _ when name.StartsWith("∂L/∂", StringComparison.Ordinal) || name.StartsWith("ΔW", StringComparison.Ordinal) => Kind.Gradient,
        _ when name.StartsWith('δ') || name.StartsWith("g'", StringComparison.Ordinal) => Kind.Delta,
        _ when name.StartsWith("W_", StringComparison.Ordinal) || name.StartsWith("b_", StringComparison.Ordinal) => Kind.Weight,
        _ => Kind.Value,
    };

    private static (string Fill, string Stroke) Colours(Kind kind) => kind switch
    {
        Kind.Loss => ("#fdecea", "#c0392b"),
        Kind.Gradient => ("#e8f5e9", "#1e7b34"),
        Kind.Delta => ("#f3e8fb", "#7b3fa0"),
        Kind.Weight => ("#f1f1f1", "#555555"),
        Kind.Ones => ("#fff8e1", "#b8860b"),
        _ => ("#eef3fb", "#2166ac"),
    };

    private double Width(Item item) => item switch
    {
        Mat m => Math.Max(m.Shape.Columns * Unit, 6.4 * Math.Max(m.Name.Length, m.Shape.ToString().Length)),
        Op o => o.Symbol.Trim().Length == 0 ? 14 : 7.5 * o.Symbol.Length + 6,
        _ => 0,
    };

    private double Height(Row row) => row.Items.OfType<Mat>().Select(m => m.Shape.Rows * Unit).DefaultIfEmpty(0).Max() + LabelHeight + RowPadding;

    private static string P(double v) => Html.Number(v, "0.#");

    /// <summary>The drawing as a standalone &lt;svg&gt; element.</summary>
    public string ToSvg()
    {
        var width = Left + rows.Max(r => r.Items.Sum(i => Width(i) + Gap)) + 20;
        var sections = rows.Select(r => r.Pass).Distinct().Count();
        var height = 34 + sections * 26 + rows.Sum(Height);
        var svg = new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-batch-diagram\" width=\"{P(width)}\" height=\"{P(height)}\" viewBox=\"0 0 {P(width)} {P(height)}\" font-family=\"sans-serif\" font-size=\"11\">")
            .Append($"<rect width=\"{P(width)}\" height=\"{P(height)}\" fill=\"white\"/>")
            .Append($"<text x=\"10\" y=\"20\" font-size=\"13\" font-weight=\"bold\" fill=\"#222\">{Html.Escape(Title)}</text>");
        var y = 34.0;
        string? pass = null;
        foreach (var row in rows)
        {
            if (row.Pass != pass)
            {
                pass = row.Pass;
                var heading = pass switch { "forward" => "Forward pass", "backward" => "Backward pass (from the output down)", _ => "Update, after the whole backward pass" };
                svg.Append($"<text class=\"bp-section\" x=\"10\" y=\"{P(y + 16)}\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\">{heading}</text>");
                y += 26;
            }
            AppendRow(svg, row, y);
            y += Height(row);
        }
        return svg.Append("</svg>").ToString();
    }

    private void AppendRow(StringBuilder svg, Row row, double top)
    {
        svg.Append($"<g class=\"bp-batch-row\" data-pass=\"{row.Pass}\" data-layer=\"{Html.Escape(row.Layer)}\">")
           .Append($"<text x=\"10\" y=\"{P(top + 14)}\" font-weight=\"bold\" fill=\"#222\">{Html.Escape(row.Layer)}</text>");
        var x = Left;
        foreach (var item in row.Items)
        {
            var w = Width(item);
            if (item is Mat m) AppendMatrix(svg, m, x + (w - m.Shape.Columns * Unit) / 2, top);
            else if (item is Op o && o.Symbol.Trim().Length > 0)
                svg.Append($"<text class=\"bp-operator\" x=\"{P(x + w / 2)}\" y=\"{P(top + 14)}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#222\">{Html.Escape(o.Symbol)}</text>");
            x += w + Gap;
        }
        svg.Append("</g>");
    }

    private void AppendMatrix(StringBuilder svg, Mat m, double x, double y)
    {
        var (w, h) = (m.Shape.Columns * Unit, m.Shape.Rows * Unit);
        var (fill, stroke) = Colours(m.Kind);
        svg.Append($"<g class=\"bp-matrix\" data-name=\"{Html.Escape(m.Name)}\" data-rows=\"{m.Shape.Rows}\" data-columns=\"{m.Shape.Columns}\">")
           .Append($"<rect x=\"{P(x)}\" y=\"{P(y)}\" width=\"{P(w)}\" height=\"{P(h)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.2\"><title>{Html.Escape($"{m.Name} {m.Shape}")}</title></rect>");
        if (m.OnesColumn)
        {
            var (onesFill, onesStroke) = Colours(Kind.Ones);
            svg.Append($"<rect class=\"bp-ones\" x=\"{P(x + w - Unit)}\" y=\"{P(y)}\" width=\"{P(Unit)}\" height=\"{P(h)}\" fill=\"{onesFill}\" stroke=\"{onesStroke}\"><title>the column of ones</title></rect>");
        }
        if (m.SummedN)
        {
            // The n edge: the columns of Oᵀ (its width) and the rows of δ (its height) are added up.
            var nEdge = m.Transposed
                ? $"<line class=\"bp-summed-edge\" x1=\"{P(x)}\" y1=\"{P(y + h + 2)}\" x2=\"{P(x + w)}\" y2=\"{P(y + h + 2)}\""
                : $"<line class=\"bp-summed-edge\" x1=\"{P(x - 3)}\" y1=\"{P(y)}\" x2=\"{P(x - 3)}\" y2=\"{P(y + h)}\"";
            svg.Append(nEdge).Append(" stroke=\"#e08214\" stroke-width=\"3\"><title>n: summed away by this product</title></line>");
        }
        var label = m.Name;
        svg.Append($"<text x=\"{P(x + w / 2)}\" y=\"{P(y + h + 14)}\" text-anchor=\"middle\" fill=\"{(m.Kind == Kind.Loss ? stroke : "#222")}\">{Html.Escape(label)}</text>")
           .Append($"<text x=\"{P(x + w / 2)}\" y=\"{P(y + h + 26)}\" text-anchor=\"middle\" fill=\"#555\" font-size=\"10\">{Html.Escape(m.Shape.ToString())}{(m.SummedN ? " Σₙ" : "")}</text>")
           .Append("</g>");
    }

    /// <inheritdoc />
    public string ToHtml() => $"<div class=\"bp-diagram\">{ToSvg()}</div>";

    /// <inheritdoc />
    public string ToText()
    {
        var text = new StringBuilder(Title).AppendLine();
        foreach (var row in rows)
        {
            text.Append("  ").Append(row.Pass.PadRight(9)).Append(row.Layer.PadRight(6));
            foreach (var item in row.Items)
                text.Append(item switch { Mat m => $"{m.Name} {m.Shape} ", Op o when o.Symbol.Trim().Length > 0 => $"{o.Symbol} ", _ => "  " });
            text.AppendLine();
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
