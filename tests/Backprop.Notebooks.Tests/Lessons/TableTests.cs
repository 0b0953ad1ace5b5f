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
    }

    [Fact]
    public void A_table_without_columns_is_refused() =>
        Assert.Throws<ArgumentException>(() => Table.Of("", []));
}
