using System.Xml.Linq;

namespace Backprop.Notebooks.Tests.Lessons;

public class TableTests
{
    [Fact]
    public void Cells_are_printed_invariantly_with_the_table_number_format()
    {
        var table = Table.Of("Losses", ["run", "epochs", "loss", "shape"],
            ["vector", 100, 0.5, new Shape(8, 2)], ["ones", 100, 1e-3, null]);
        Assert.Equal(["vector", "100", "0.500000", "(8×2)"], table.Rows[0]);
        Assert.Equal(["ones", "100", "0.001000", ""], table.Rows[1]);
    }

    [Fact]
    public void A_measured_number_is_right_aligned_and_marked_volatile_in_html_only()
    {
        var table = Table.Of("Speed", ["path", "steps/s"], ["fast", new Measured(12345.6, "N0", "/s")]);
        Assert.Equal(["fast", "12,346 /s"], table.Rows[0]);
        Assert.Equal([false, true], table.RightAligned);
        Assert.Contains("<span data-volatile>12,346 /s</span>", table.ToHtml(), StringComparison.Ordinal);
        Assert.DoesNotContain("data-volatile", table.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_round_trip_format_shows_every_digit()
    {
        var table = new Table("", ["x"], [[0.1 + 0.2]], numberFormat: "R");
        Assert.Equal("0.30000000000000004", table.Rows[0][0]);
    }

    [Fact]
    public void Text_aligns_columns_under_the_caption()
    {
        var text = Table.Of("Caption", ["a", "long header"], ["xyz", 1]).ToText();
        Assert.Equal("Caption\n  a    long header\n  xyz  1          \n".Replace("\n", Environment.NewLine, StringComparison.Ordinal), text);
    }

    [Fact]
    public void Html_escapes_every_cell_and_the_caption()
    {
        var html = Table.Of("<b>", ["<h>"], ["a & b"]).ToHtml();
        Assert.Contains("<caption>&lt;b&gt;</caption>", html);
        Assert.Contains("<th class=\"bp-left\">&lt;h&gt;</th>", html);
        Assert.Contains("a &amp; b", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void Columns_of_numbers_are_right_aligned_and_others_left()
    {
        var table = Table.Of("", ["name", "value", "shape", "maybe"], ["a", 1.5, new Shape(2, 3), "–"], ["b", 2, new Shape(1, 1), 0.5]);
        Assert.Equal([false, true, false, true], table.RightAligned);
        Assert.Contains("<th class=\"bp-left\">name</th><th>value</th><th class=\"bp-left\">shape</th><th>maybe</th>", table.ToHtml());
        Assert.Contains("<td class=\"bp-left\">a</td><td>1.500000</td>", table.ToHtml());
    }

    [Fact]
    public void A_row_of_the_wrong_length_names_the_row_and_the_columns()
    {
        var ex = Assert.Throws<ArgumentException>(() => Table.Of("", ["a", "b"], [1, 2], [3]));
        Assert.StartsWith("Row 1 has 1 cells; the table has 2 columns (a, b)", ex.Message);
        Assert.Throws<ArgumentException>(() => new Table("", "a", "b").Add("only one"));
    }

    [Fact]
    public void A_table_without_columns_is_refused() =>
        Assert.Throws<ArgumentException>(() => Table.Of("", []));

    [Fact]
    public void Matrix_cells_show_their_shape_and_values_and_other_cells_are_invariant_text()
    {
        var m = Matrix<double>.Build.DenseOfRowArrays([0.5, -1.25]);
        var table = new Table("t", "name", "value", "number", "shape").Add("δ_L100", m, 0.123456, new Shape(3, 1));
        var text = table.ToText();
        Assert.Contains("(1×2) [0.5000 -1.2500]", text);
        Assert.Contains("0.1235", text);
        Assert.Contains("(3×1)", text);
        Assert.Equal([false, false, true, false], table.RightAligned); // a matrix column is not a number column
    }

    [Fact]
    public void Large_matrices_are_elided_but_keep_their_full_shape()
    {
        var m = Matrix<double>.Build.Dense(64, 5, (i, j) => i + j);
        var text = new Table("", "X").Add(m).ToText();
        Assert.Contains("(64×5)", text);
        Assert.Contains("⋮", text);
        Assert.Contains("63.0000", text); // the last row is shown
    }

    [Fact]
    public void Passed_down_rows_and_columns_are_red_in_HTML_and_marked_in_text()
    {
        var table = new Table("chain", "factor", "value")
            .Add("g'(Z)", 1.0)
            .AddPassedDown("∂L/∂O_L99", 2.0);
        var html = table.ToHtml();
        Assert.Single(XElement.Parse("<root>" + html[html.IndexOf("<table", StringComparison.Ordinal)..] + "</root>")
            .Descendants("tr"), tr => (string?)tr.Attribute("class") == "bp-passed-down");
        Assert.Contains(Table.PassedDownColor, html);
        Assert.Contains("▶ ∂L/∂O_L99", table.ToText());

        var column = new Table("", "layer", "∂L/∂O").MarkPassedDown("∂L/∂O").Add("L100", 1.0).ToHtml();
        Assert.Equal(2, CountOf(column, "style=\"color:" + Table.PassedDownColor)); // header and cell
    }

    [Fact]
    public void A_column_can_have_its_own_number_format()
    {
        var w = Matrix<double>.Build.DenseOfRowArrays([0.5]);
        var dw = Matrix<double>.Build.DenseOfRowArrays([0.000123]);
        var text = new Table("", "W", "ΔW").FormatColumn("ΔW", "0.00e+0").Add(w, dw).ToText();
        Assert.Contains("(1×1) [0.5000]", text);
        Assert.Contains("(1×1) [1.23e-4]", text);
        Assert.Throws<ArgumentException>(() => new Table("", "W").FormatColumn("ΔW", "0.0"));
        Assert.Throws<ArgumentException>(() => new Table("", "a").MarkPassedDown("c"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
