namespace Backprop.Tests;

public class ShapeTraceTests
{
    private static (ShapeTrace Trace, Gradients Gradients) TraceArticleBatch(int n, BiasMode bias = BiasMode.None)
    {
        var net = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95, bias: bias);
        var data = Datasets.Synthetic(n);
        var trace = new ShapeTrace();
        var g = net.Backward(net.Forward(data.X, trace), data.Y, trace: trace);
        return (trace, g);
    }

    [Fact]
    public void Forward_rows_show_each_product_with_batch_shapes()
    {
        var (trace, _) = TraceArticleBatch(8);
        var z97 = trace.Forward.Single(r => r.Quantity == "Z_L97");
        Assert.Equal("O_L96 @ W_L97", z97.Expression);
        Assert.Equal(Operation.MatrixProduct, z97.Operation);
        Assert.Equal([new Shape(8, 2), new Shape(2, 4)], z97.Operands);
        Assert.Equal(new Shape(8, 4), z97.Result);
        Assert.Equal("(8×2) @ (2×4) → (8×4)", z97.ShapeText);
        Assert.Equal(5 * 2, trace.Forward.Count()); // Z and O for each of five layers
    }

    [Fact]
    public void Backward_weight_gradients_sum_over_n_and_have_the_weights_shape()
    {
        var (trace, _) = TraceArticleBatch(8);
        var dw = trace.Backward.Where(r => r.Quantity.StartsWith("∂L/∂W", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, dw.Count);
        Assert.All(dw, r => Assert.True(r.SumsOverN && r.Transposes));
        var dw97 = dw.Single(r => r.Layer == "L97");
        Assert.Equal("O_L96ᵀ @ δ_L97", dw97.Expression);
        Assert.Equal("(2×8) @ (8×4) → (2×4)", dw97.ShapeText); // n = 8 is lost in the product
        // Only weight (and bias) gradients lose n; every ∂L and δ keeps it.
        Assert.All(trace.Backward.Where(r => !r.SumsOverN), r => Assert.Equal(8, r.Result.Rows));
    }

    [Fact]
    public void Backward_starts_with_output_minus_labels_and_passes_dL_down_with_a_transpose()
    {
        var (trace, _) = TraceArticleBatch(4);
        var first = trace.Backward.First();
        Assert.Equal("∂L/∂O_L100", first.Quantity);
        Assert.Equal("O_L100 − Y", first.Expression);
        var down = trace.Backward.Single(r => r.Quantity == "∂L/∂O_L98");
        Assert.Equal("δ_L99 @ W_L99ᵀ", down.Expression);
        Assert.Equal("(4×3) @ (3×3) → (4×3)", down.ShapeText);
        var delta = trace.Backward.Single(r => r.Quantity == "δ_L97");
        Assert.Equal(Operation.ElementWise, delta.Operation);
        Assert.Equal("⊙", delta.Symbol);
    }

    [Fact]
    public void Bias_rows_appear_in_both_bias_modes()
    {
        var (vector, _) = TraceArticleBatch(3, BiasMode.Vector);
        Assert.Contains(vector.Rows, r => r.Operation == Operation.AddBias && r.Layer == "L96");
        var db = vector.Backward.Single(r => r.Quantity == "∂L/∂b_L96");
        Assert.True(db.SumsOverN);
        Assert.Equal("(3×2) → (1×2)", db.ShapeText.Replace("Σₙ ", "", StringComparison.Ordinal));

        var (ones, _) = TraceArticleBatch(3, BiasMode.OnesColumn);
        var append = ones.Forward.First(r => r.Operation == Operation.AppendOnes);
        Assert.Equal([new Shape(3, 5)], append.Operands);
        Assert.Equal(new Shape(3, 6), append.Result);
        Assert.Contains(ones.Backward, r => r.Operation == Operation.DropOnes);
    }

    [Fact]
    public void Plain_text_has_a_section_per_pass_and_marks_where_n_disappears()
    {
        var (trace, _) = TraceArticleBatch(8);
        var text = trace.ToText();
        Assert.StartsWith("Forward pass", text);
        Assert.Contains("Backward pass", text);
        Assert.Contains("Z_L96", text);
        Assert.Contains("(8×5) @ (5×2) → (8×2)", text);
        Assert.Equal(5, text.Split('\n').Count(line => line.Contains("Σ over n", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_recursive_form_stamps_each_row_with_its_call_depth()
    {
        var net = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95);
        var data = Datasets.Synthetic(2);
        var trace = new ShapeTrace();
        RecursiveBackprop.Backward(net.Forward(data.X), data.Y, new SquaredLoss(), trace);
        Assert.Equal("∂L/∂O_L100", trace.Rows.First().Quantity);     // the deepest call, the output layer's, runs first
        Assert.All(trace.Rows.Where(r => r.Layer == "L100"), r => Assert.Equal(4, r.Depth));
        Assert.All(trace.Rows.Where(r => r.Layer == "L97"), r => Assert.Equal(1, r.Depth));
        Assert.Equal(0, trace.Rows.Last().Depth);                    // L96, the first call, finishes last
        Assert.Equal(trace.Rows.Select(r => r.Quantity), Trace(LoopBackprop.Backward).Select(r => r.Quantity));

        IReadOnlyList<TraceRow> Trace(Func<ForwardPass, Matrix<double>, SquaredLoss, ShapeTrace?, Gradients> backward)
        {
            var t = new ShapeTrace();
            backward(net.Forward(data.X), data.Y, new SquaredLoss(), t);
            return t.Rows;
        }
    }

    [Fact]
    public void Without_a_trace_nothing_is_recorded()
    {
        var trace = new ShapeTrace();
        var net = Network.Create([2, 1], Activation.Sigmoid);
        net.Backward(net.Forward(Datasets.And.X), Datasets.And.Y);
        Assert.Empty(trace.Rows);
    }
}
