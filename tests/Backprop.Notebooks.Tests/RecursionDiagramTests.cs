using System.Xml.Linq;

namespace Backprop.Notebooks.Tests;

public class RecursionDiagramTests
{
    private static (XElement Svg, RecursionDiagram Diagram) Draw()
    {
        var network = Examples.Article();
        var data = Datasets.Synthetic(8);
        var forward = network.Forward(data.X);
        var diagram = new RecursionDiagram(forward, RecursiveBackprop.Backward(forward, data.Y, new SquaredLoss()));
        return (XElement.Parse(diagram.ToSvg()), diagram);
    }

    private static IEnumerable<XElement> WithClass(XElement svg, string css) =>
        svg.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(css) == true);

    [Fact]
    public void The_calls_climb_to_the_output_one_level_each()
    {
        var (svg, _) = Draw();
        Assert.Equal(["L96:0", "L97:1", "L98:2", "L99:3", "L100:4"],
            WithClass(svg, "bp-call").Select(c => $"{c.Attribute("data-layer")!.Value}:{c.Attribute("data-depth")!.Value}"));
        Assert.Contains("∂L/∂O_L100 = O − Y", svg.Value);
    }

    [Fact]
    public void The_returns_come_back_down_each_labelled_with_what_it_returns()
    {
        var (svg, _) = Draw();
        var returns = WithClass(svg, "bp-return").ToList();
        Assert.Equal(["L100", "L99", "L98", "L97", "L96"], returns.Select(r => r.Attribute("data-layer")!.Value));
        Assert.Equal(["∂L/∂O_L99", "∂L/∂O_L98", "∂L/∂O_L97", "∂L/∂O_L96", "∂L/∂O_L95"], returns.Select(r => r.Attribute("data-returns")!.Value));
        Assert.Contains("returns ∂L/∂O_L99 (8×3)", returns[0].Value);
    }

    [Fact]
    public void The_text_form_indents_by_depth()
    {
        var (_, diagram) = Draw();
        var lines = diagram.ToText().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("call backprop(L96)", lines[0]);
        Assert.Equal("        call backprop(L100): ∂L/∂O_L100 = O − Y", lines[4]);
        Assert.Equal("return ∂L/∂O_L95 (8×5) from backprop(L96)", lines[^1]);
    }

    [Fact]
    public void The_loop_form_has_no_calls_to_draw()
    {
        var network = Examples.Article();
        var data = Datasets.Synthetic(2);
        var forward = network.Forward(data.X);
        var ex = Assert.Throws<ArgumentException>(() => new RecursionDiagram(forward, network.Backward(forward, data.Y)));
        Assert.StartsWith("These gradients have no recorded calls", ex.Message);
    }
}
