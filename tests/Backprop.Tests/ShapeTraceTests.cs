namespace Backprop.Tests;

public class ShapeTraceTests
{
    private static readonly Network Article = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95);

    private static (ShapeTrace Trace, ForwardPass Forward, Gradients Gradients) TraceArticleBatch(int n, BiasMode bias = BiasMode.None)
    {
        var net = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95, bias: bias);
        var data = Datasets.Synthetic(n);
        var forward = net.Forward(data.X);
        var g = net.Backward(forward, data.Y);
        return (ShapeTrace.Of(forward, g), forward, g);
    }

    [Fact]
    public void Forward_rows_show_each_product_with_batch_shapes()
    {
        var (trace, _, _) = TraceArticleBatch(8);
        var z97 = trace.Forward.Single(r => r.Quantity == "Z_L97");
        Assert.Equal("O_L96 @ W_L97", z97.Expression);
        Assert.Equal(Operation.MatrixProduct, z97.Operation);
        Assert.Equal([new Shape(8, 2), new Shape(2, 4)], z97.Operands);
        Assert.Equal(new Shape(8, 4), z97.Result);
        Assert.Equal("(8×2) @ (2×4) → (8×4)", z97.ShapeText);
        Assert.Equal(5 * 2, trace.Forward.Count()); // Z and O for each of five layers
    }

    [Fact]
    public void A_forward_pass_alone_traces_only_the_forward_rows()
    {
        var (_, forward, _) = TraceArticleBatch(4);
        var trace = ShapeTrace.Of(forward);
        Assert.Equal(10, trace.Rows.Count);
        Assert.Empty(trace.Backward);
    }

    [Fact]
    public void One_pass_of_a_trace_can_be_shown_alone()
    {
        var (trace, _, _) = TraceArticleBatch(4);
        Assert.Equal(trace.Backward, trace.Only(Pass.Backward).Rows);
        Assert.Equal(trace.Forward, trace.Only(Pass.Forward).Rows);
    }

    [Fact]
    public void Backward_weight_gradients_sum_over_n_and_have_the_weights_shape()
    {
        var (trace, _, _) = TraceArticleBatch(8);
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
        var (trace, _, _) = TraceArticleBatch(4);
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
    public void A_mean_loss_is_traced_as_divided_by_n()
    {
        var data = Datasets.Synthetic(4);
        var forward = Article.Forward(data.X);
        var trace = ShapeTrace.Of(forward, Article.Backward(forward, data.Y, new SquaredLoss(LossReduction.Mean)));
        Assert.Equal("(O_L100 − Y) / n", trace.Backward.First().Expression);
    }

    [Fact]
    public void Bias_rows_appear_in_both_bias_modes()
    {
        var (vector, _, _) = TraceArticleBatch(3, BiasMode.Vector);
        Assert.Contains(vector.Rows, r => r.Operation == Operation.AddBias && r.Layer == "L96");
        var db = vector.Backward.Single(r => r.Quantity == "∂L/∂b_L96");
        Assert.True(db.SumsOverN);
        Assert.Equal("(3×2) → (1×2)", db.ShapeText.Replace("Σₙ ", "", StringComparison.Ordinal));

        var (ones, _, _) = TraceArticleBatch(3, BiasMode.OnesColumn);
        var append = ones.Forward.First(r => r.Operation == Operation.AppendOnes);
        Assert.Equal([new Shape(3, 5)], append.Operands);
        Assert.Equal(new Shape(3, 6), append.Result);
        var drop = ones.Backward.Single(r => r.Operation == Operation.DropOnes && r.Layer == "L97");
        Assert.Equal("(3×3) → (3×2)", drop.ShapeText.Replace("drop 1 ", "", StringComparison.Ordinal)); // L97's ∂L/∂O_L96 loses the ones' column
    }

    /// <summary>
    /// The trace is built after the fact: pin it to what the passes computed. Every traced result
    /// is the shape of the matrix it names, and the rows come in the order the operations ran,
    /// which a recording activation observes (σ layer by layer up, g' layer by layer down).
    /// </summary>
    [Theory]
    [InlineData(BiasMode.None, 8)]
    [InlineData(BiasMode.Vector, 3)]
    [InlineData(BiasMode.OnesColumn, 1)]
    public void Each_traced_shape_is_the_shape_of_what_it_names_and_rows_run_in_order(BiasMode bias, int n)
    {
        var log = new List<string>();
        var activations = Enumerable.Range(96, 5).Select(number => (Activation)new RecordingSigmoid($"L{number}", log)).ToArray();
        var net = Network.Create([5, 2, 4, 3, 3, 1], activations, seed: 1, firstLayerNumber: 95, bias: bias);
        var data = Datasets.Synthetic(n);
        var forward = net.Forward(data.X);
        var gradients = net.Backward(forward, data.Y);
        var trace = ShapeTrace.Of(forward, gradients);

        foreach (var row in trace.Rows)
        {
            var l = net.Layers.ToList().FindIndex(layer => layer.Name == row.Layer);
            var (s, g) = (forward.Layers[l], gradients[l]);
            var named = row.Quantity switch
            {
                var q when q == $"Z_{row.Layer}" || q == $"g'(Z_{row.Layer})" => s.Z,
                var q when q == $"O_{row.Layer}" => s.O,
                var q when q.StartsWith('[') => s.Input,
                var q when q == $"δ_{row.Layer}" => g.DLossDZ,
                var q when q == $"∂L/∂W_{row.Layer}" => g.DLossDW,
                var q when q == $"∂L/∂b_{row.Layer}" => g.DLossDB!,
                var q when q == $"∂L/∂O_{row.Layer}" => g.DLossDO,
                _ => g.DLossDInput,
            };
            var beforeTheDrop = row.Operation == Operation.MatrixProduct && bias == BiasMode.OnesColumn && row.Quantity.StartsWith("∂L/∂O_", StringComparison.Ordinal)
                && row.Quantity != $"∂L/∂O_{row.Layer}";
            Assert.Equal(beforeTheDrop ? new Shape(n, s.W.RowCount) : Shape.Of(named), row.Result);
        }

        var traced = trace.Rows.Where(r => r.Operation is Operation.Activation or Operation.Derivative)
            .Select(r => $"{(r.Operation == Operation.Activation ? "σ" : "g'")} {r.Layer}");
        Assert.Equal(log, traced);
        Assert.Equal(["σ L96", "σ L97", "σ L98", "σ L99", "σ L100", "g' L100", "g' L99", "g' L98", "g' L97", "g' L96"], log);
    }

    [Fact]
    public void Plain_text_has_a_section_per_pass_and_marks_where_n_disappears()
    {
        var (trace, _, _) = TraceArticleBatch(8);
        var text = trace.ToText();
        Assert.StartsWith("Forward pass", text);
        Assert.Contains("Backward pass", text);
        Assert.Contains("Z_L96", text);
        Assert.Contains("(8×5) @ (5×2) → (8×2)", text);
        Assert.Equal(5, text.Split('\n').Count(line => line.Contains("Σ over n", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_recursive_form_records_its_calls_and_the_trace_stamps_each_row_with_its_depth()
    {
        var data = Datasets.Synthetic(2);
        var forward = Article.Forward(data.X);
        var recursive = RecursiveBackprop.Backward(forward, data.Y, new SquaredLoss());
        Assert.Equal(
            ["call L96", "call L97", "call L98", "call L99", "call L100", "return L100", "return L99", "return L98", "return L97", "return L96"],
            recursive.Calls!.Select(c => $"{c.Event.ToString().ToLowerInvariant()} {c.Layer}"));
        Assert.Equal([0, 1, 2, 3, 4, 4, 3, 2, 1, 0], recursive.Calls!.Select(c => c.Depth));

        var trace = ShapeTrace.Of(forward, recursive);
        Assert.Equal("∂L/∂O_L100", trace.Backward.First().Quantity);     // the deepest call, the output layer's, runs first
        Assert.All(trace.Rows.Where(r => r.Pass == Pass.Backward && r.Layer == "L100"), r => Assert.Equal(4, r.Depth));
        Assert.All(trace.Rows.Where(r => r.Pass == Pass.Backward && r.Layer == "L97"), r => Assert.Equal(1, r.Depth));
        Assert.Equal(0, trace.Rows.Last().Depth);                       // L96, the first call, finishes last
        var loop = ShapeTrace.Of(forward, LoopBackprop.Backward(forward, data.Y, new SquaredLoss()));
        Assert.Equal(loop.Rows.Select(r => (r.Quantity, r.Result)), trace.Rows.Select(r => (r.Quantity, r.Result)));
        Assert.All(loop.Rows, r => Assert.Equal(0, r.Depth));
        Assert.Contains("depth 4", trace.ToText());
    }

    [Fact]
    public void Gradients_of_another_network_are_refused()
    {
        var data = Datasets.Synthetic(2);
        var small = Network.Create([5, 1], Activation.Sigmoid);
        var ex = Assert.Throws<ArgumentException>(() => ShapeTrace.Of(Article.Forward(data.X), small.Backward(small.Forward(data.X), data.Y)));
        Assert.StartsWith("Gradients of 1 layers do not belong to a forward pass of 5 layers", ex.Message);
    }

    /// <summary>One layer's sigmoid that writes into a shared log when σ or g' starts being applied in its layer.</summary>
    private sealed class RecordingSigmoid(string layer, List<string> log) : Activation
    {
        public override string Name => "sigmoid";

        public override double Apply(double z)
        {
            Note($"σ {layer}");
            return Sigmoid.Apply(z);
        }

        public override double Derivative(double z, double o)
        {
            Note($"g' {layer}");
            return Sigmoid.Derivative(z, o);
        }

        private void Note(string what)
        {
            if (log.Count == 0 || log[^1] != what) log.Add(what);
        }
    }
}
