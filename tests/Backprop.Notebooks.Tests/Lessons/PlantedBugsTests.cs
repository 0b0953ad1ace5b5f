namespace Backprop.Notebooks.Tests.Lessons;

public class PlantedBugsTests
{
    private static readonly Dataset Data = Datasets.Synthetic(8, seed: 3);

    private static Network Article(BiasMode bias = BiasMode.Vector) => Examples.Article(bias);

    private static GradientCheckResult Check(Network network, PlantedBug bug, Dataset? data = null, SquaredLoss? loss = null) =>
        GradientCheck.Run(network, (data ?? Data).X, (data ?? Data).Y, loss, bug.Backward);

    public static TheoryData<string> GalleryNames() => new(PlantedBugs.Gallery(0.5).Select(b => b.Name).Where(n => n != "missing transpose"));

    [Fact]
    public void The_signature_table_has_a_row_per_bug_and_names_the_shape_error()
    {
        var bugs = PlantedBugs.Gallery(0.5).Prepend(PlantedBugs.Correct).ToList();
        var text = PlantedBugs.Signatures(Article(), Data.X, Data.Y, bugs).ToText();
        Assert.All(bugs, b => Assert.Contains(b.Name, text, StringComparison.Ordinal));
        Assert.Contains("ShapeException: L100 backward:", text, StringComparison.Ordinal);   // the missing transpose cannot run here
        Assert.Contains("Correct", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_correct_variant_passes_the_gradient_check_in_every_bias_mode()
    {
        foreach (var bias in new[] { BiasMode.None, BiasMode.Vector, BiasMode.OnesColumn })
            Assert.Equal(GradientVerdict.Correct, Check(Article(bias), PlantedBugs.Correct).Verdict);
    }

    [Theory]
    [MemberData(nameof(GalleryNames))]
    public void Every_bug_of_the_gallery_is_caught_by_the_gradient_check(string name)
    {
        var bug = PlantedBugs.Gallery(0.5).Single(b => b.Name == name);
        var result = Check(Article(), bug);
        Assert.Equal(GradientVerdict.Wrong, result.Verdict);
    }

    [Fact]
    public void A_missing_transpose_on_non_square_layers_throws_a_shape_exception_naming_both_shapes()
    {
        var ex = Assert.Throws<ShapeException>(() => Check(Article(), PlantedBugs.MissingTranspose));
        Assert.StartsWith("L100 backward: ", ex.Message);
        Assert.Contains("8x1", ex.Message); // MathNet's own words for δ_L100 @ W_L100, kept
        Assert.EndsWith("∂L/∂O_L99 that of O_L99 (8×3)", ex.Message);
    }

    [Fact]
    public void A_missing_transpose_on_square_layers_runs_and_is_caught_by_the_gradient_check()
    {
        var square = Network.Create([3, 3, 3, 3], Activation.Sigmoid, seed: 2, firstLayerNumber: 96);
        var data = new Dataset("square", Data.X.SubMatrix(0, 8, 0, 3), Data.X.SubMatrix(0, 8, 2, 3).Map(v => (v + 1) / 2));
        var result = Check(square, PlantedBugs.MissingTranspose, data);
        Assert.Equal(GradientVerdict.Correct, result.Layers[^1].Verdict); // the output layer's own ∂L/∂W is right
        Assert.Equal(GradientVerdict.Wrong, result.Layers[0].Verdict);    // what it passes down is not
    }

    [Fact]
    public void A_bug_in_the_output_delta_spoils_every_layer_below_it()
    {
        var result = Check(Article(), PlantedBugs.OutputDerivativeForgotten);
        Assert.All(result.Layers, l => Assert.Equal(GradientVerdict.Wrong, l.Verdict));
    }

    [Fact]
    public void Forgetting_g_prime_at_the_output_is_no_bug_when_the_output_is_linear()
    {
        var linear = Network.Create([5, 2, 4, 3, 3, 1], [Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid, Activation.Identity],
            seed: 1, firstLayerNumber: 95);
        Assert.Equal(GradientVerdict.Correct, Check(linear, PlantedBugs.OutputDerivativeForgotten).Verdict);
    }

    [Fact]
    public void An_unsummed_bias_gradient_spoils_only_the_biases_and_only_for_batches_of_more_than_one()
    {
        var result = Check(Article(), PlantedBugs.BiasNotSummed);
        Assert.All(result.Layers, l => Assert.StartsWith("b_", l.Worst.Parameter));
        Assert.Equal(GradientVerdict.Correct, Check(Article(), PlantedBugs.BiasNotSummed, Data.Take(1)).Verdict);
        Assert.Equal(GradientVerdict.Correct, Check(Article(BiasMode.None), PlantedBugs.BiasNotSummed).Verdict);
    }

    [Fact]
    public void Sum_versus_mean_is_off_by_the_factor_n_in_both_directions()
    {
        var network = Article();
        var forward = network.Forward(Data.X);
        foreach (var reduction in new[] { LossReduction.Sum, LossReduction.Mean })
        {
            var loss = new SquaredLoss(reduction);
            var right = PlantedBugs.Correct.Backward(forward, Data.Y, loss)[0].DLossDW;
            var wrong = PlantedBugs.SumVersusMean.Backward(forward, Data.Y, loss)[0].DLossDW;
            var factor = reduction == LossReduction.Sum ? 1.0 / 8 : 8.0;
            Assert.True((wrong - factor * right).FrobeniusNorm() < 1e-12 * right.FrobeniusNorm() * 8);
            Assert.Equal(GradientVerdict.Wrong, Check(network, PlantedBugs.SumVersusMean, loss: loss).Verdict);
        }
    }

    [Fact]
    public void A_sign_flip_has_relative_error_two_everywhere_and_makes_the_loss_rise()
    {
        var result = Check(Article(), PlantedBugs.SignFlip);
        Assert.All(result.Layers, l => Assert.Equal(2.0, l.MaxRelativeError, 6));
        var history = Trainer.Train(Article(), Data.X, Data.Y, new TrainingOptions { Epochs = 20, Alpha = 0.1, Backward = PlantedBugs.SignFlip.Backward });
        Assert.True(history.FinalLoss > history.Losses[0]);
    }

    [Fact]
    public void Updating_while_backpropagating_leaves_the_top_layer_right_and_spoils_the_layers_below()
    {
        var result = Check(Article(), PlantedBugs.UpdateWhileBackpropagating(0.5));
        Assert.Equal(GradientVerdict.Correct, result.Layers[^1].Verdict);
        Assert.Equal(GradientVerdict.Wrong, result.Layers[^2].Verdict);
    }

    [Fact]
    public void Updating_while_backpropagating_leaves_the_network_unchanged_until_the_update()
    {
        var network = Article();
        var before = network.Layers.Select(l => l.W.Clone()).ToArray();
        PlantedBugs.UpdateWhileBackpropagating(0.5).Backward(network.Forward(Data.X), Data.Y, new SquaredLoss());
        Assert.All(network.Layers.Zip(before), p => Assert.Equal(p.Second, p.First.W));
    }

    [Fact]
    public void The_mystery_bug_sits_in_L99_where_the_check_turns_wrong_from_the_top()
    {
        var result = Check(Article(), PlantedBugs.Mystery);
        Assert.Equal(["Correct", "Wrong", "Wrong", "Wrong", "Wrong"],
            result.Layers.Reverse().Select(l => l.Verdict.ToString()).ToArray());
        Assert.Equal("L99", result.Layers[3].Layer);
    }

    [Fact]
    public void The_mystery_made_for_one_forward_pass_keeps_its_bug_in_later_passes_of_the_same_network()
    {
        var network = Article();
        var step = PlantedBugs.Mystery.StepFor(network.Forward(Data.X));
        var later = network.Forward(Data.X);
        var right = LoopBackprop.Backward(later, Data.Y, new SquaredLoss());
        var buggy = LoopBackprop.Backward(later, Data.Y, new SquaredLoss(), step);
        Assert.Equal(right[4].DLossDZ, buggy[4].DLossDZ);      // L100 untouched
        Assert.NotEqual(right[3].DLossDZ, buggy[3].DLossDZ);   // L99 still buggy
        var check = GradientCheck.Run(network, Data.X, Data.Y, backward: (f, y, l) => LoopBackprop.Backward(f, y, l, step));
        Assert.Equal(GradientVerdict.Wrong, check.Layers[3].Verdict);
    }

    [Fact]
    public void The_mystery_refuses_a_network_it_cannot_plant_its_bug_in() =>
        Assert.Throws<ArgumentException>(() => PlantedBugs.Mystery.Backward(Network.Create([5, 2, 1], Activation.Sigmoid).Forward(Data.X), Data.Y, new SquaredLoss()));

    [Fact]
    public void Every_variant_returns_gradients_shaped_like_the_weights()
    {
        var network = Article();
        var forward = network.Forward(Data.X);
        foreach (var bug in PlantedBugs.Gallery(0.5).Where(b => b.Name != "missing transpose").Append(PlantedBugs.Mystery))
        {
            var gradients = bug.Backward(forward, Data.Y, new SquaredLoss());
            for (var l = 0; l < network.Layers.Count; l++)
            {
                Assert.Equal(Shape.Of(network.Layers[l].W), Shape.Of(gradients[l].DLossDW));
                Assert.Equal(Shape.Of(network.Layers[l].B!), Shape.Of(gradients[l].DLossDB!));
            }
        }
    }

    public static TheoryData<string> EveryBugName() => new(PlantedBugs.Gallery(0.5).Append(PlantedBugs.Mystery).Select(b => b.Name));

    [Theory]
    [MemberData(nameof(EveryBugName))]
    public void Every_bug_differs_from_the_right_step_in_exactly_the_piece_it_is_named_for(string name)
    {
        var bug = PlantedBugs.Gallery(0.5).Append(PlantedBugs.Mystery).Single(b => b.Name == name);
        var step = bug.StepFor(Article().Forward(Data.X));
        var pieces = typeof(BackwardStep).GetProperties().Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)).ToList();
        Assert.Equal(5, pieces.Count);
        var replaced = pieces.Where(p => !ReferenceEquals(p.GetValue(step), p.GetValue(BackwardStep.Correct))).Select(p => p.Name);
        Assert.Equal([bug.Piece], replaced);
        Assert.NotEqual(bug.Wrong, bug.Right);
        Assert.Contains(bug.Right, bug.Mistake);
    }

