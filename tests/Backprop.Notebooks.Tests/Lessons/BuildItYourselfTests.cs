namespace Backprop.Notebooks.Tests.Lessons;

/// <summary>
/// Lesson 06's checks: the solutions written with plain MathNet operations (as in the lesson's
/// collapsed blocks) pass; each typical mistake gets its own diagnosis; as shipped, one "not
/// answered yet" line and the engine's function for the cells below.
/// </summary>
public class BuildItYourselfTests
{
    private static readonly Dataset Batch = Datasets.Synthetic(64, seed: 0).Take(8);
    private static readonly (Matrix<double>[] W, Matrix<double>[] B) Start = Draw([5, 2, 4, 3, 3, 1], seed: 1);
    private static Matrix<double>[] W => Start.W;
    private static Matrix<double>[] B => Start.B;

    [Fact]
    public void The_solutions_pass_every_check_and_are_used_below()
    {
        var forward = BuildItYourself.CheckForward(Forward, Batch.X, W, B);
        var (_, o) = EngineFunctions.Forward(Batch.X, W, B);
        var loss = BuildItYourself.CheckLoss(Loss, o[^1], Batch.Y);
        var backward = BuildItYourself.CheckBackward((x, w, z, o, d) => Backward(x, w, z, o, d), Batch.X, Batch.Y, W, B);
        var update = BuildItYourself.CheckUpdate(Update, Batch.X, Batch.Y, W, B, 0.5);
        var use = new YourCode(forward, loss, backward, update);
        var training = BuildItYourself.CheckTraining((x, y, w, b, e, s, a, seed) => Train(use, x, y, w, b, e, s, a, seed), Batch.X, Batch.Y, W, B, 3, 3, 0.5, 1);

        foreach (var check in new IView[] { forward, loss, backward, update, training })
            Assert.DoesNotContain("✗", check.ToText());
        Assert.True(forward.Passed && loss.Passed && backward.Passed && update.Passed && training.Passed);
        Assert.Single(forward.Verdicts);
        Assert.Equal("✓ forward pass is correct: Z_L96 (8×2), O_L96 (8×2), Z_L97 (8×4), O_L97 (8×4), Z_L98 (8×3), O_L98 (8×3), " +
                     "Z_L99 (8×3), O_L99 (8×3), Z_L100 (8×1), O_L100 (8×1) equal the engine's.", forward.ToText());
        Assert.StartsWith("✓ backward loop is correct: ∂L/∂W_L100 (3×1), ∂L/∂b_L100 (1×1), ∂L/∂W_L99 (3×3)", backward.ToText());
        Assert.Equal((ForwardFunction)Forward, forward.Value);
        Assert.Equal("your forward pass", forward.Whose);
        Assert.Equal("Training with your functions: your epoch loop, forward pass, loss, backward loop and update.", use.With(training).Sentence);
    }

    [Fact]
    public void The_engines_functions_pass_their_own_checks()
    {
        var (_, o) = EngineFunctions.Forward(Batch.X, W, B);
        Assert.True(BuildItYourself.CheckForward(EngineFunctions.Forward, Batch.X, W, B).Passed);
        Assert.True(BuildItYourself.CheckLoss(EngineFunctions.Loss, o[^1], Batch.Y).Passed);
        Assert.True(BuildItYourself.CheckBackward(EngineFunctions.Backward, Batch.X, Batch.Y, W, B).Passed);
        Assert.True(BuildItYourself.CheckUpdate(EngineFunctions.Update, Batch.X, Batch.Y, W, B, 0.5).Passed);
        Assert.True(BuildItYourself.CheckTraining(EngineFunctions.Train, Batch.X, Batch.Y, W, B, 3, 3, 0.5, 1).Passed);
    }

    [Fact]
    public void As_shipped_a_check_shows_one_not_answered_line_and_hands_the_engines_function_below()
    {
        var check = BuildItYourself.CheckForward((_, _, _) => throw new NotAnswered("start from O_prev = X."), Batch.X, W, B);
        Assert.Equal(ExerciseState.NotAnswered, check.State);
        Assert.Equal("… forward pass: not answered yet. Hint: start from O_prev = X.\nUntil it is right, the cells below use the engine's forward pass.", check.ToText());
        Assert.Same(EngineFunctions.Forward, check.Value);
        Assert.Equal("the engine's forward pass", check.Whose);
        Assert.Equal("not answered yet", check.Why);
        Assert.Contains("data-state=\"notanswered\"", check.ToHtml());
    }

