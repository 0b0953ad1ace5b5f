using System.Globalization;
using System.Xml.Linq;

namespace Backprop.Notebooks.Tests;

public class BatchDiagramTests
{
    private static (XElement Svg, BatchDiagram Diagram) Draw(BiasMode bias = BiasMode.None, int n = 8, double? alpha = 0.1)
    {
        var (_, forward, gradients, _) = Examples.TracedStep(bias, n);
        var diagram = new BatchDiagram(forward, gradients, alpha);
        return (XElement.Parse(diagram.ToSvg()), diagram);
    }

    private static IEnumerable<XElement> WithClass(XElement svg, string css) =>
        svg.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(css) == true);

    private static double Number(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(BiasMode.None, 8)]
    [InlineData(BiasMode.Vector, 8)]
    [InlineData(BiasMode.OnesColumn, 3)]
    [InlineData(BiasMode.None, 64)]
    public void Every_matrix_is_a_rectangle_in_proportion_to_its_shape(BiasMode bias, int n)
    {
        var (svg, diagram) = Draw(bias, n);
        var matrices = WithClass(svg, "bp-matrix").ToList();
        Assert.NotEmpty(matrices);
        foreach (var m in matrices)
        {
            var rect = m.Elements().First(e => e.Name.LocalName == "rect");
            Assert.Equal(int.Parse((string)m.Attribute("data-rows")!, CultureInfo.InvariantCulture) * diagram.Unit, Number(rect, "height"), 1);
            Assert.Equal(int.Parse((string)m.Attribute("data-columns")!, CultureInfo.InvariantCulture) * diagram.Unit, Number(rect, "width"), 1);
        }
        Assert.InRange(diagram.Unit, 3, 14); // n = 64 still fits: 64 rows of 3 px
    }

    [Fact]
    public void Each_matrix_is_labelled_with_its_name_and_shape_from_the_pass()
    {
        var (svg, _) = Draw();
        var x = WithClass(svg, "bp-matrix").First(m => (string?)m.Attribute("data-name") == "O_L95");
        Assert.Equal(["O_L95", "(8×5)"], x.Elements().Where(e => e.Name.LocalName == "text").Select(t => t.Value));
        var dw = WithClass(svg, "bp-matrix").Where(m => (string?)m.Attribute("data-name") == "∂L/∂W_L97").ToList();
        Assert.All(dw, m => Assert.Equal("(2×4)", m.Elements().Last().Value.Replace(" Σₙ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Forward_backward_and_update_have_one_row_per_layer_in_order()
    {
        var (svg, _) = Draw();
        var rows = WithClass(svg, "bp-batch-row").Select(r => $"{r.Attribute("data-pass")!.Value} {r.Attribute("data-layer")!.Value}").ToList();
        Assert.Equal(new[] { "L96", "L97", "L98", "L99", "L100" }.Select(l => "forward " + l)
            .Concat(new[] { "L100", "L99", "L98", "L97", "L96" }.Select(l => "backward " + l))
            .Concat(new[] { "L100", "L99", "L98", "L97", "L96" }.Select(l => "update " + l)), rows);
        Assert.DoesNotContain(WithClass(Draw(alpha: null).Svg, "bp-batch-row"), r => r.Attribute("data-pass")!.Value == "update");
    }

    [Fact]
    public void The_weight_gradient_products_mark_the_n_edges_summed_away_and_what_is_passed_down_is_red()
    {
        var (svg, _) = Draw();
        Assert.Equal(5 * 2, WithClass(svg, "bp-summed-edge").Count()); // O_prevᵀ's width and δ's height, per layer
        var passedDown = WithClass(svg, "bp-matrix").Where(m => ((string)m.Attribute("data-name")!).StartsWith("∂L/∂O", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(passedDown);
        Assert.All(passedDown, m => Assert.Equal("#c0392b", (string?)m.Elements().First().Attribute("stroke")));
        var operators = WithClass(svg, "bp-operator").Select(o => o.Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "@", "⊙", "=", "−" }, operators);
        Assert.Contains(WithClass(svg, "bp-matrix"), m => ((string)m.Attribute("data-name")!).EndsWith('ᵀ'));
    }

    [Fact]
    public void Both_bias_forms_are_drawn_as_they_are_computed()
    {
        var (vector, _) = Draw(BiasMode.Vector);
        Assert.Contains(WithClass(vector, "bp-matrix"), m => (string?)m.Attribute("data-name") == "b_L97" && (string?)m.Attribute("data-rows") == "1");
        Assert.Contains(WithClass(vector, "bp-operator"), o => o.Value == "Σₙ");
        var (ones, _) = Draw(BiasMode.OnesColumn);
        Assert.Equal(5, WithClass(ones, "bp-ones").Count()); // [O_prev | 1] of each layer
        Assert.Contains(WithClass(ones, "bp-operator"), o => o.Value.StartsWith("drop the ones", StringComparison.Ordinal));
    }

    [Fact]
    public void The_drawing_is_deterministic_and_escapes_what_it_shows()
    {
        var (_, forward, gradients, _) = Examples.TracedStep();
        var a = new BatchDiagram(forward, gradients, 0.1, "<script>alert(1)</script> & co").ToHtml();
        var b = new BatchDiagram(forward, gradients, 0.1, "<script>alert(1)</script> & co").ToHtml();
        Assert.Equal(a, b);
        Assert.DoesNotContain("<script>", a, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", a, StringComparison.Ordinal);
        Assert.Contains("forward  L97   O_L96 (8×2) @ W_L97 (2×4) = Z_L97 (8×4)", new BatchDiagram(forward, gradients).ToText(), StringComparison.Ordinal);
    }
}
