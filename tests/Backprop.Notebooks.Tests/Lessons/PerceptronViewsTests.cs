using System.Xml.Linq;

namespace Backprop.Notebooks.Tests.Lessons;

public class PerceptronViewsTests
{
    private static PerceptronHistory TrainAnd() => new Perceptron(2).Train(Datasets.And.X, Datasets.And.Y, epochs: 20);

    [Fact]
    public void The_steps_table_lists_every_visit_with_the_weights_after_it()
    {
        var history = TrainAnd();
        var text = history.View(Datasets.And).ToText();
        var lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + history.Steps.Count + 1, lines.Length); // header, one row per step, footer
        // Step 6 of the hand-worked run: w = (1, 1), b = −1 meets x = (0, 1), y = 0, says 1 → w = (1, 0), b = −2.
        Assert.Matches(@"^\s+6\s+2\s+\(0, 1\)\s+0\s+1\s+-1\s+\(1, 0\)\s+-2$", lines[6]);
        Assert.Contains("11 updates in 6 epochs", lines[^1]);
    }

    [Fact]
    public void Only_updates_keeps_the_rows_that_changed_the_weights_and_marks_them_in_HTML()
    {
        var history = TrainAnd();
        var view = history.View(Datasets.And, onlyUpdates: true);
        var rows = view.ToText().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length - 2;
        Assert.Equal(history.Steps.Count(s => s.Updated), rows);
        Assert.Equal(rows, CountOf(view.ToHtml(), "class=\"bp-update\""));
    }

    [Fact]
    public void Decision_lines_draw_the_points_and_one_line_per_chosen_step()
    {
        var history = TrainAnd();
        var chart = history.DecisionLines(Datasets.And, afterSteps: [4, 18]);
        Assert.Equal(["y = 0", "y = 1", "after step 4", "after step 18"], chart.Spec.Series.Select(s => s.Name));
        var last = chart.Spec.Series[^1];
        // After step 18, w = (2, 1) and b = −3: both ends of the segment satisfy 2x₁ + x₂ − 3 = 0.
        for (var i = 0; i < 2; i++) Assert.Equal(0, 2 * last.X[i] + last.Y[i] - 3, 9);
        Assert.NotNull(XElement.Parse(chart.ToSvg()));
    }

    [Fact]
    public void A_step_without_a_visible_line_is_named_in_the_legend_and_draws_nothing()
    {
        var history = TrainAnd(); // step 1 leaves w = (0, 0): no line at all
        var series = history.DecisionLines(Datasets.And, afterSteps: [1]).Spec.Series[^1];
        Assert.Equal("after step 1: no line here", series.Name);
        Assert.Empty(series.X);
    }

    [Fact]
    public void By_default_every_update_gets_a_line_and_steps_out_of_range_are_refused()
    {
        var history = TrainAnd();
        Assert.Equal(2 + history.Steps.Count(s => s.Updated), history.DecisionLines(Datasets.And).Spec.Series.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => history.DecisionLines(Datasets.And, afterSteps: [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => history.DecisionLines(Datasets.And, afterSteps: [history.Steps.Count + 1]));
        Assert.Throws<ShapeException>(() => history.DecisionLines(Datasets.Synthetic(4)));
    }

    [Theory]
    [InlineData(1, 1, -1)]   // diagonal: x₁ + x₂ = 1
    [InlineData(0, 1, -0.5)] // horizontal: x₂ = 0.5
    [InlineData(1, 0, -0.5)] // vertical: x₁ = 0.5
    public void A_segment_lies_on_its_line_inside_the_box(double w1, double w2, double b)
    {
        var segment = PerceptronViews.Segment(w1, w2, b, (-0.5, 1.5, -0.5, 1.5));
        Assert.NotNull(segment);
        var (x1, y1, x2, y2) = segment.Value;
        Assert.Equal(0, w1 * x1 + w2 * y1 + b, 9);
        Assert.Equal(0, w1 * x2 + w2 * y2 + b, 9);
        Assert.True((x1, y1) != (x2, y2));
        Assert.All(new[] { x1, y1, x2, y2 }, v => Assert.InRange(v, -0.5 - 1e-9, 1.5 + 1e-9));
    }

    [Fact]
    public void No_segment_for_zero_weights_or_a_line_outside_the_box()
    {
        Assert.Null(PerceptronViews.Segment(0, 0, 1, (-0.5, 1.5, -0.5, 1.5)));
        Assert.Null(PerceptronViews.Segment(0, 1, 5, (-0.5, 1.5, -0.5, 1.5))); // x₂ = −5
    }

    [Fact]
    public void Mistakes_chart_has_one_point_per_epoch()
    {
        var history = new Perceptron(2).Train(Datasets.Xor.X, Datasets.Xor.Y, epochs: 7);
        var series = history.Mistakes().Spec.Series.Single();
        Assert.Equal(7, series.Y.Count);
        Assert.Equal(history.MistakesPerEpoch.Select(m => (double)m), series.Y);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
