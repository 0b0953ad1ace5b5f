namespace Backprop.Tests;

public class ActivationTests
{
    public static TheoryData<string> Differentiable => new() { "sigmoid", "tanh", "relu", "identity" };

    private static Activation Named(string name) => name switch
    {
        "sigmoid" => Activation.Sigmoid,
        "tanh" => Activation.Tanh,
        "relu" => Activation.ReLU,
        "identity" => Activation.Identity,
        _ => Activation.Step,
    };

    [Theory]
    [MemberData(nameof(Differentiable))]
    public void Derivative_matches_the_slope_measured_by_central_differences(string name)
    {
        var activation = Named(name);
        foreach (var z in new[] { -3.0, -0.7, -0.1, 0.2, 0.9, 2.5 })
        {
            const double h = 1e-6;
            var slope = (activation.Apply(z + h) - activation.Apply(z - h)) / (2 * h);
            Assert.Equal(slope, activation.Derivative(z, activation.Apply(z)), 1e-8);
        }
    }

    [Fact]
    public void Sigmoid_derivative_is_computed_from_O_alone()
    {
        // σ(0) = 0.5, so g' = 0.5 · (1 − 0.5) = 0.25, whatever z is passed alongside.
        Assert.Equal(0.5, Activation.Sigmoid.Apply(0));
        Assert.Equal(0.25, Activation.Sigmoid.Derivative(z: double.NaN, o: 0.5));
    }

    [Fact]
    public void ReLU_derivative_needs_Z_because_O_is_zero_on_both_sides_of_the_kink()
    {
        Assert.Equal(0.0, Activation.ReLU.Derivative(z: -2, o: 0));
        Assert.Equal(1.0, Activation.ReLU.Derivative(z: 3, o: 3));
    }

    [Fact]
    public void Identity_passes_the_gradient_through_as_1()
    {
        Assert.Equal(1.0, Activation.Identity.Derivative(-5, -5));
        Assert.Equal(7.5, Activation.Identity.Apply(7.5));
    }

    [Fact]
    public void Step_fires_at_zero_and_above_and_has_zero_slope()
    {
        Assert.Equal(new[] { 0.0, 1.0, 1.0 }, new[] { -0.1, 0.0, 0.1 }.Select(Activation.Step.Apply));
        Assert.Equal(0.0, Activation.Step.Derivative(0.3, 1));
    }

    [Fact]
    public void Apply_and_Derivative_work_element_wise_and_keep_the_shape()
    {
        var z = TestData.M(new double[,] { { 0, 1, -1 }, { 2, -2, 0 } });
        var o = Activation.Tanh.Apply(z);
        var g = Activation.Tanh.Derivative(z, o);
        Assert.Equal(new Shape(2, 3), Shape.Of(o));
        Assert.Equal(new Shape(2, 3), Shape.Of(g));
        Assert.Equal(1 - Math.Tanh(2) * Math.Tanh(2), g[1, 0], 12);
    }
}
