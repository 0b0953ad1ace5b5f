using System.Xml.Linq;

namespace Backprop.Notebooks.Tests;

public class ChartTests
{
    [Fact]
    public void Chart_HTML_carries_the_plotted_data_and_a_static_fallback()
    {
        var history = Examples.History(epochs: 20);
        var html = history.Chart().ToHtml();
        Assert.Contains("class=\"bp-static-fallback\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("\"y\":[", html);
        var firstLoss = history.Losses[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(firstLoss[..8], html); // the figure JSON holds the losses
    }

    [Fact]
    public void The_static_fallback_is_well_formed_with_one_line_per_series_and_a_legend()
    {
        var a = Examples.History(epochs: 10);
        var b = Examples.History(epochs: 15);
        var svg = XElement.Parse(Charts.Losses([("α = 0.5", a), ("α <1>", b)], logY: true).ToSvg());
        var series = svg.Descendants().Where(e => (string?)e.Attribute("class") == "bp-series").ToList();
        Assert.Equal(["α = 0.5", "α <1>"], series.Select(s => (string?)s.Attribute("data-name")));
        Assert.Equal(["10", "15"], series.Select(s => (string?)s.Attribute("data-points")));
        Assert.Equal(2, svg.Descendants().Count(e => (string?)e.Attribute("class") == "bp-legend-item"));
        Assert.Contains(svg.Descendants(), e => (string?)e.Attribute("class") == "bp-tick");
    }

    [Fact]
    public void Gradient_norms_draw_one_line_per_layer_and_need_recorded_norms()
    {
        var chart = Charts.GradientNorms(Examples.History(epochs: 5, norms: true));
        Assert.Equal(5, chart.Spec.Series.Count);
        Assert.Contains("‖∂L/∂W_L100‖", chart.ToText());
        Assert.Throws<ArgumentException>(() => Charts.GradientNorms(Examples.History(epochs: 5)));
    }

    [Fact]
    public void Decision_boundary_colours_a_grid_under_the_two_classes()
    {
        var network = Network.Create([2, 4, 1], Activation.Sigmoid, seed: 3);
        var chart = Charts.DecisionBoundary(network, Datasets.Xor, resolution: 10);
        var svg = XElement.Parse(chart.ToSvg());
        Assert.Equal(100, svg.Descendants().Single(e => (string?)e.Attribute("class") == "bp-heatmap").Elements().Count());
        Assert.Equal(4, svg.Descendants().Count(e => e.Name.LocalName == "circle"));
        Assert.Contains("\"type\":\"heatmap\"", chart.ToHtml());
        Assert.Throws<ArgumentException>(() => Charts.DecisionBoundary(Examples.Article(), Datasets.Xor));
    }

    [Fact]
    public void A_decision_boundary_can_be_drawn_from_any_prediction_function_and_gives_the_networks_picture()
    {
        var network = Network.Create([2, 4, 1], Activation.Sigmoid, seed: 3);
        var fromFunction = Charts.DecisionBoundary(grid => network.Predict(grid), Datasets.Xor, resolution: 10);
        Assert.Equal(Charts.DecisionBoundary(network, Datasets.Xor, resolution: 10).ToSvg(), fromFunction.ToSvg());
        var wrong = Assert.Throws<ShapeException>(() => Charts.DecisionBoundary(grid => grid, Datasets.Xor, resolution: 10));
        Assert.Equal("The prediction for the grid (100×2) is (100×2); it must be (100×1), one output per point", wrong.Message);
    }

    [Fact]
    public void A_hand_written_loss_list_draws_one_point_per_epoch_with_the_final_loss_in_the_title()
    {
        var chart = Charts.Loss([0.5, 0.25, 0.125], "XOR");
        Assert.Equal("XOR (final 0.1250)", chart.Spec.Title);
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, chart.Spec.Series[0].X);
        Assert.StartsWith("Loss per epoch (final", Charts.Loss([1.0]).Spec.Title);
        Assert.EndsWith("(final 5.95e+306)", Charts.Loss([1.0, 5.95e306]).Spec.Title);   // a diverged run's title stays short
        Assert.Throws<ArgumentException>(() => Charts.Loss(Array.Empty<double>()));
    }

    [Fact]
    public void Line_and_scatter_check_their_lengths()
    {
        Assert.Contains("4 points", Charts.Scatter([0, 0, 1, 1], [0, 1, 0, 1], title: "AND").ToText());
        Assert.Throws<ArgumentException>(() => Charts.Line([1, 2, 3], [1, 2]));
    }

    [Fact]
    public void Live_loss_updates_at_most_once_per_interval_and_completes_with_the_chart()
    {
        var shown = new List<IView>();
        var now = TimeSpan.Zero;
        var live = new LiveLoss(new RecordingDisplay(shown), interval: TimeSpan.FromMilliseconds(250), clock: () => now);
        for (var epoch = 1; epoch <= 100; epoch++)
        {
            now = TimeSpan.FromMilliseconds(10 * epoch); // 100 epochs over one second
            live.Report(new EpochReport(epoch, 1.0 / epoch, null));
        }
        Assert.InRange(live.Updates, 3, 5);
        Assert.Equal(100, live.Losses.Count);
        var final = live.Complete();
        Assert.Same(final, shown[^1]);
        Assert.Equal(100, final.Spec.Series[0].Y.Count);
    }

    [Fact]
    public void Live_loss_outside_a_notebook_shows_nothing_until_complete()
    {
        var live = LiveLoss.Show();
        live.Report(new EpochReport(1, 0.5, null));
        Assert.Equal(0, live.Updates);
        Assert.Contains("0.5000", live.Complete().ToText());
    }

    private sealed class RecordingDisplay(List<IView> shown) : ILiveDisplay
    {
        public void Show(IView view) => shown.Add(view);
    }

    [Fact]
    public void Long_lines_are_thinned_keeping_the_ends_and_every_spike()
    {
        var values = Enumerable.Range(0, 5000).Select(i => 1.0 / (i + 1)).ToArray();
        values[3217] = 42; // a spike a stride sampler could miss
        var thinned = Series.PerEpoch("loss", values).Thinned(600);
        Assert.InRange(thinned.X.Count, 300, 602);
        Assert.Equal(1.0, thinned.X[0]);
        Assert.Equal(5000.0, thinned.X[^1]);
        Assert.Contains(42.0, thinned.Y);
        Assert.Equal(thinned.X.Order().ToArray(), thinned.X); // still in x order
        // A chart draws the thinned line, while its text still reports the full run.
        var chart = Charts.Losses([("run", new TrainingHistory(["L1"], values, [], TimeSpan.Zero))]);
        Assert.Contains("5000 points", chart.ToText());
        var svg = XElement.Parse(chart.ToSvg());
        var drawn = int.Parse((string)svg.Descendants().Single(e => (string?)e.Attribute("class") == "bp-series").Attribute("data-points")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(drawn, 300, 602);
    }

    [Fact]
    public void Short_lines_and_point_sets_are_drawn_whole()
    {
        var line = Series.PerEpoch("loss", [3.0, 2.0, 1.0]);
        Assert.Same(line, line.Thinned());
        var points = new Series("data", Enumerable.Range(0, 2000).Select(i => (double)i).ToArray(), new double[2000], SeriesStyle.Points);
        Assert.Same(points, points.Thinned());
    }

    [Fact]
    public void A_chart_can_switch_to_a_log_axis()
    {
        var chart = Charts.Line([1.0, 2.0], [10.0, 1000.0]).WithLogY();
        Assert.True(chart.Spec.LogY);
        Assert.Contains("\"type\":\"log\"", chart.ToHtml());
    }
}
