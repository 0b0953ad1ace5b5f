namespace Notebooks.Tests;

internal static partial class WrongAnswers
{
    /// <summary>Typical wrong answers for the exercises of lessons 07 and after.</summary>
    private static IReadOnlyList<WrongAnswer> Lessons06On { get; } =
    [
        // Y − O at the output: the sign flips every gradient
        new("07-recursion.ipynb", 1, "var dLossDO = l == 4 ? batch.Y - forward.Output : YourBackprop(l + 1).DLossDInput;\nreturn forward.Layers[l].Layer.Backward(forward.Layers[l], dLossDO);", "sign error"),
        // the mean instead of the sum: (O − Y) / n
        new("07-recursion.ipynb", 1, "var dLossDO = l == 4 ? (forward.Output - batch.Y) / 8 : YourBackprop(l + 1).DLossDInput;\nreturn forward.Layers[l].Layer.Backward(forward.Layers[l], dLossDO);", "yours is exactly 0.125 ×"),
        // the ∂L/∂O the layer above received instead of what it passes down
        new("07-recursion.ipynb", 1, "var dLossDO = l == 4 ? forward.Output - batch.Y : YourBackprop(l + 1).DLossDO;\nreturn forward.Layers[l].Layer.Backward(forward.Layers[l], dLossDO);", "threw ShapeException"),

        // one use only: the value used three times is not accumulated
        new("07-recursion.ipynb", 2, "return sharedGradients[0].DLossDW[0, 0];", "the use in W_L98 only"),
        // the last use only: each answer overwrote the one before
        new("07-recursion.ipynb", 2, "return sharedGradients[2].DLossDW[0, 0];", "the use in W_L100 only"),
        // two of the three uses: the first answer was overwritten, the later ones added
        new("07-recursion.ipynb", 2, "return sharedGradients[1].DLossDW[0, 0] + sharedGradients[2].DLossDW[0, 0];", "the use in W_L98 is missing"),
        // the mean of the uses instead of their sum
        new("07-recursion.ipynb", 2, "return sharedGradients.Layers.Average(g => g.DLossDW[0, 0]);", "the mean of the 3 uses"),

        // the weights after the update instead of the forward pass's
        new("08-tips-as-experiments.ipynb", 1, "var dLossDO99 = delta100.TransposeAndMultiply(after.Layers[4].W);\nvar delta99 = dLossDO99.PointwiseMultiply(s99.O.PointwiseMultiply(1 - s99.O));\nreturn delta99.TransposeAndMultiply(after.Layers[3].W);", "through updated weights"),
        // stops after L100: off by one layer
        new("08-tips-as-experiments.ipynb", 1, "return delta100.TransposeAndMultiply(s100.W);", "one layer short"),
        // g′ forgotten in L99
        new("08-tips-as-experiments.ipynb", 1, "return delta100.TransposeAndMultiply(s100.W).TransposeAndMultiply(s99.W);", "g′ is missing in what you hand down"),
        // the missing transpose that square weights do not catch
        new("08-tips-as-experiments.ipynb", 1, "var delta99 = delta100.TransposeAndMultiply(s100.W).PointwiseMultiply(s99.O.PointwiseMultiply(1 - s99.O));\nreturn delta99 * s99.W;", "W_L99 is not transposed"),

        // the sigmoid's g′ out of habit, on a linear output
        new("08-tips-as-experiments.ipynb", 2, "var error = linearForward.Output - batch.Y;\nreturn alpha * linearForward.Layers[3].O.TransposeThisAndMultiply(error.PointwiseMultiply(linearForward.Output.PointwiseMultiply(1 - linearForward.Output)));", "the sigmoid's g′"),
        // O_L98 instead of O_L99
        new("08-tips-as-experiments.ipynb", 2, "return alpha * linearForward.Layers[2].O.TransposeThisAndMultiply(linearForward.Output - batch.Y);", "off by one layer"),
        // α forgotten: ∂L/∂W instead of ΔW
        new("08-tips-as-experiments.ipynb", 2, "return linearForward.Layers[3].O.TransposeThisAndMultiply(linearForward.Output - batch.Y);", "yours is exactly 10 ×"),
        // the product the wrong way round
        new("08-tips-as-experiments.ipynb", 2, "return alpha * (linearForward.Output - batch.Y).TransposeThisAndMultiply(linearForward.Layers[3].O);", "It is the transpose of the right answer"),

        // the lowest layer flagged instead of the highest
        new("09-gradient-checking.ipynb", 1, "return 96;", "the lowest layer the check flags"),
        // the output layer, which the check calls Correct
        new("09-gradient-checking.ipynb", 1, "return 100;", "L100 passes the check"),
        // the position in the list instead of the layer's number: off by the numbering
        new("09-gradient-checking.ipynb", 1, "return 3;", "looks like a position in the list"),
        // a flagged layer that only inherits the damage
        new("09-gradient-checking.ipynb", 1, "return 98;", "but so is a layer above it"),

        // g′ forgotten
        new("09-gradient-checking.ipynb", 2, "return received;", "g′ is missing"),
        // nothing repaired
        new("09-gradient-checking.ipynb", 2, "return buggy.Delta(s, received);", "still the mystery's δ"),
        // the repair put into the lowest flagged layer
        new("09-gradient-checking.ipynb", 2, "if (s.Layer.Number != 96) return buggy.Delta(s, received);\nreturn received.PointwiseMultiply(s.Layer.Activation.Derivative(s.Z, s.O));", "still the mystery's δ"),
        // g′ applied twice
        new("09-gradient-checking.ipynb", 2, "var g = s.O.PointwiseMultiply(1 - s.O);\nreturn received.PointwiseMultiply(g).PointwiseMultiply(g);", "g′ is applied twice"),

        // the count instead of the share
        new("10-handwritten-digits.ipynb", 1, "var guesses = Classification.ArgMax(outputs);\nvar labels = Classification.ArgMax(y);\nvar right = guesses.Where((guess, i) => guess == labels[i]).Count();\nreturn right;", "how many test pictures are right, not their share"),
        // integer division
        new("10-handwritten-digits.ipynb", 1, "var guesses = Classification.ArgMax(outputs);\nvar labels = Classification.ArgMax(y);\nvar right = guesses.Where((guess, i) => guess == labels[i]).Count();\nreturn right / labels.Length;", "an int divided by a larger int is 0"),
        // a percentage instead of a share
        new("10-handwritten-digits.ipynb", 1, "var guesses = Classification.ArgMax(outputs);\nvar labels = Classification.ArgMax(y);\nvar right = guesses.Where((guess, i) => guess == labels[i]).Count();\nreturn 100.0 * right / labels.Length;", "that is a percentage"),

        // the notebook's own architecture with another seed
        new("10-handwritten-digits.ipynb", 2, "var same = NewNetwork();\nBackprop.Fast.FastTrainer.Train(same, train.X, train.Y, new() { Epochs = 30, Alpha = 0.1, BatchSize = 50, Seed = 2 });\nreturn same;", "That is the notebook's architecture"),
        // better than ours, but by less than luck can explain
        new("10-handwritten-digits.ipynb", 2, "var relu = Network.Create([64, 48, 10], [Activation.ReLU, Activation.Sigmoid], seed: 1,\n    initializer: Initializer.He, bias: BiasMode.Vector, firstLayerNumber: 98);\nBackprop.Fast.FastTrainer.Train(relu, train.X, train.Y, new() { Epochs = 20, Alpha = 0.05, BatchSize = 50, Seed = 1 });\nreturn relu;", "Not beaten by 5 yet"),
        // one output neuron instead of one per digit
        new("10-handwritten-digits.ipynb", 2, "return Network.Create([64, 32, 1], Activation.Sigmoid, seed: 1);", "but there are 10 classes"),

        // a new matrix assigned to the parameter: the caller's W never changes
        new("11-fast-path.ipynb", 1, "w = w - alpha * dW;", "W did not change"),
        // the right values, through two new matrices
        new("11-fast-path.ipynb", 1, "(w - alpha * dW).CopyTo(w);", "allocated"),
        // gradient ascent: the sign of the update
        new("11-fast-path.ipynb", 1, "for (var c = 0; c < w.ColumnCount; c++)\n    for (var r = 0; r < w.RowCount; r++)\n        w[r, c] += alpha * dW[r, c];", "Gradient descent subtracts"),

        // the forward products only
        new("11-fast-path.ipynb", 2, "var flops = 0L;\nfor (var l = 1; l < sizes.Length; l++) flops += 2L * n * sizes[l - 1] * sizes[l];\nreturn flops;", "the forward pass only"),
        // δ @ Wᵀ in the first layer too
        new("11-fast-path.ipynb", 2, "var flops = 0L;\nfor (var l = 1; l < sizes.Length; l++) flops += 3 * 2L * n * sizes[l - 1] * sizes[l];\nreturn flops;", "in the first layer too"),
        // multiply-adds instead of flops
        new("11-fast-path.ipynb", 2, "var flops = 0L;\nfor (var l = 1; l < sizes.Length; l++) flops += (l == 1 ? 2 : 3) * (long)n * sizes[l - 1] * sizes[l];\nreturn flops;", "counts multiply-adds"),
    ];
}
