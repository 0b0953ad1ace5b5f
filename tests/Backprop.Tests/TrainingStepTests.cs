namespace Backprop.Tests;

/// <summary>
/// The trainer's loop around a step of one's own: it decides the batches, adds up the loss, and
/// finishes the step once; the step only computes.
/// </summary>
public class TrainingStepTests
{
    [Fact]
    public void Mini_batches_cover_every_instance_once_per_epoch_in_a_seeded_order()
    {
        var step = new RecordingStep(instances: 10);
        var options = new TrainingOptions { Epochs = 3, BatchSize = 4, Seed = 5 };
        Trainer.Train(step, options);
        Assert.Equal(9, step.Batches.Count);
        Assert.Equal([4, 4, 2], step.Batches.Take(3).Select(b => b.Length));
        for (var epoch = 0; epoch < 3; epoch++)
            Assert.Equal(Enumerable.Range(0, 10), step.Batches.Skip(3 * epoch).Take(3).SelectMany(b => b).Order());
        Assert.NotEqual(step.Batches[0], step.Batches[3]); // a new order every epoch

        var again = new RecordingStep(instances: 10);
        Trainer.Train(again, options);
        Assert.Equal(step.Batches, again.Batches);
        Assert.Equal(["forward", "backward", "update"], step.Calls.Take(3));
        Assert.Equal(["update", "finish"], step.Calls.TakeLast(2));
        Assert.Equal(1, step.Calls.Count(c => c == "finish"));
    }

    [Fact]
    public void The_full_batch_is_one_step_over_the_rows_in_their_own_order()
    {
        var step = new RecordingStep(instances: 6);
        Trainer.Train(step, new TrainingOptions { Epochs = 2, Seed = 5 });
        Assert.Equal([[0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5]], step.Batches);
    }

    [Theory]
    [InlineData(LossReduction.Sum, 3.0)]
    [InlineData(LossReduction.Mean, 1.0)]
    public void The_epochs_loss_adds_the_batches_losses_or_weighs_their_means_by_size(LossReduction reduction, double expected)
    {
        // Every batch reports a loss of 1: a sum over 3 batches is 3; means of 1 over 4, 4 and 2 instances average to 1.
        var history = Trainer.Train(new RecordingStep(instances: 10), new TrainingOptions { Epochs = 1, BatchSize = 4, Loss = new SquaredLoss(reduction) });
        Assert.Equal(expected, history.Losses[0], 12);
    }

    [Fact]
    public void Gradient_norms_are_the_steps_averaged_over_the_epoch()
    {
        var history = Trainer.Train(new RecordingStep(instances: 10), new TrainingOptions { Epochs = 2, BatchSize = 5, RecordGradientNorms = true });
        Assert.Equal(["L1", "L2"], history.LayerNames);
        Assert.Equal([1.5, 11.5], history.GradientNorms[0]); // steps 1 and 2: layer 0 gives 1, 2; layer 1 gives 11, 12
        Assert.Equal([3.5, 13.5], history.GradientNorms[1]);
    }

    [Fact]
    public void A_non_finite_loss_finishes_the_step_then_reads_its_last_forward_pass()
    {
        var step = new RecordingStep(instances: 4) { NaNAtStep = 3 };
        var ex = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(step, new TrainingOptions { Epochs = 5, BatchSize = 2, Alpha = 0.5 }));
        Assert.Equal(2, ex.Epoch);
        Assert.Equal("L2", ex.Layer); // every Z and O of the step's forward pass is finite: the output's squared error overflowed
        Assert.Equal(["forward", "finish", "last forward"], step.Calls.TakeLast(3));
    }

    [Fact]
    public void Options_are_checked_against_the_steps_instances()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(new RecordingStep(instances: 3), new TrainingOptions { BatchSize = 4 }));
        Assert.Contains("number of instances (3); got 4", ex.Message);
        Assert.Throws<ArgumentNullException>(() => Trainer.Train(null!, new TrainingOptions()));
    }

    /// <summary>A step that computes nothing: a loss of 1 per batch, and a record of what the loop asked.</summary>
    private sealed class RecordingStep(int instances) : ITrainingStep
    {
        private readonly Matrix<double> x = Matrix<double>.Build.Dense(instances, 2, 0.5);
        private int steps;

        public Network Network { get; } = Network.Create([2, 3, 1], Activation.Sigmoid, seed: 1);
        public int Instances => instances;
        public int? NaNAtStep { get; init; }
        public List<int[]> Batches { get; } = [];
        public List<string> Calls { get; } = [];

        public double Forward(ReadOnlySpan<int> batch, SquaredLoss loss)
        {
            Calls.Add("forward");
            Batches.Add(batch.ToArray());
            return ++steps == NaNAtStep ? double.NaN : 1.0;
        }

        public void Backward(SquaredLoss loss) => Calls.Add("backward");
        public void Update(double alpha) => Calls.Add("update");
        public double GradientNorm(int layer) => 10 * layer + steps;
        public void Finish() => Calls.Add("finish");

        public ForwardPass LastForward()
        {
            Calls.Add("last forward");
            return Network.Forward(x);
        }
    }
}
