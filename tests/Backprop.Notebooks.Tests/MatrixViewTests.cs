namespace Backprop.Notebooks.Tests;

public class MatrixViewTests
{
    private static readonly Matrix<double> Small = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, -0.5, 0.123456 }, { 2, 3, 4 } });

    [Fact]
    public void Header_names_the_matrix_and_its_shape()
    {
        var view = Small.View("W_L97");
        Assert.Equal("W_L97 (2×3)", view.Header);
        Assert.StartsWith("W_L97 (2×3)", view.ToText());
        Assert.Contains("<caption>W_L97 (2×3)</caption>", view.ToHtml());
    }

    [Fact]
    public void Values_use_four_decimals_in_the_invariant_culture()
    {
        var text = Small.View("W").ToText();
        Assert.Contains("0.1235", text);
        Assert.Contains("-0.5000", text);
        Assert.Contains("<td>4.0000</td>", Small.View("W").ToHtml());
    }

    [Fact]
    public void A_small_matrix_shows_every_value()
    {
        var html = Small.View("W").ToHtml();
        Assert.Equal(6, Count(html, "<td>"));
        Assert.DoesNotContain("⋮", html);
    }

    [Fact]
    public void A_large_matrix_elides_its_middle_rows_and_columns_but_keeps_its_shape()
    {
        var big = Matrix<double>.Build.Dense(64, 20, (i, j) => i * 100 + j);
        var view = big.View("X", maxRows: 6, maxColumns: 4);
        var html = view.ToHtml();
        Assert.Contains("X (64×20)", html);
        Assert.Contains("⋮", html);
        Assert.Contains("…", html);
        Assert.Contains("<td>0.0000</td>", html);        // first row, first column
        Assert.Contains("<td>6319.0000</td>", html);     // last row, last column
        Assert.DoesNotContain("<td>3000.0000</td>", html); // a middle row is elided
        Assert.Equal(1 + 3 + 1 + 3, view.ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header, 3 rows, ⋮, 3 rows
    }

    [Fact]
    public void Names_that_look_like_HTML_are_escaped()
    {
        var html = Small.View("<script>alert(1)</script>").ToHtml();
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(4, 1)]
    public void Limits_below_two_are_rejected(int rows, int columns) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Small.View("W", rows, columns));

    internal static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