    [Fact]
    public void The_right_pass_replaces_nothing()
    {
        var step = PlantedBugs.Correct.StepFor(Article().Forward(Data.X));
        Assert.Same(BackwardStep.Correct, step);
    }

    [Fact]
    public void A_planted_bug_checks_the_labels_as_the_real_pass_does()
    {
        var forward = Article().Forward(Data.X);
        var wrongLabels = Matrix<double>.Build.Dense(8, 2);
        var real = Assert.Throws<ShapeException>(() => LoopBackprop.Backward(forward, wrongLabels, new SquaredLoss()));
        foreach (var bug in PlantedBugs.Gallery(0.5))
            Assert.Equal(real.Message, Assert.Throws<ShapeException>(() => bug.Backward(forward, wrongLabels, new SquaredLoss())).Message);
    }

    [Fact]
    public void The_suspect_check_reads_the_answer_and_each_misreading_from_the_table()
    {
        var check = Check(Article(), PlantedBugs.Mystery);
        Assert.Equal(ExerciseState.Correct, PlantedBugs.CheckSuspect(() => 99, check).State);
        Assert.Contains("L96 is the lowest layer the check flags", PlantedBugs.CheckSuspect(() => 96, check).Message);
        Assert.Contains("L100 passes the check", PlantedBugs.CheckSuspect(() => 100, check).Message);
        Assert.Contains("looks like a position in the list", PlantedBugs.CheckSuspect(() => 3, check).Message);
        Assert.Equal(ExerciseState.NotAnswered, PlantedBugs.CheckSuspect(() => throw new NotAnswered("read the table"), check).State);
        Assert.Equal(99, PlantedBugs.CheckSuspect(() => throw new NotAnswered("read the table"), check).Value); // the cells below go on with the engine's
        Assert.Throws<ArgumentException>(() => PlantedBugs.CheckSuspect(() => 99, Check(Article(), PlantedBugs.Correct)));
    }
}
