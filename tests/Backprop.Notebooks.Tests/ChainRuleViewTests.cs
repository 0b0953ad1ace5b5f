using System.Xml.Linq;

namespace Backprop.Notebooks.Tests;

public class ChainRuleViewTests
{
    private static ChainRuleView View(string layer)
    {
        var network = Examples.Article();
        var (x, y) = Datasets.Synthetic(64, seed: 0).Instance(0);
        var forward = network.Forward(x);
        return new ChainRuleView(forward, network.Backward(forward, y), layer);
    }

    [Fact]
    public void The_diagram_labels_only_the_dL_the_chain_uses_not_those_of_the_layers_below()
    {
        var html = View("L99").Diagram().ToHtml();
        Assert.Contains("∂L/∂O_L100", html, StringComparison.Ordinal);
        Assert.DoesNotContain("∂L/∂O_L98", html, StringComparison.Ordinal);   // lesson 02's exercise asks for it
    }

    [Fact]
    public void L99_has_three_factors_each_in_its_own_colour()
    {
        var view = View("L99");
        Assert.Equal(["∂L/∂O_L100", "∂O_L100/∂O_L99", "∂O_L99/∂W_L99"], view.Factors.Select(f => f.Name));
        Assert.Equal(3, view.Factors.Select(f => f.Colour).Distinct().Count());
        Assert.Equal(ChainRuleView.Red, view.Factors[0].Colour);
        Assert.Equal("∂L/∂W_L99 = ∂L/∂O_L100 · ∂O_L100/∂O_L99 · ∂O_L99/∂W_L99", view.ToText().Split(Environment.NewLine)[0]);
    }

    [Fact]
    public void The_output_layer_has_two_factors_the_first_being_its_own_dL_dO()
    {
        var view = View("L100");
        Assert.Equal(["∂L/∂O_L100", "∂O_L100/∂W_L100"], view.Factors.Select(f => f.Name));
    }

    [Fact]
    public void The_same_colour_marks_the_formula_the_diagram_and_the_table_cells_of_each_factor()
    {
        var view = View("L99");
        var html = view.ToHtml();
        var svg = XElement.Parse(view.Diagram().ToSvg());
        foreach (var f in view.Factors)
        {
            Assert.Contains($"data-factor=\"{f.Name}\" style=\"color:{f.Colour}\"", html);      // the formula
            Assert.Contains($"<tr class=\"bp-factor-row\" data-factor=\"{f.Name}\"><td class=\"bp-left\" style=\"border-left:5px solid {f.Colour}", html); // the table
            Assert.Contains(svg.Descendants(), e => (string?)e.Attribute("stroke") == f.Colour || (string?)e.Attribute("fill") == f.Colour); // the diagram
        }
        var purpleEdges = svg.Descendants().Where(e => e.Name.LocalName == "line" && (string?)e.Attribute("stroke") == ChainRuleView.Purple).ToList();
        Assert.Equal(3, purpleEdges.Count); // W_L100: three weights into the one output neuron
        Assert.All(purpleEdges, e => Assert.StartsWith("L100:", (string?)e.Attribute("data-to")));
        Assert.Contains(svg.Descendants(), e => (string?)e.Attribute("class") == "bp-mark" && (string?)e.Attribute("data-layer") == "L100" && (string?)e.Attribute("stroke") == ChainRuleView.Red);
    }

    [Fact]
    public void The_numbers_are_the_passes_own()
    {
        var view = View("L99");
        Assert.Equal(1, view.Factors[1].Numbers[^1].Value.RowCount); // ∂L/∂O_L99 of one instance
        Assert.Throws<ArgumentException>(() => View("L101"));
    }
}
