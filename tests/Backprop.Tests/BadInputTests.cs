namespace Backprop.Tests;

/// <summary>Every kind of bad input gets its own specific message.</summary>
public class BadInputTests
{
    private static Network Article() => Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95);

    [Fact]
    public void A_weight_matrix_that_does_not_fit_names_layer_operation_shapes_and_the_fix()
    {
        // W_L96 should be (5×2); swap in a (4×3) one, as a hand-edited weight matrix would.
        var net = Network.FromWeights([TestData.M(new double[5, 2])], [Activation.Sigmoid], firstLayerNumber: 95);
        net.Layers[0].W = Matrix<double>.Build.Dense(4, 3);
        var ex = Assert.Throws<ShapeException>(() => net.Forward(Matrix<double>.Build.Dense(8, 5)));
        Assert.Equal("L96 forward: O_L95 (8×5) @ W_L96 (4×3): L95 has 5 neurons, so W_L96 must have 5 rows", ex.Message);
    }

    [Fact]
    public void Explicit_weights_that_do_not_chain_are_refused_with_the_rows_they_need()
    {
        var ex = Assert.Throws<ShapeException>(() => Network.FromWeights(
            [Matrix<double>.Build.Dense(5, 2), Matrix<double>.Build.Dense(4, 3)], [Activation.Sigmoid], firstLayerNumber: 95));
        Assert.Equal("W_L97 (4×3) follows W_L96 (5×2): L96 has 2 neurons, so W_L97 must have 2 rows", ex.Message);
    }

    [Fact]
    public void A_layer_given_an_input_of_the_wrong_width_says_what_the_input_must_be()
    {
        // W is given; the input is what has to change.
        var layer = Article().Layers[1]; // L97, W (2×4)
        var ex = Assert.Throws<ShapeException>(() => layer.Forward(Matrix<double>.Build.Dense(8, 3)));
        Assert.Equal("L97 forward: O_L96 (8×3) @ W_L97 (2×4): O_L96 has 3 columns, but W_L97 takes 2 inputs; " +
            "O_L96 must be (8×2), one column per neuron of L96", ex.Message);
    }

    [Fact]
    public void A_layer_with_a_ones_column_says_its_input_comes_without_the_ones()
    {
        var layer = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95, bias: BiasMode.OnesColumn).Layers[1];
        var ex = Assert.Throws<ShapeException>(() => layer.Forward(Matrix<double>.Build.Dense(8, 3)));
        Assert.Equal("L97 forward: O_L96 (8×3) @ W_L97 (3×4): O_L96 has 3 columns, but W_L97 takes 2 inputs " +
            "(its last row is the bias, which multiplies the ones column); O_L96 must be (8×2), one column per neuron of L96", ex.Message);
    }

    [Fact]
    public void A_backward_step_given_dL_dO_of_the_wrong_shape_says_it_must_have_O_s_shape()
    {
        var net = Article();
        var forward = net.Forward(Matrix<double>.Build.Dense(8, 5));
        var ex = Assert.Throws<ShapeException>(() => net.Output.Backward(forward.Layers[^1], Matrix<double>.Build.Dense(8, 2)));
        Assert.Equal("L100 backward: ∂L/∂O_L100 is (8×2), but O_L100 is (8×1); ∂L/∂O_L100 must have O_L100's shape, (8×1)", ex.Message);
    }

    [Fact]
    public void A_backward_step_given_another_layer_s_state_says_whose_state_to_pass()
    {
        var net = Article();
        var forward = net.Forward(Matrix<double>.Build.Dense(8, 5));
        var ex = Assert.Throws<ArgumentException>(() => net.Output.Backward(forward.Layers[0], Matrix<double>.Build.Dense(8, 2)));
        Assert.StartsWith("L100 backward: the state belongs to layer L96; pass L100's own state from the forward pass", ex.Message);
    }

    [Fact]
    public void A_replaced_equation_that_gives_a_gradient_the_wrong_shape_is_named()
    {
        var net = Article();
        var forward = net.Forward(Matrix<double>.Build.Dense(8, 5));
        var step = BackwardStep.Correct with { DLossDW = (s, delta) => delta.TransposeThisAndMultiply(s.Input) }; // δᵀ @ O_prev
        var ex = Assert.Throws<ShapeException>(() => net.Output.Backward(forward.Layers[^1], Matrix<double>.Build.Dense(8, 1), step));
        Assert.Equal("L100 backward: ∂L/∂W_L100 is (1×3), but W_L100 is (3×1); ∂L/∂W_L100 must have W_L100's shape, (3×1)", ex.Message);
    }

    [Fact]
    public void A_replaced_equation_whose_product_cannot_run_names_the_layer_and_every_shape()
    {
        var net = Article();
        var forward = net.Forward(Matrix<double>.Build.Dense(8, 5));
        var step = BackwardStep.Correct with { PassedDown = (s, delta) => delta * s.W }; // the missing ᵀ
        var ex = Assert.Throws<ShapeException>(() => net.Output.Backward(forward.Layers[^1], Matrix<double>.Build.Dense(8, 1), step));
        Assert.StartsWith("L100 backward: ", ex.Message);
        Assert.EndsWith("Every result must have its own shape: δ_L100 that of O_L100 (8×1), ∂L/∂W_L100 that of W_L100 (3×1), ∂L/∂O_L99 that of O_L99 (8×3)", ex.Message);
    }

    [Fact]
    public void Gradients_of_the_wrong_shape_cannot_update_a_network_and_say_what_they_must_be()
    {
        var net = Article();
        var forward = net.Forward(Matrix<double>.Build.Dense(8, 5));
        var g = net.Backward(forward, Matrix<double>.Build.Dense(8, 1));
        var wrong = new Gradients(g.Layers.Select((l, i) => i == 1 ? l with { DLossDW = l.DLossDW.Transpose() } : l).ToArray());
        var ex = Assert.Throws<ShapeException>(() => net.Update(wrong, 0.1));
        Assert.Equal("L97 update: ∂L/∂W_L97 is (4×2), but W_L97 is (2×4); ∂L/∂W_L97 must have W_L97's shape, (2×4)", ex.Message);
    }

    [Fact]
    public void Labels_that_do_not_fit_the_loss_say_they_must_have_the_output_s_shape()
    {
        var ex = Assert.Throws<ShapeException>(() => new SquaredLoss().Value(Matrix<double>.Build.Dense(8, 1), Matrix<double>.Build.Dense(8, 2)));
        Assert.Equal("loss: labels Y is (8×2), but the output O is (8×1); labels Y must have the output O's shape, (8×1)", ex.Message);
    }

    [Fact]
    public void X_with_the_wrong_number_of_features_is_refused()
    {
        var ex = Assert.Throws<ShapeException>(() => Article().Forward(Matrix<double>.Build.Dense(8, 4)));
        Assert.Equal("L96 forward: X (O_L95) (8×4) has 4 features per instance, but L95 has 5 neurons; X must be (n×5)", ex.Message);
    }

    [Fact]
    public void An_empty_batch_is_refused_with_what_a_batch_needs()
    {
        var ex = Assert.Throws<ArgumentException>(() => Article().Forward(Matrix<double>.Build.Dense(0, 5)));
        Assert.Equal("L96 forward: X (O_L95) (0×5) is empty; a batch needs at least one instance and one column", ex.Message);
    }

    [Fact]
    public void Labels_of_the_wrong_shape_are_refused()
    {
        var net = Article();
        var forward = net.Forward(Matrix<double>.Build.Dense(8, 5));
        var ex = Assert.Throws<ShapeException>(() => net.Backward(forward, Matrix<double>.Build.Dense(1, 8)));
        Assert.Equal("labels Y (1×8) do not fit the output O_L100 (8×1): Y needs one row per instance (8) and one column per output neuron (1)", ex.Message);
    }

    [Fact]
    public void An_empty_network_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Network.Create([5], Activation.Sigmoid));
        Assert.StartsWith("A network needs at least two sizes, the input's and one layer's; got [5]", ex.Message);
        var ex2 = Assert.Throws<ArgumentException>(() => Network.FromWeights([], [Activation.Sigmoid]));
        Assert.StartsWith("A network needs at least one weight matrix", ex2.Message);
    }

    [Fact]
    public void A_layer_of_size_zero_is_refused_by_its_label()
    {
        var ex = Assert.Throws<ArgumentException>(() => Network.Create([5, 2, 0, 1], Activation.Sigmoid, firstLayerNumber: 95));
        Assert.StartsWith("Layer L97 has size 0; every layer needs at least one neuron", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_non_positive_or_non_finite_alpha_is_refused(double alpha)
    {
        var net = Article();
        var data = Datasets.Synthetic(4);
        var g = net.Backward(net.Forward(data.X), data.Y);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => net.Update(g, alpha));
        Assert.Contains("The learning rate α must be a positive, finite number", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(net, data.X, data.Y, new TrainingOptions { Alpha = alpha }));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void NaN_or_infinity_in_the_inputs_is_refused_with_its_position(double bad)
    {
        var x = Matrix<double>.Build.Dense(3, 5);
        x[2, 4] = bad;
        var ex = Assert.Throws<ArgumentException>(() => Article().Forward(x));
        Assert.Equal($"L96 forward: X (O_L95) (3×5) contains {bad} at row 2, column 4; every value must be a finite number", ex.Message);
    }

    [Fact]
    public void NaN_in_the_labels_is_refused()
    {
        var net = Article();
        var y = Matrix<double>.Build.Dense(2, 1);
        y[1, 0] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => net.Backward(net.Forward(Matrix<double>.Build.Dense(2, 5)), y));
        Assert.Contains("labels Y (2×1) contains NaN at row 1, column 0", ex.Message);
    }

    [Fact]
    public void The_wrong_number_of_activations_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Network.Create([5, 2, 1], [Activation.Sigmoid]));
        Assert.StartsWith("3 sizes make 2 layers, which need 2 activations; got 1", ex.Message);
    }

    [Fact]
    public void A_bias_row_of_the_wrong_shape_is_refused()
    {
        var ex = Assert.Throws<ShapeException>(() => Network.FromWeights(
            [Matrix<double>.Build.Dense(2, 3)], [Activation.Sigmoid], biases: [Matrix<double>.Build.Dense(1, 2)]));
        Assert.Equal("b_L1 (1×2) must be (1×3): one bias per neuron of L1", ex.Message);
    }

    [Fact]
    public void Gradients_of_another_network_cannot_update_this_one()
    {
        var small = Network.Create([5, 1], Activation.Sigmoid);
        var data = Datasets.Synthetic(4);
        var g = small.Backward(small.Forward(data.X), data.Y);
        var ex = Assert.Throws<ArgumentException>(() => Article().Update(g, 0.1));
        Assert.StartsWith("Gradients of 1 layers cannot update a network of 5 layers", ex.Message);
    }

    [Fact]
    public void A_forward_pass_of_another_network_is_refused_by_Backward()
    {
        var data = Datasets.Synthetic(4);
        var forward = Article().Forward(data.X);
        var ex = Assert.Throws<ArgumentException>(() => Article().Backward(forward, data.Y));
        Assert.StartsWith("This forward pass was made by another network", ex.Message);
    }

    [Fact]
    public void Training_options_out_of_range_are_refused()
    {
        var data = Datasets.Synthetic(8);
        var net = Article();
        Assert.Contains("Epochs must be at least 1", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Trainer.Train(net, data.X, data.Y, new TrainingOptions { Epochs = 0 })).Message);
        Assert.Contains("Batch size must be between 1 and the number of instances (8); got 9", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Trainer.Train(net, data.X, data.Y, new TrainingOptions { BatchSize = 9 })).Message);
    }

    [Fact]
    public void An_incomplete_set_of_gradients_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Gradients([null!]));
        Assert.StartsWith("Every layer needs its gradients", ex.Message);
    }
}
