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
    }

    [Fact]
    public void A_transposed_answer_is_named_as_the_transpose()
    {
        var result = Exercise.Check("ΔW_L100", () => Expected.Transpose(), Expected);
        Assert.Equal(ExerciseState.Wrong, result.State);
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
        Assert.Equal("ΔW: not answered yet. Hint: compute ΔW (3×2) in the marked region.", Exercise.Diagnose("ΔW", null, Expected).Message);
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
    public void A_region_as_shipped_says_not_answered_yet_with_its_hint_and_the_engines_value_is_used_below()
    {
        Func<Matrix<double>?> shipped = () => throw new NotAnswered("multiply Oᵀ by δ.");
        var result = Exercise.Check("ΔW_L100", shipped, Expected, usedBelow: true);
        Assert.Equal(ExerciseState.NotAnswered, result.State);
        Assert.Same(Expected, result.Value);
        Assert.Equal("… ΔW_L100: not answered yet. Hint: multiply Oᵀ by δ. Until then, the cells below use the engine's ΔW_L100.", result.ToText());
    }

    [Fact]
    public void A_named_mistake_is_recognised_by_its_value_before_sign_and_factor()
    {
        var result = Exercise.Check("δ", () => 2 * Expected, Expected, [new Mistake("g′ is applied twice.", 2 * Expected)]);
        Assert.Equal("δ: g′ is applied twice. The shape (3×2) is right.", result.Message);
        Assert.Contains("yours is exactly 0.125 ×", Exercise.Diagnose("ΔW", Expected / 8, Expected).Message);
    }

    [Fact]
    public void Code_that_throws_is_reported_and_run_returns_its_answer_otherwise()
    {
        var thrown = Exercise.Check("Z", () => Expected * Expected, Expected);
        Assert.StartsWith("Z: your code threw ArgumentException", thrown.Message);
        Assert.EndsWith("Check the shapes of each product: (n×k) @ (k×j) → (n×j).", thrown.Message);
        Assert.Null(Exercise.Run("Z", () => 3, out var answer));
        Assert.Equal(3, answer);
    }

    [Fact]
    public void Messages_are_escaped_in_HTML()
    {
        Assert.Contains("&lt;b&gt;", Exercise.Diagnose("<b>", null, Expected).ToHtml());
    }
}