    [Fact]
    public void A_wrong_result_after_right_ones_shows_one_line_for_those_and_the_first_wrong_one()
    {
        var check = BuildItYourself.CheckForward((x, w, b) => { var (z, o) = Forward(x, w, b); o[1] = z[1]; return (z, o); }, Batch.X, W, B);
        Assert.Equal(ExerciseState.Wrong, check.State);
        Assert.Equal(2, check.Verdicts.Count);
        Assert.Equal("forward pass, so far: Z_L96 (8×2), O_L96 (8×2), Z_L97 (8×4) equal the engine's.", check.Verdicts[0].Message);
        var first = BuildItYourself.CheckForward((x, w, b) => { var (z, o) = Forward(x, w, b); o[0] = z[0]; return (z, o); }, Batch.X, W, B);
        Assert.Equal("forward pass, so far: Z_L96 (8×2) equals the engine's.", first.Verdicts[0].Message);
        Assert.Equal("O_L97: σ is missing: O_L97 = σ(Z_L97), not Z_L97 itself. The shape (8×4) is right.", check.Verdicts[1].Message);
        Assert.Equal("not right yet", check.Why);
    }

    [Fact]
    public void A_forgotten_bias_and_missing_layers_are_named()
    {
        Assert.Contains("Z_L96: the bias is missing: Z_L96 = O_L95 @ W_L96 + b_L96",
            BuildItYourself.CheckForward((x, w, b) => Forward(x, w, w.Select(m => Matrix<double>.Build.Dense(1, m.ColumnCount)).ToArray()), Batch.X, W, B).ToText());
        Assert.Contains("yours returned 4 Z for a network of 5 layers",
            BuildItYourself.CheckForward((x, w, b) => { var (z, o) = Forward(x, w, b); return (z[..4], o); }, Batch.X, W, B).ToText());
        Assert.Contains("your code threw ArgumentException",
            BuildItYourself.CheckForward((x, w, b) => { _ = x * w[1]; return Forward(x, w, b); }, Batch.X, W, B).ToText()); // Z from X in a later layer
    }

    [Theory]
    [InlineData("half", "L: the ½ is missing")]
    [InlineData("mean", "L: yours is the mean, ½ Σ (O − Y)² / n with n = 8")]
    [InlineData("no square", "L: the square is missing")]
    [InlineData("Y − O", "∂L/∂O_L100: sign error")]
    [InlineData("derivative of the mean", "(O − Y) / n is the derivative of the mean")]
    [InlineData("2(O − Y)", "2 (O − Y) is the derivative of Σ (O − Y)² without the ½")]
    public void Typical_loss_mistakes_are_named(string mistake, string diagnosis)
    {
        var (_, o) = EngineFunctions.Forward(Batch.X, W, B);
        LossFunction wrong = mistake switch
        {
            "half" => (O, Y) => (2 * Loss(O, Y).L, O - Y),
            "mean" => (O, Y) => (Loss(O, Y).L / O.RowCount, O - Y),
            "no square" => (O, Y) => (0.5 * (O - Y).Enumerate().Sum(), O - Y),
            "Y − O" => (O, Y) => (Loss(O, Y).L, Y - O),
            "derivative of the mean" => (O, Y) => (Loss(O, Y).L, (O - Y) / O.RowCount),
            _ => (O, Y) => (Loss(O, Y).L, 2 * (O - Y)),
        };
        var check = BuildItYourself.CheckLoss(wrong, o[^1], Batch.Y);
        Assert.Equal(ExerciseState.Wrong, check.State);
        Assert.Contains(diagnosis, check.ToText());
    }

