namespace Backprop.Tests;

public class SquaredLossTests
{
    private static readonly Matrix<double> Output = TestData.M(new double[,] { { 0.5 }, { 1.0 }, { 0.0 } });
    private static readonly Matrix<double> Labels = TestData.M(new double[,] { { 1.0 }, { 1.0 }, { 2.0 } });

    [Fact]
    public void Sum_reduction_is_half_the_sum_of_squared_errors()
    {
        // errors −0.5, 0, −2 → ½ (0.25 + 0 + 4) = 2.125
        Assert.Equal(2.125, new SquaredLoss(LossReduction.Sum).Value(Output, Labels), 12);
    }

    [Fact]
    public void Mean_reduction_divides_by_n()
    {
        Assert.Equal(2.125 / 3, new SquaredLoss(LossReduction.Mean).Value(Output, Labels), 12);
    }

    [Fact]
    public void Derivative_is_output_minus_labels()
    {
        var d = new SquaredLoss().Derivative(Output, Labels);
        Assert.Equal(new Shape(3, 1), Shape.Of(d));
        Assert.Equal(new[] { -0.5, 0.0, -2.0 }, d.Column(0).ToArray());
    }

    [Fact]
    public void Mean_derivative_is_divided_by_n_too()
    {
        var d = new SquaredLoss(LossReduction.Mean).Derivative(Output, Labels);
        Assert.Equal(-2.0 / 3, d[2, 0], 12);
    }

    [Fact]
    public void Labels_of_another_shape_are_refused_with_both_shapes_named()
    {
        var ex = Assert.Throws<ShapeException>(() => new SquaredLoss().Value(Output, TestData.M(new double[,] { { 1, 2, 3 } })));
        Assert.Contains("(3×1)", ex.Message);
        Assert.Contains("(1×3)", ex.Message);
        Assert.Contains("labels Y must have the output O's shape, (3×1)", ex.Message);
    }
}
