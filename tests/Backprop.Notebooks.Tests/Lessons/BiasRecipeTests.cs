namespace Backprop.Notebooks.Tests.Lessons;

/// <summary>The article's bias recipe, run literally, trains exactly like the engine's column of ones.</summary>
public class BiasRecipeTests
{
    private static readonly Dataset Data = Datasets.Synthetic(64);

    private static Network Ones() => Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, bias: BiasMode.OnesColumn, firstLayerNumber: 95);

    [Fact]
    public void The_recipe_gives_the_engines_loss_curve()
    {
        var start = Ones();
        var recipe = BiasRecipe.Train(start, Data.X, Data.Y, epochs: 300, alpha: 0.3);
        var engine = Trainer.Train(Ones(), Data.X, Data.Y, new() { Epochs = 300, Alpha = 0.3 });
        Assert.Equal(300, recipe.History.Losses.Count);
        Assert.All(recipe.History.Losses.Zip(engine.Losses), pair => Assert.Equal(pair.Second, pair.First, 1e-12));
        Assert.Equal(Ones().Layers[0].W, start.Layers[0].W);   // the network it started from is untouched
    }

    [Fact]
    public void Without_the_reset_the_bias_neurons_would_not_be_one()
    {
        var recipe = BiasRecipe.Train(Ones(), Data.X, Data.Y, epochs: 5, alpha: 0.3);
        Assert.Equal(0.5, recipe.LowestBeforeReset, 12);   // σ(0): the bias neuron's own weights start at zero
        Assert.Equal(0.5, recipe.HighestBeforeReset, 12);
        Assert.Equal(0, recipe.LargestBiasNeuronWeight);   // reset to 1, the sigmoid's slope there is 0: no gradient reaches them
    }

    [Fact]
    public void A_network_without_the_ones_column_is_refused_by_name()
    {
        var vector = Network.Create([2, 3, 1], Activation.Sigmoid, seed: 1, bias: BiasMode.Vector, firstLayerNumber: 98);
        var error = Assert.Throws<ArgumentException>(() => BiasRecipe.Train(vector, Matrix<double>.Build.Dense(4, 2), Matrix<double>.Build.Dense(4, 1), 1, 0.1));
        Assert.StartsWith("L99 has bias mode Vector", error.Message, StringComparison.Ordinal);
    }
}
