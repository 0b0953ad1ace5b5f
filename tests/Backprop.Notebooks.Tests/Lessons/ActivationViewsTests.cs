namespace Backprop.Notebooks.Tests.Lessons;

public class ActivationViewsTests
{
    [Fact]
    public void The_activation_table_shows_the_engines_own_slopes()
    {
        var text = ActivationViews.Table().ToText();
        Assert.Equal(5, ActivationViews.All.Count);
        Assert.Contains("0.105, 0.25, 0.105", text, StringComparison.Ordinal);   // σ′ = O(1 − O) at z = −2, 0, 2
        Assert.Contains("0.071, 1, 0.071", text, StringComparison.Ordinal);      // tanh′ = 1 − O²
        Assert.Contains("0, 0, 1", text, StringComparison.Ordinal);              // ReLU′: 1 only where z > 0
    }

    [Fact]
    public void The_slopes_chart_draws_one_curve_per_activation_and_refuses_an_empty_range()
    {
        var html = ActivationViews.Slopes().ToHtml();
        foreach (var (activation, _, _, _) in ActivationViews.All) Assert.Contains($"\"{activation.Name}\"", html, StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => ActivationViews.Slopes(from: 1, to: 1));
        Assert.Contains("from < to", error.Message, StringComparison.Ordinal);
    }
}
