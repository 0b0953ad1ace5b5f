using System.Xml.Linq;

namespace Backprop.Notebooks.Tests.Lessons;

public class LessonTableTests
{
    [Fact]
    public void Matrix_cells_show_their_shape_and_values_and_other_cells_are_invariant_text()
    {
        var m = Matrix<double>.Build.DenseOfRowArrays([0.5, -1.25]);
        var text = new LessonTable("t", "name", "value", "number", "shape").Add("δ_L100", m, 0.123456, new Shape(3, 1)).ToText();
        Assert.Contains("(1×2) [0.5000 -1.2500]", text);
        Assert.Contains("0.1235", text);
        Assert.Contains("(3×1)", text);
    }

    [Fact]
    public void Large_matrices_are_elided_but_keep_their_full_shape()
    {
        var m = Matrix<double>.Build.Dense(64, 5, (i, j) => i + j);
        var text = new LessonTable("", "X").Add(m).ToText();
        Assert.Contains("(64×5)", text);
        Assert.Contains("⋮", text);
        Assert.Contains("63.0000", text); // the last row is shown
    }

    [Fact]
    public void Passed_down_rows_and_columns_are_red_in_HTML_and_marked_in_text()
    {
        var table = new LessonTable("chain", "factor", "value")
            .Add("g'(Z)", 1.0)
            .AddPassedDown("∂L/∂O_L99", 2.0);
        var html = table.ToHtml();
        Assert.Single(XElement.Parse("<root>" + html[html.IndexOf("<table", StringComparison.Ordinal)..] + "</root>")
            .Descendants("tr"), tr => (string?)tr.Attribute("class") == "bp-passed-down");
        Assert.Contains(LessonTable.PassedDownColor, html);
        Assert.Contains("▶ ∂L/∂O_L99", table.ToText());

        var column = new LessonTable("", "layer", "∂L/∂O").MarkPassedDown("∂L/∂O").Add("L100", 1.0).ToHtml();
        Assert.Equal(2, CountOf(column, "style=\"color:" + LessonTable.PassedDownColor)); // header and cell
    }

    [Fact]
    public void A_column_can_have_its_own_number_format()
    {
        var w = Matrix<double>.Build.DenseOfRowArrays([0.5]);
        var dw = Matrix<double>.Build.DenseOfRowArrays([0.000123]);
        var text = new LessonTable("", "W", "ΔW").FormatColumn("ΔW", "0.00e+0").Add(w, dw).ToText();
        Assert.Contains("(1×1) [0.5000]", text);
        Assert.Contains("(1×1) [1.23e-4]", text);
        Assert.Throws<ArgumentException>(() => new LessonTable("", "W").FormatColumn("ΔW", "0.0"));
    }

    [Fact]
    public void Cells_are_escaped()
    {
        var html = new LessonTable("<t>", "a").Add("x < y & z").ToHtml();
        Assert.Contains("x &lt; y &amp; z", html);
        Assert.Contains("&lt;t&gt;", html);
    }

    [Fact]
    public void A_row_must_fill_every_column_and_marked_columns_must_exist()
    {
        var table = new LessonTable("", "a", "b");
        Assert.Throws<ArgumentException>(() => table.Add("only one"));
        Assert.Throws<ArgumentException>(() => table.MarkPassedDown("c"));
        Assert.Throws<ArgumentException>(() => new LessonTable("no columns"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