    [Theory]
    [InlineData("g′ missing", "∂L/∂W_L100: g′ is missing")]
    [InlineData("g′ twice", "∂L/∂W_L100: g′ is applied twice")]
    [InlineData("g′ from Z", "∂L/∂W_L100: g′ is computed from Z")]
    [InlineData("bias of one instance", "∂L/∂b_L100: ∂L/∂b is δ of the first instance only")]
    [InlineData("bias mean", "∂L/∂b_L100: yours is Σₙ δ / n, the mean over the n = 8 instances")]
    [InlineData("bias not summed", "∂L/∂b_L100: wrong shape: yours is (8×1), expected (1×1)")]
    [InlineData("hand-off without g′", "∂L/∂W_L99: L100 passed down ∂L/∂O_L100 @ W_L100ᵀ; it must pass down δ_L100 @ W_L100ᵀ")]
    [InlineData("transposed ∂L/∂W", "∂L/∂W_L100: wrong shape: yours is (1×3), expected (3×1). It is the transpose of the right answer")]
    [InlineData("own O instead of O_prev", "∂L/∂W_L100: wrong shape: yours is (1×1), expected (3×1): this is O_L100ᵀ @ δ_L100, made with the layer's own O")]
    [InlineData("own O at the square layer", "∂L/∂W_L99: this is O_L99ᵀ @ δ_L99, made with the layer's own O; ∂L/∂W_L99 (3×3) needs its input")]
    [InlineData("no transpose passing down", "backward loop: your code threw ArgumentException")]
    public void Typical_backward_mistakes_are_named(string mistake, string diagnosis)
    {
        var check = BuildItYourself.CheckBackward((x, w, z, o, dLossDO) => Backward(x, w, z, o, dLossDO, mistake), Batch.X, Batch.Y, W, B);
        Assert.Equal(ExerciseState.Wrong, check.State);
        Assert.Contains(diagnosis, check.ToText());
    }

    [Theory]
    [InlineData("plus", "W_L96: you added: gradient descent subtracts")]
    [InlineData("no α", "W_L96: α is missing")]
    [InlineData("b unchanged", "b_L96: b_L96 did not change")]
    public void Typical_update_mistakes_are_named(string mistake, string diagnosis)
    {
        UpdateFunction wrong = mistake switch
        {
            "plus" => (w, b, dW, dB, alpha) => (w.Select((m, l) => m + alpha * dW[l]).ToArray(), b.Select((m, l) => m + alpha * dB[l]).ToArray()),
            "no α" => (w, b, dW, dB, alpha) => (w.Select((m, l) => m - dW[l]).ToArray(), b.Select((m, l) => m - dB[l]).ToArray()),
            _ => (w, b, dW, dB, alpha) => (Update(w, b, dW, dB, alpha).W, b),
        };
        var check = BuildItYourself.CheckUpdate(wrong, Batch.X, Batch.Y, W, B, 0.5);
        Assert.Equal(ExerciseState.Wrong, check.State);
        Assert.Contains(diagnosis, check.ToText());
    }

    [Theory]
    [InlineData("last batch dropped", "loss per epoch: epoch 1 already differs")]
    [InlineData("new Random every epoch", "loss per epoch: epoch 1 agrees, epoch 2 differs")]
    [InlineData("mean of the batches", "loss per epoch: yours is 0.3333 × the engine's loss in every epoch: that is the mean of the 3 batches' losses")]
    public void Typical_epoch_loop_mistakes_are_named(string mistake, string diagnosis)
    {
        var use = EngineCode();
        var check = BuildItYourself.CheckTraining((x, y, w, b, e, s, a, seed) => Train(use, x, y, w, b, e, s, a, seed, mistake), Batch.X, Batch.Y, W, B, 3, 3, 0.5, 1);
        Assert.Equal(ExerciseState.Wrong, check.State);
        Assert.Contains(diagnosis, check.ToText());
    }

    [Fact]
    public void The_learners_code_gets_copies_and_cannot_change_the_inputs()
    {
        var w = W.Select(m => m.Clone()).ToArray();
        BuildItYourself.CheckUpdate((ws, b, dW, dB, alpha) => { ws[0][0, 0] = 99; ws[1] = ws[0]; return (ws, b); }, Batch.X, Batch.Y, w, B, 0.5);
        Assert.Equal(W[0], w[0]);
        Assert.Equal(W[1], w[1]);
    }

