using CsCheck;

namespace Backprop.Fast.Tests;

/// <summary>
/// The fast path computes what the readable engine computes, over random networks (every
/// activation except step, every bias mode, 1–6 layers of 1–6 neurons, and 1–3 layers of up to
/// 70 neurons for the wide kernels) and batches of 1–70 instances, so that the vectorised bodies
/// and the scalar tails of every loop are all used. Agreement is to 1e-12 relative, not bit for
/// bit: the fast path sums with fused multiply-adds (one rounding per term, the readable engine
/// rounds twice) and adds a narrow layer's ∂L/∂W in vector order (8 partial sums, then their total).
/// </summary>
public class FastPathPropertyTests
{
    private const int Iterations = 200;
    private const double Tolerance = 1e-12;

    /// <summary>
    /// Twenty steps compound the last-bit differences of σ and tanh (vectorised exponentials), so
    /// a training run is held to 1e-10 relative; a single step to 1e-12.
    /// </summary>
    private const double TrainingTolerance = 1e-10;

    /// <summary>A random network case with n in [1, 70] instead of [1, 16].</summary>
    private static readonly Gen<NetworkCase> Cases =
        from c in NetworkCase.Gen
        from n in Gen.Int[1, 70]
        select c with { N = n };

    /// <summary>Wide layers (up to 70 neurons): the 4×32 tiles, their edges, and the transposed input of ∂L/∂W.</summary>
    private static readonly Gen<NetworkCase> WideCases =
        from c in Cases
        from depth in Gen.Int[1, 3]
        from sizes in Gen.Int[1, 70].Array[depth + 1]
        from activations in Gen.Int[0, 3].Array[depth]
        select c with { Sizes = sizes, ActivationIds = activations };

    private static readonly Gen<NetworkCase> AllCases = Gen.OneOf(Cases, WideCases);

    private static readonly Gen<(NetworkCase Case, LossReduction Reduction)> CasesAndReductions =
        from c in AllCases
        from reduction in Gen.Enum<LossReduction>()
        select (c, reduction);

    [Fact]
    public void Forward_gives_the_readable_outputs()
    {
        AllCases.Sample(c =>
        {
            var network = c.Network();
            var fast = new TrainingWorkspace(network, c.N);
            fast.Forward(c.X);
            var readable = network.Forward(c.X).Output;
            Assert.Equal(Shape.Of(readable), Shape.Of(fast.Output()));
            Assert.True(TestData.MaxRelativeDifference(readable, fast.Output()) <= Tolerance, c.ToString());
        }, iter: Iterations);
    }

