using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// The perceptron lesson's pictures: every step of the perceptron rule as a table, the decision
/// line w₁x₁ + w₂x₂ + b = 0 after chosen updates drawn over the data, and the mistakes per epoch.
/// </summary>
public static class PerceptronViews
{
    /// <summary>
    /// Every instance the rule visited (or only those that changed the weights): epoch, x, y, ŷ,
    /// and w and b after the step. <c>history.View(Datasets.And)</c>.
    /// </summary>
    /// <param name="history">What <see cref="Perceptron.Train"/> returned.</param>
    /// <param name="data">The data it was trained on (for the x of each step).</param>
    /// <param name="onlyUpdates">Show only the steps where ŷ ≠ y, i.e. where w and b changed.</param>
    public static PerceptronStepsView View(this PerceptronHistory history, Dataset data, bool onlyUpdates = false) =>
        new(history, data, onlyUpdates);

    /// <summary>
    /// The data's points (one colour per class) and the perceptron's line after each step listed
    /// in <paramref name="afterSteps"/>, numbered as in the steps table (1 = the first instance
    /// visited); after every update when null. The line is where w₁x₁ + w₂x₂ + b = 0: points on
    /// one side get ŷ = 1, on the other ŷ = 0. A step whose line misses the picture (w = (0, 0),
    /// or the line passes outside the data's square) is listed in the legend as "no line here".
    /// </summary>
    public static ChartView DecisionLines(this PerceptronHistory history, Dataset data, IReadOnlyList<int>? afterSteps = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(data);
        if (data.X.ColumnCount != 2) throw new ShapeException($"{data.Name}: X {Shape.Of(data.X)} must have 2 columns to be drawn on a plane");
        var chosen = afterSteps ?? Enumerable.Range(1, history.Steps.Count).Where(s => history.Steps[s - 1].Updated).ToArray();
        foreach (var s in chosen)
        {
            if (s < 1 || s > history.Steps.Count)
                throw new ArgumentOutOfRangeException(nameof(afterSteps), s, $"The perceptron took steps 1 to {history.Steps.Count}");
        }

        var box = Box(data.X);
        var series = new List<Series>();
        foreach (var group in Enumerable.Range(0, data.Count).GroupBy(i => data.Y[i, 0] >= 0.5).OrderBy(g => g.Key))
        {
            series.Add(new Series(group.Key ? "y = 1" : "y = 0", group.Select(i => data.X[i, 0]).ToArray(),
                group.Select(i => data.X[i, 1]).ToArray(), SeriesStyle.Points, group.Key ? Colors.Positive : Colors.Negative));
        }

        for (var c = 0; c < chosen.Count; c++)
        {
            var step = history.Steps[chosen[c] - 1];
            var line = Segment(step.W[0], step.W[1], step.B, box);
            var name = $"after step {Html.Number(chosen[c])}" + (line is null ? ": no line here" : "");
            series.Add(line is { } l
                ? new Series(name, [l.X1, l.X2], [l.Y1, l.Y2], SeriesStyle.Line, Fade(c, chosen.Count))
                : new Series(name, [], [], SeriesStyle.Line, Fade(c, chosen.Count)));
        }
        return new ChartView(new PlotSpec($"{data.Name}: the perceptron's line", "x₁", "x₂", series));
    }

    /// <summary>How many instances each epoch got wrong: reaching 0 means every point is on its side of the line.</summary>
    public static ChartView Mistakes(this PerceptronHistory history, string title = "Mistakes per epoch")
    {
        ArgumentNullException.ThrowIfNull(history);
        var epochs = Enumerable.Range(1, history.MistakesPerEpoch.Count).Select(e => (double)e).ToArray();
        return new ChartView(new PlotSpec(title, "epoch", "instances misclassified",
            [new Series("mistakes", epochs, history.MistakesPerEpoch.Select(m => (double)m).ToArray(), SeriesStyle.LineAndPoints)]));
    }

    /// <summary>The data's range with a margin of half a unit, so the truth tables' corners sit inside.</summary>
    private static (double X0, double X1, double Y0, double Y1) Box(Matrix<double> x) =>
        (x.Column(0).Minimum() - 0.5, x.Column(0).Maximum() + 0.5, x.Column(1).Minimum() - 0.5, x.Column(1).Maximum() + 0.5);