    [Fact]
    public void Your_code_says_which_pieces_are_yours_and_which_the_engines()
    {
        var (_, o) = EngineFunctions.Forward(Batch.X, W, B);
        var forward = BuildItYourself.CheckForward(Forward, Batch.X, W, B);
        var loss = BuildItYourself.CheckLoss(Loss, o[^1], Batch.Y);
        var backward = BuildItYourself.CheckBackward((x, w, z, oo, d) => Backward(x, w, z, oo, d, "g′ twice"), Batch.X, Batch.Y, W, B);
        var update = BuildItYourself.CheckUpdate((_, _, _, _, _) => throw new NotAnswered("subtract."), Batch.X, Batch.Y, W, B, 0.5);
        var use = new YourCode(forward, loss, backward, update);
        Assert.Equal("Using your forward pass and loss; the engine's backward loop (yours is not right yet) and update (yours is not answered yet).", use.Sentence);
        Assert.False(use.AllYours);
        Assert.Same(EngineFunctions.Backward, use.Backward);
        Assert.Throws<InvalidOperationException>(() => use.Train);

        var mixed = new YourCode(BuildItYourself.CheckForward((_, _, _) => throw new NotAnswered("forward."), Batch.X, W, B), loss, backward, update);
        Assert.Equal("Using your loss; the engine's forward pass and update (yours are not answered yet) and backward loop (yours is not right yet).", mixed.Sentence);

        var shipped = EngineCode();
        Assert.Equal("Using the engine's forward pass, loss, backward loop and update (yours are not answered yet).", shipped.Sentence);
        var trainingShipped = BuildItYourself.CheckTraining((_, _, _, _, _, _, _, _) => throw new NotAnswered("loop."), Batch.X, Batch.Y, W, B, 3, 3, 0.5, 1);
        Assert.Equal("Training with the engine's epoch loop (Trainer.Train) and the engine's forward pass, loss, backward loop and update: your epoch loop is not answered yet.",
            shipped.With(trainingShipped).Sentence);
        var trainingYours = BuildItYourself.CheckTraining((x, y, w, b, e, s, a, seed) => Train(use, x, y, w, b, e, s, a, seed), Batch.X, Batch.Y, W, B, 3, 3, 0.5, 1);
        Assert.True(trainingYours.Passed);
        Assert.Equal("Training with your epoch loop, which calls your forward pass and loss; the engine's backward loop (yours is not right yet) and update (yours is not answered yet).",
            use.With(trainingYours).Sentence);
        Assert.Contains("data-all-yours=\"false\"", use.ToHtml());
    }

    [Fact]
    public void The_engines_update_and_training_leave_the_given_matrices_alone_and_name_layers_up_to_L100()
    {
        var w = W.Select(m => m.Clone()).ToArray();
        var (_, _, losses) = EngineFunctions.Train(Batch.X, Batch.Y, w, B, 2, 3, 0.5, 1);
        Assert.Equal(2, losses.Length);
        Assert.Equal(W[0], w[0]);
        Assert.Equal("L96", EngineFunctions.LayerName(0, 5));
        Assert.Equal("L98…L100", $"{EngineFunctions.LayerName(0, 3)}…{EngineFunctions.LayerName(2, 3)}");
        Assert.Equal("L100", EngineFunctions.NetworkOf(W, null).Output.Name);
    }

    // The lesson's solutions, written the way the lesson's collapsed blocks write them.

    private static (Matrix<double>[] W, Matrix<double>[] B) Draw(int[] sizes, int seed)
    {
        var random = new Random(seed);
        Matrix<double> Uniform(int rows, int columns) => Matrix<double>.Build.Dense(rows, columns, (_, _) => 2 * random.NextDouble() - 1);
        var w = new Matrix<double>[sizes.Length - 1];
        var b = new Matrix<double>[sizes.Length - 1];
        for (var l = 0; l < w.Length; l++)
        {
            w[l] = Uniform(sizes[l], sizes[l + 1]);
            b[l] = Uniform(1, sizes[l + 1]);
        }
        return (w, b);
    }

    private static Matrix<double> Sigmoid(Matrix<double> z) => z.Map(v => 1 / (1 + Math.Exp(-v)));

    private static Matrix<double> SigmoidSlope(Matrix<double> o) => o.PointwiseMultiply(1 - o);

    private static (Matrix<double>[] Z, Matrix<double>[] O) Forward(Matrix<double> x, Matrix<double>[] w, Matrix<double>[] b)
    {
        var z = new Matrix<double>[w.Length];
        var o = new Matrix<double>[w.Length];
        var oPrev = x;
        for (var l = 0; l < w.Length; l++)
        {
            var ones = Matrix<double>.Build.Dense(oPrev.RowCount, 1, 1.0);
            z[l] = oPrev * w[l] + ones * b[l];
            o[l] = Sigmoid(z[l]);
            oPrev = o[l];
        }
        return (z, o);
    }

    private static (double L, Matrix<double> DLossDO) Loss(Matrix<double> o, Matrix<double> y)
    {
        var error = o - y;
        return (0.5 * error.PointwiseMultiply(error).Enumerate().Sum(), error);
    }

