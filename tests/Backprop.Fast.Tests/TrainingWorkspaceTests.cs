namespace Backprop.Fast.Tests;

public class TrainingWorkspaceTests
{
    public static TheoryData<string, BiasMode, string> Networks() => new()
    {
        { "5-2-4-3-3-1", BiasMode.None, "sigmoid" },
        { "5-2-4-3-3-1", BiasMode.Vector, "tanh" },
        { "5-2-4-3-3-1", BiasMode.OnesColumn, "relu" },
        { "64-32-16-10", BiasMode.None, "sigmoid" },
        { "64-32-16-10", BiasMode.Vector, "identity" },
        { "3-4-2", BiasMode.OnesColumn, "step" },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_warmed_up_training_step_allocates_nothing(string sizes, BiasMode bias, string activation)
    {
        var (network, x, y) = Build(sizes, bias, activation, n: 64);
        var fast = new TrainingWorkspace(network, 64);
        var loss = new SquaredLoss(LossReduction.Mean);
        for (var i = 0; i < 200; i++) fast.Step(x, y, 1e-6, loss); // static constructors, first JIT tiers
        // The runtime itself may allocate a few bytes on this thread once while it promotes methods
        // to their optimised tier; a step that allocates would show in every window of 1000 steps.
        var windows = new List<long>();
        do
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++) fast.Step(x, y, 1e-6, loss);
            windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        while (windows[^1] != 0 && windows.Count < 5);
        Assert.True(windows[^1] == 0, $"bytes allocated per 1000 warmed-up steps: {string.Join(", ", windows)}");
    }

    [Fact]
    public void The_network_keeps_its_weights_until_they_are_written_back_as_new_matrices()
    {
        var (network, x, y) = Build("5-2-4-3-3-1", BiasMode.Vector, "sigmoid", n: 8);
        var w = network.Layers[0].W;
        var fast = new TrainingWorkspace(network, 8);
        fast.Step(x, y, 0.5);
        Assert.Same(w, network.Layers[0].W);
        fast.WriteBack();
        Assert.NotSame(w, network.Layers[0].W);
        Assert.NotEqual(w, network.Layers[0].W);
    }

    [Fact]
    public void The_step_activation_passes_no_gradient_down_as_in_the_readable_engine()
    {
        var (network, x, y) = Build("3-4-2", BiasMode.OnesColumn, "step", n: 5);
        var fast = new TrainingWorkspace(network, 5);
        fast.Forward(x);
        Assert.Equal(network.Predict(x), fast.Output());
        fast.Backward(y);
        var readable = network.Backward(network.Forward(x), y);
        for (var l = 0; l < 2; l++) Assert.Equal(readable[l].DLossDW, fast.DLossDW(l));
    }

    [Fact]
    public void A_batch_larger_than_the_capacity_is_refused_with_both_sizes()
    {
        var (network, x, _) = Build("5-2-1", BiasMode.None, "sigmoid", n: 9);
        var error = Assert.Throws<ArgumentException>(() => new TrainingWorkspace(network, 8).Forward(x));
        Assert.Contains("9 instances", error.Message);
        Assert.Contains("room for 8", error.Message);
    }

    [Fact]
    public void Bad_inputs_get_the_readable_engines_messages()
    {
        var (network, x, _) = Build("5-2-1", BiasMode.None, "sigmoid", n: 4);
        var fast = new TrainingWorkspace(network, 4);
        var wrongWidth = Matrix<double>.Build.Dense(4, 3);
        Assert.Equal(Assert.Throws<ShapeException>(() => network.Forward(wrongWidth)).Message,
            Assert.Throws<ShapeException>(() => fast.Forward(wrongWidth)).Message);
        var withNaN = x.Clone();
        withNaN[2, 1] = double.NaN;
        Assert.Equal(Assert.Throws<ArgumentException>(() => network.Forward(withNaN)).Message,
            Assert.Throws<ArgumentException>(() => fast.Forward(withNaN)).Message);
    }

    [Fact]
    public void Labels_must_follow_a_forward_pass_and_fit_its_output()
    {
        var (network, x, y) = Build("5-2-1", BiasMode.None, "sigmoid", n: 4);
        var fast = new TrainingWorkspace(network, 4);
        Assert.Throws<InvalidOperationException>(() => fast.Loss(y));
        fast.Forward(x);
        var error = Assert.Throws<ShapeException>(() => fast.Backward(Matrix<double>.Build.Dense(3, 1)));
        Assert.Contains("(3×1)", error.Message);
        var withNaN = y.Clone();
        withNaN[0, 0] = double.PositiveInfinity;
        Assert.Throws<ArgumentException>(() => fast.Loss(withNaN));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_bad_alpha_is_refused(double alpha)
    {
        var (network, x, y) = Build("5-2-1", BiasMode.None, "sigmoid", n: 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingWorkspace(network, 4).Step(x, y, alpha));
    }

    [Fact]
    public void A_workspace_needs_room_for_one_instance()
    {
        var (network, _, _) = Build("5-2-1", BiasMode.None, "sigmoid", n: 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingWorkspace(network, 0));
    }

    [Fact]
    public void Matrices_that_are_not_dense_are_read_too()
    {
        var (network, x, y) = Build("5-2-4-1", BiasMode.Vector, "tanh", n: 6);
        var sparseX = Matrix<double>.Build.SparseOfMatrix(x);
        var sparseY = Matrix<double>.Build.SparseOfMatrix(y);
        var dense = new TrainingWorkspace(network, 6);
        var sparse = new TrainingWorkspace(network, 6);
        Assert.Equal(dense.Step(x, y, 0.1), sparse.Step(sparseX, sparseY, 0.1));
        for (var l = 0; l < 3; l++) Assert.Equal(dense.DLossDW(l), sparse.DLossDW(l));
    }

    internal static (Network Network, Matrix<double> X, Matrix<double> Y) Build(string sizes, BiasMode bias, string activation, int n)
    {
        var layerSizes = sizes.Split('-').Select(int.Parse).ToArray();
        var sigma = activation switch
        {
            "sigmoid" => Activation.Sigmoid,
            "tanh" => Activation.Tanh,
            "relu" => Activation.ReLU,
            "identity" => Activation.Identity,
            _ => Activation.Step,
        };
        var network = Network.Create(layerSizes, sigma, seed: 1, bias: bias);
        var random = new Random(2);
        return (network, TestData.Random(n, layerSizes[0], random), TestData.Random(n, layerSizes[^1], random, 0, 1));
    }
}
