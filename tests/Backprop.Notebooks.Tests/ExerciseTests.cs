namespace Backprop.Notebooks.Tests;

public class ExerciseTests
{
    private static readonly Matrix<double> Expected = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2 }, { 0.5, 3 }, { 0, 4 } });

    [Fact]
    public void A_right_answer_passes_and_shows_green()
    {
        var result = Exercise.Check("ΔW_L100", () => Expected.Clone(), Expected);
        Assert.True(result.Passed);
        Assert.Equal("✓ ΔW_L100 (3×2) is correct.", result.ToText());
        Assert.Contains("#1e7b34", result.ToHtml());
        Assert.Contains("data-state=\"correct\"", result.ToHtml());
    }

    [Fact]
    public void A_transposed_answer_is_named_as_the_transpose()
    {
        var result = Exercise.Check("ΔW_L100", () => Expected.Transpose(), Expected);
        Assert.Equal("✗ ΔW_L100: wrong shape: yours is (2×3), expected (3×2). It is the transpose of the right answer: swap the order of the product or move the ᵀ.", result.ToText());
    }

    [Fact]
    public void Another_wrong_shape_names_both_shapes()
    {
        var result = Exercise.Diagnose("δ", Matrix<double>.Build.Dense(3, 1), Expected);
        Assert.False(result.Passed);
        Assert.Equal("δ: wrong shape: yours is (3×1), expected (3×2).", result.Message);
    }

    [Fact]
    public void A_sign_error_is_recognised()
    {
        var result = Exercise.Diagnose("∂L/∂O", -Expected, Expected);
        Assert.StartsWith("∂L/∂O: sign error: yours is exactly −1 × the right ∂L/∂O (3×2).", result.Message);
    }

    [Fact]
    public void Wrong_values_report_the_largest_difference_and_where()
    {
        var yours = Expected.Clone();
        yours[2, 1] = 4.25;
        yours[0, 0] = 1.1;
        var result = Exercise.Diagnose("W", yours, Expected);
        Assert.Equal("W: wrong values: the largest difference is 0.25 at row 2, column 1 (yours 4.25, expected 4). The shape (3×2) is right.", result.Message);
    }

    [Fact]
    public void No_answer_and_non_finite_answers_are_explained()
    {
        Assert.StartsWith("ΔW: not answered yet", Exercise.Diagnose("ΔW", null, Expected).Message);
        var nan = Expected.Clone();
        nan[1, 1] = double.NaN;
        Assert.Contains("NaN or ∞", Exercise.Diagnose("ΔW", nan, Expected).Message);
    }

    [Fact]
    public void Numbers_are_checked_without_talking_about_shapes()
    {
        Assert.Equal("✓ loss is correct.", Exercise.Check("loss", () => 0.125, 0.125).ToText());
        Assert.Equal("✗ loss: not yet: yours is 0.2, which is not loss.", Exercise.Check("loss", () => 0.2, 0.125).ToText());
        Assert.StartsWith("b: sign error", Exercise.Diagnose("b", -0.5, 0.5).Message);
        Assert.Contains("finite number", Exercise.Diagnose("b", double.NaN, 0.5).Message);
    }

    [Fact]
    public void Messages_are_escaped_in_HTML()
    {
        Assert.Contains("&lt;b&gt;", Exercise.Diagnose("<b>", null, Expected).ToHtml());
    }

    [Fact]
    public void As_shipped_an_exercise_is_not_answered_yet_and_shows_its_first_hint()
    {
        var result = Exercise.Check("δ_L99", () => throw new NotAnswered("δ has O's shape."), Expected);
        Assert.Equal(ExerciseState.NotAnswered, result.State);
        Assert.Equal("… δ_L99: not answered yet. Hint: δ has O's shape.", result.ToText());
        Assert.Contains("data-state=\"notanswered\"", result.ToHtml());
        Assert.Same(Expected, result.Value); // the cells below go on with the engine's value
    }

    [Fact]
    public void The_cells_below_use_the_right_answer_or_the_engines_and_the_verdict_says_so()
    {
        var mine = Expected.Clone();
        Assert.Same(mine, Exercise.Check("ΔW", () => mine, Expected, usedBelow: true).Value);
        var wrong = Exercise.Check("ΔW", () => -Expected, Expected, usedBelow: true);
        Assert.Same(Expected, wrong.Value);
        Assert.EndsWith("Until then, the cells below use the engine's ΔW.", wrong.ToText());
        Assert.DoesNotContain("cells below", Exercise.Check("ΔW", () => -Expected, Expected).ToText());
    }

    [Fact]
    public void Code_that_throws_is_reported_not_rethrown()
    {
        var result = Exercise.Check("ΔW", () => Expected * Expected, Expected);
        Assert.Equal(ExerciseState.Wrong, result.State);
        Assert.Contains("your code threw ArgumentException", result.Message);
        Assert.Contains("Check the shapes of each product", result.Message);
    }

    [Fact]
    public void A_named_mistake_is_recognised_by_its_value()
    {
        var forgotten = Expected * 3;
        var result = Exercise.Diagnose("δ", forgotten, Expected, [new Mistake("g′ is missing.", forgotten)]);
        Assert.Equal("δ: g′ is missing. The shape (3×2) is right.", result.Message);
        Assert.Equal("n: off by one layer.", Exercise.Diagnose("n", 98, 99, [new NumberMistake("off by one layer.", 98)]).Message);
    }

    [Fact]
    public void A_constant_factor_such_as_the_mean_instead_of_the_sum_is_named()
    {
        var result = Exercise.Diagnose("ΔW", Expected / 8, Expected);
        Assert.StartsWith("ΔW: yours is exactly 0.125 × the right ΔW (3×2): a constant factor, such as the mean instead of the sum", result.Message);
    }
}