    /// <summary>
    /// The part of the line w₁x₁ + w₂x₂ + b = 0 inside the box, or null when w = (0, 0) (no line)
    /// or the line misses the box.
    /// </summary>
    internal static (double X1, double Y1, double X2, double Y2)? Segment(double w1, double w2, double b, (double X0, double X1, double Y0, double Y1) box)
    {
        var points = new List<(double X, double Y)>();
        if (w2 != 0)
        {
            foreach (var x in new[] { box.X0, box.X1 })
                points.Add((x, -(w1 * x + b) / w2));
        }

        if (w1 != 0)
        {
            foreach (var y in new[] { box.Y0, box.Y1 })
                points.Add((-(w2 * y + b) / w1, y));
        }

        const double tolerance = 1e-12;
        var inside = points.Where(p => p.X >= box.X0 - tolerance && p.X <= box.X1 + tolerance && p.Y >= box.Y0 - tolerance && p.Y <= box.Y1 + tolerance)
            .Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (inside.Count < 2) return null;
        return (inside[0].X, inside[0].Y, inside[^1].X, inside[^1].Y);
    }

    /// <summary>Earlier lines grey, the last one strong: the eye follows the line moving.</summary>
    private static string Fade(int index, int count)
    {
        if (index == count - 1) return "#1e7b34";
        var shade = (int)Math.Round(200 - 110.0 * index / Math.Max(1, count - 1));
        return $"#{shade:x2}{shade:x2}{shade:x2}";
    }
}

/// <summary>
/// The perceptron rule step by step: one row per instance visited (or per update), with x, the
/// target y, the prediction ŷ before the step, and w and b after it; rows that changed the
/// weights are marked. Built by <see cref="PerceptronViews.View"/>.
/// </summary>
public sealed class PerceptronStepsView : IView
{
    /// <summary>Shows <paramref name="history"/>'s steps on <paramref name="data"/>.</summary>
    public PerceptronStepsView(PerceptronHistory history, Dataset data, bool onlyUpdates = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(data);
        History = history;
        Data = data;
        OnlyUpdates = onlyUpdates;
    }

    /// <summary>The training run shown.</summary>
    public PerceptronHistory History { get; }

    /// <summary>The data it ran on.</summary>
    public Dataset Data { get; }

    /// <summary>True when only the updating steps are listed.</summary>
    public bool OnlyUpdates { get; }

    private static readonly string[] Headers = ["step", "epoch", "x", "y", "ŷ", "y − ŷ", "w after", "b after"];

    private IEnumerable<(bool Updated, string[] Cells)> Rows() =>
        History.Steps.Select((s, i) => (Step: s, Number: i + 1)).Where(r => !OnlyUpdates || r.Step.Updated).Select(r => (r.Step.Updated, new[]
        {
            Html.Number(r.Number), Html.Number(r.Step.Epoch), Vector(Data.X.Row(r.Step.Instance)),
            N(r.Step.Target), N(r.Step.Predicted), N(r.Step.Target - r.Step.Predicted),
            Vector(r.Step.W), N(r.Step.B),
        }));

    private string Footer => $"{Data.Name}: {Html.Number(History.Steps.Count(s => s.Updated))} updates in {Html.Number(History.MistakesPerEpoch.Count)} epochs; " +
        (History.Converged ? "the last epoch made no mistake" : "still making mistakes when training stopped");

    private static string N(double v) => Html.Number(v, "0.##");

    private static string Vector(IEnumerable<double> values) => "(" + string.Join(", ", values.Select(N)) + ")";

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder(Html.TableStyle).Append("<table class=\"bp-table bp-perceptron\"><caption style=\"white-space:nowrap\">")
            .Append(Html.Escape(Footer)).Append("</caption><tr>");
        foreach (var h in Headers) html.Append("<th>").Append(Html.Escape(h)).Append("</th>");
        html.Append("</tr>");
        foreach (var (updated, cells) in Rows())
        {
            html.Append(updated ? "<tr class=\"bp-update\" style=\"background:#fff3bf\">" : "<tr>");
            foreach (var cell in cells) html.Append("<td>").Append(Html.Escape(cell)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <inheritdoc />
    public string ToText()
    {
        var rows = new[] { Headers }.Concat(Rows().Select(r => r.Cells)).ToArray();
        var widths = Headers.Select((_, j) => rows.Max(r => r[j].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append("  ").AppendJoin("  ", row.Select((c, j) => c.PadLeft(widths[j]))).AppendLine();
        return text.AppendLine(Footer).ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
