namespace Backprop.Notebooks.Tests;

/// <summary>The article's network and a traced training step, shared by the tests.</summary>
internal static class Examples
{
    public static Network Article(BiasMode bias = BiasMode.None) =>
        Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, bias: bias, firstLayerNumber: 95);

    public static (Network Network, ForwardPass Forward, Gradients Gradients, ShapeTrace Trace) TracedStep(BiasMode bias = BiasMode.None, int n = 8)
    {
        var network = Article(bias);
        var data = Datasets.Synthetic(n);
        var forward = network.Forward(data.X);
        var gradients = network.Backward(forward, data.Y);
        return (network, forward, gradients, ShapeTrace.Of(forward, gradients));
    }

    public static TrainingHistory History(int epochs = 30, bool norms = false)
    {
        var data = Datasets.Synthetic(16);
        return Trainer.Train(Article(), data.X, data.Y, new TrainingOptions { Epochs = epochs, Alpha = 0.5, RecordGradientNorms = norms });
    }

    /// <summary>The repository root: the folder holding BackpropNotebooks.sln.</summary>
    public static string RepositoryRoot() => Backprop.Testing.RepoPaths.Root;
}
