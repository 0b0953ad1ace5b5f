using System.Xml.Linq;

namespace Backprop.Notebooks.Tests;

public class DiagramTests
{
    private static XElement Svg(NetworkDiagram diagram) => XElement.Parse(diagram.ToSvg());

    private static IEnumerable<XElement> WithClass(XElement svg, string css) =>
        svg.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(css) == true);

    [Fact]
    public void The_article_network_has_one_node_per_neuron_and_one_edge_per_weight()
    {
        var svg = Svg(Examples.Article().Diagram());
        Assert.Equal(5 + 2 + 4 + 3 + 3 + 1, WithClass(svg, "bp-neuron").Count());
        Assert.Equal(5 * 2 + 2 * 4 + 4 * 3 + 3 * 3 + 3 * 1, WithClass(svg, "bp-edge").Count());
        Assert.Equal(["L95", "L96", "L97", "L98", "L99", "L100"], WithClass(svg, "bp-layer-label").Select(e => e.Value));
    }

    [Fact]
    public void Each_edge_carries_its_weight_and_its_colour_shows_the_sign()
    {
        var network = Examples.Article();
        var svg = Svg(network.Diagram());
        var edge = WithClass(svg, "bp-edge").Single(e => (string?)e.Attribute("data-from") == "L96:1" && (string?)e.Attribute("data-to") == "L97:3");
        var w = network.Layers[1].W[1, 3];
        Assert.Equal(Html.Number(w), (string?)edge.Attribute("data-weight"));
        Assert.Equal(w >= 0 ? "#2166ac" : "#e08214", (string?)edge.Attribute("stroke"));
    }

    [Fact]
    public void A_ones_column_bias_is_a_neuron_connected_only_to_the_next_layer()
    {
        var svg = Svg(Examples.Article(BiasMode.OnesColumn).Diagram());
        Assert.Equal(5, WithClass(svg, "bp-bias-neuron").Count()); // under L95 … L99, not under the output
        var biasEdges = WithClass(svg, "bp-bias-edge").ToList();
        Assert.Equal(2 + 4 + 3 + 3 + 1, biasEdges.Count);
        Assert.All(biasEdges, e => Assert.EndsWith(":bias", (string?)e.Attribute("data-from")));
        Assert.Equal(18, WithClass(svg, "bp-neuron").Count()); // bias neurons are not neurons
    }

    [Fact]
    public void Large_layers_show_their_first_and_last_neurons()
    {
        var network = Network.Create([30, 20, 1], Activation.Tanh, seed: 2);
        var svg = Svg(network.Diagram(new() { MaxNeuronsPerLayer = 6 }));
        Assert.Equal(6 + 6 + 1, WithClass(svg, "bp-neuron").Count());
        Assert.Equal(6 * 6 + 6 * 1, WithClass(svg, "bp-edge").Count());
        Assert.Equal(2, WithClass(svg, "bp-elided").Count());
        Assert.Contains(WithClass(svg, "bp-neuron"), e => (string?)e.Attribute("data-index") == "29");
    }

    [Fact]
    public void Overlays_write_O_values_and_loss_derivatives_and_highlight_layers()
    {
        var (network, forward, gradients, _) = Examples.TracedStep();
        var svg = Svg(network.Diagram(new() { Forward = forward, Gradients = gradients, Highlight = ["L99", "L100"] }));
        Assert.Equal(13, WithClass(svg, "bp-loss-derivative").Count()); // every neuron after the input
        Assert.Equal(["L99 L100"], WithClass(svg, "bp-highlight").Select(e => (string?)e.Attribute("data-layer"))); // one band for the pair
        Assert.DoesNotContain(WithClass(svg, "bp-loss-derivative"), e => e.Value.EndsWith(" 0.000", StringComparison.Ordinal) || e.Value.EndsWith("-0.000", StringComparison.Ordinal));
        var output = WithClass(svg, "bp-neuron").Single(e => (string?)e.Attribute("data-layer") == "L100");
        Assert.Contains(Html.Number(forward.Output[0, 0], "0.00"), output.Value);
    }

    [Fact]
    public void An_instance_outside_the_batch_is_rejected()
    {
        var (network, forward, _, _) = Examples.TracedStep(n: 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => network.Diagram(new() { Forward = forward, Instance = 4 }));
    }

    [Fact]
    public void The_title_is_escaped()
    {
        var svg = Examples.Article().Diagram(new() { Title = "a <b> & c" }).ToSvg();
        Assert.Contains("a &lt;b&gt; &amp; c", svg);
        XElement.Parse(svg);
    }

    [Theory]
    [InlineData(0.1234, "0.123")]
    [InlineData(-0.04, "-0.040")]
    [InlineData(-0.000321, "-3.21e-4")]
    [InlineData(0.0, "0.000")]
    public void Small_loss_derivatives_keep_three_significant_digits(double value, string expected) =>
        Assert.Equal(expected, Html.Significant(value));

    [Fact]
    public void Loss_labels_can_be_limited_to_some_layers_and_a_legend_explains_the_colours()
    {
        var (network, forward, gradients, _) = Examples.TracedStep(n: 1);
        var svg = Svg(network.Diagram(new() { Forward = forward, Gradients = gradients, LossLabels = ["L99", "L100"] }));
        Assert.Equal(3 + 1, WithClass(svg, "bp-loss-derivative").Count()); // L99's three neurons and L100's one
        Assert.Contains("blue positive", WithClass(svg, "bp-legend").Single().Value);
        Assert.Equal(2 + 4 + 3 + 3 + 1, WithClass(Svg(network.Diagram(new() { Forward = forward, Gradients = gradients })), "bp-loss-derivative").Count());
    }
}