    [Fact]
    public void Loss_and_gradients_are_the_readable_ones_for_both_reductions()
    {
        CasesAndReductions.Sample(t =>
        {
            var (c, reduction) = t;
            var loss = new SquaredLoss(reduction);
            var network = c.Network();
            var forward = network.Forward(c.X);
            var readable = LoopBackprop.Backward(forward, c.Y, loss);
            var fast = new TrainingWorkspace(network, c.N);
            fast.Forward(c.X);
            Assert.True(Close(forward.Loss(c.Y, loss), fast.Loss(c.Y, loss), Tolerance), c.ToString());
            fast.Backward(c.Y, loss);
            for (var l = 0; l < readable.Count; l++)
            {
                Assert.True(TestData.MaxRelativeDifference(readable[l].DLossDW, fast.DLossDW(l)) <= Tolerance, $"{c}, layer {l}");
                if (readable[l].DLossDB is { } dB) Assert.True(TestData.MaxRelativeDifference(dB, fast.DLossDB(l)!) <= Tolerance, $"{c}, layer {l} bias");
                else Assert.Null(fast.DLossDB(l));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_step_agrees_with_the_readable_step_to_1e_12_not_bit_for_bit()
    {
        // Loss, every ∂L/∂W and ∂L/∂b, and the updated weights of one step: all within 1e-12 relative.
        CasesAndReductions.Sample(t =>
        {
            var (c, reduction) = t;
            var loss = new SquaredLoss(reduction);
            var readable = c.Network();
            var forward = readable.Forward(c.X);
            var gradients = LoopBackprop.Backward(forward, c.Y, loss);
            readable.Update(gradients, 0.01);
            var network = c.Network();
            var fast = new TrainingWorkspace(network, c.N);
            Assert.True(Close(forward.Loss(c.Y, loss), fast.Step(c.X, c.Y, 0.01, loss), Tolerance), c.ToString());
            fast.WriteBack();
            for (var l = 0; l < gradients.Count; l++)
            {
                Assert.True(TestData.MaxRelativeDifference(gradients[l].DLossDW, fast.DLossDW(l)) <= Tolerance, $"{c}, layer {l}");
                if (gradients[l].DLossDB is { } dB) Assert.True(TestData.MaxRelativeDifference(dB, fast.DLossDB(l)!) <= Tolerance, $"{c}, layer {l} bias");
            }
            AssertSameWeights(readable, network, c.ToString(), Tolerance);
        }, iter: Iterations);
    }

    [Fact]
    public void A_step_then_write_back_leaves_the_weights_of_a_readable_step()
    {
        CasesAndReductions.Sample(t =>
        {
            var (c, reduction) = t;
            var loss = new SquaredLoss(reduction);
            var readable = c.Network();
            readable.Update(readable.Backward(readable.Forward(c.X), c.Y, loss), 0.1);
            var network = c.Network();
            var fast = new TrainingWorkspace(network, c.N);
            fast.Step(c.X, c.Y, 0.1, loss);
            AssertSameWeights(c.Network(), network, c.ToString()); // the network keeps its weights until written back
            fast.WriteBack();
            AssertSameWeights(readable, network, c.ToString());
        }, iter: Iterations);
    }

    [Fact]
    public void The_fast_trainer_gives_the_readable_history_and_weights()
    {
        // A ReLU after a σ or tanh layer can see a Z within an ulp of 0 flip sides over a run, which
        // changes everything after it; such runs are not comparable, so a run's layers are either all
        // smooth (σ, tanh, identity) or free of e^x (ReLU, identity, which are bit-identical anyway).
        var gen =
            from c in Cases.Where(c => c.Activations.All(a => a is not ReLU) || c.Activations.All(a => a is ReLU or Identity))
            from reduction in Gen.Enum<LossReduction>()
            from batch in Gen.Int[1, 70]
            from fullBatch in Gen.Bool
            select (Case: c, Options: new TrainingOptions
            {
                Epochs = 20,
                Alpha = reduction == LossReduction.Sum ? 0.02 / c.N : 0.02, // the same step per instance for both reductions
                Loss = new SquaredLoss(reduction),
                BatchSize = fullBatch ? null : Math.Min(batch, c.N),
                Seed = c.Seed,
                RecordGradientNorms = true,
            });
        var exploded = 0;
        gen.Sample(t =>
        {
            var (c, options) = t;
            var readable = c.Network();
            var fast = c.Network();
            var (expected, expectedError) = Run(() => Trainer.Train(readable, c.X, c.Y, options));
            var (actual, actualError) = Run(() => FastTrainer.Train(fast, c.X, c.Y, options));
            if (expectedError is not null && actualError is not null)
            {
                Assert.Equal((expectedError.Epoch, expectedError.Layer), (actualError.Epoch, actualError.Layer));
                return;
            }
            if (expectedError is not null || actualError is not null)
            {
                // Only one run overflowed: the other must have ended at the edge of overflow, where the last bit decides.
                Assert.True((expected ?? actual)!.Losses.Max() > 1e100, $"{c}: only one trainer diverged: {expectedError?.Message ?? actualError?.Message}");
                return;
            }
            Assert.NotNull(expected);
            Assert.NotNull(actual);
            if (expected.Losses.Max() > 1000 * expected.Losses[0])
            {
                // Exploding: saturated σ and tanh make g' = O(1 − O) or 1 − O² a difference of nearly
                // equal numbers, where a last-bit difference in O becomes a large one. Not comparable.
                Interlocked.Increment(ref exploded);
                return;
            }
            Assert.Equal(expected.LayerNames, actual.LayerNames);
            Assert.Equal(expected.Epochs, actual.Epochs);
            for (var e = 0; e < expected.Epochs; e++)
            {
                Assert.True(Close(expected.Losses[e], actual.Losses[e], TrainingTolerance), $"{c}, {options.BatchSize}: epoch {e + 1} loss {expected.Losses[e]:R} vs {actual.Losses[e]:R}");
                for (var l = 0; l < expected.GradientNorms[e].Count; l++)
                    Assert.True(Close(expected.GradientNorms[e][l], actual.GradientNorms[e][l], TrainingTolerance), $"{c}: epoch {e + 1} layer {l} norm {expected.GradientNorms[e][l]:R} vs {actual.GradientNorms[e][l]:R}");
            }
            AssertSameWeights(readable, fast, c.ToString(), TrainingTolerance);
        }, iter: 100);
        Assert.True(exploded <= 20, $"{exploded} of 100 runs exploded and were not compared");
    }

    [Fact]
    public void The_fast_gradient_check_agrees_with_the_readable_one()
    {
        // The readable check's own cases (n ≤ 16): with larger batches the summed loss grows and
        // finite differences get noisy enough for a correct pass to look suspicious to either check.
        NetworkCase.Gen.Where(c => !c.NearAKink()).Sample(c =>
        {
            var network = c.Network();
            var readable = GradientCheck.Run(network, c.X, c.Y);
            var fast = FastGradientCheck.Run(network, c.X, c.Y);
            Assert.True(fast.Verdict == GradientVerdict.Correct, $"{c}\nfast:\n{fast.ToText()}\nreadable:\n{readable.ToText()}");
            Assert.Equal(readable.Layers.Select(l => (l.Layer, l.Checked)), fast.Layers.Select(l => (l.Layer, l.Checked)));
            AssertSameWeights(c.Network(), network, c.ToString());
        }, iter: 50);
    }

    private static (TrainingHistory? History, TrainingDivergedException? Error) Run(Func<TrainingHistory> train)
    {
        try
        {
            return (train(), null);
        }
        catch (TrainingDivergedException diverged)
        {
            return (null, diverged);
        }
    }

    /// <summary>Equal to <paramref name="tolerance"/>, relative to the larger magnitude (absolute below 1).</summary>
    private static bool Close(double a, double b, double tolerance) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>Same W and b in every layer.</summary>
    private static void AssertSameWeights(Network expected, Network actual, string because, double tolerance = Tolerance)
    {
        for (var l = 0; l < expected.Layers.Count; l++)
        {
            Assert.True(TestData.MaxRelativeDifference(expected.Layers[l].W, actual.Layers[l].W) <= tolerance, $"{because}: W of layer {l}");
            if (expected.Layers[l].B is { } b) Assert.True(TestData.MaxRelativeDifference(b, actual.Layers[l].B!) <= tolerance, $"{because}: b of layer {l}");
        }
    }
}