    private static (Matrix<double>[] DLossDW, Matrix<double>[] DLossDB) Backward(Matrix<double> x, Matrix<double>[] w, Matrix<double>[] z, Matrix<double>[] o,
        Matrix<double> dLossDO, string mistake = "")
    {
        var dW = new Matrix<double>[w.Length];
        var dB = new Matrix<double>[w.Length];
        for (var l = w.Length - 1; l >= 0; l--)
        {
            var oPrev = l == 0 ? x : o[l - 1];
            var slope = mistake == "g′ from Z" ? z[l].PointwiseMultiply(1 - z[l]) : SigmoidSlope(o[l]);
            var delta = mistake switch
            {
                "g′ missing" => dLossDO,
                "g′ twice" => dLossDO.PointwiseMultiply(slope).PointwiseMultiply(slope),
                _ => dLossDO.PointwiseMultiply(slope),
            };
            dW[l] = mistake switch
            {
                "transposed ∂L/∂W" => delta.TransposeThisAndMultiply(oPrev),
                "own O instead of O_prev" => o[l].TransposeThisAndMultiply(delta),
                "own O at the square layer" when l == 3 => o[l].TransposeThisAndMultiply(delta),
                _ => oPrev.TransposeThisAndMultiply(delta),
            };
            var sum = Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums());
            dB[l] = mistake switch
            {
                "bias of one instance" => delta.SubMatrix(0, 1, 0, delta.ColumnCount),
                "bias mean" => sum / x.RowCount,
                "bias not summed" => delta,
                _ => sum,
            };
            dLossDO = mistake switch
            {
                "hand-off without g′" => dLossDO.TransposeAndMultiply(w[l]),
                "no transpose passing down" => delta * w[l],
                _ => delta.TransposeAndMultiply(w[l]),
            };
        }
        return (dW, dB);
    }

    private static (Matrix<double>[] W, Matrix<double>[] B) Update(Matrix<double>[] w, Matrix<double>[] b, Matrix<double>[] dW, Matrix<double>[] dB, double alpha) =>
        (w.Select((m, l) => m - alpha * dW[l]).ToArray(), b.Select((m, l) => m - alpha * dB[l]).ToArray());

    private static (Matrix<double>[] W, Matrix<double>[] B, double[] Losses) Train(YourCode use, Matrix<double> x, Matrix<double> y, Matrix<double>[] w, Matrix<double>[] b,
        int epochs, int batchSize, double alpha, int seed, string mistake = "")
    {
        var random = new Random(seed);
        var n = x.RowCount;
        var losses = new double[epochs];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            if (mistake == "new Random every epoch") random = new Random(seed);
            var order = Enumerable.Range(0, n).ToArray();
            random.Shuffle(order);
            var batches = 0;
            for (var start = 0; start < n; start += batchSize)
            {
                if (mistake == "last batch dropped" && start + batchSize > n) break;
                var rows = order.Skip(start).Take(batchSize).ToArray();
                var xb = Matrix<double>.Build.DenseOfRowVectors(rows.Select(i => x.Row(i)));
                var yb = Matrix<double>.Build.DenseOfRowVectors(rows.Select(i => y.Row(i)));
                var (z, o) = use.Forward(xb, w, b);
                var (loss, dLossDO) = use.Loss(o[^1], yb);
                var (dW, dB) = use.Backward(xb, w, z, o, dLossDO);
                (w, b) = use.Update(w, b, dW, dB, alpha);
                losses[epoch] += loss;
                batches++;
            }
            if (mistake == "mean of the batches") losses[epoch] /= batches;
        }
        return (w, b, losses);
    }

    private static YourCode EngineCode()
    {
        ForwardFunction forward = (_, _, _) => throw new NotAnswered("forward.");
        LossFunction loss = (_, _) => throw new NotAnswered("loss.");
        BackwardFunction backward = (_, _, _, _, _) => throw new NotAnswered("backward.");
        UpdateFunction update = (_, _, _, _, _) => throw new NotAnswered("update.");
        var (_, o) = EngineFunctions.Forward(Batch.X, W, B);
        return new YourCode(BuildItYourself.CheckForward(forward, Batch.X, W, B), BuildItYourself.CheckLoss(loss, o[^1], Batch.Y),
            BuildItYourself.CheckBackward(backward, Batch.X, Batch.Y, W, B), BuildItYourself.CheckUpdate(update, Batch.X, Batch.Y, W, B, 0.5));
    }
}
