namespace Notebooks.Tests;

internal static partial class WrongAnswers
{
    /// <summary>Typical wrong answers for the exercises of lessons 06 and after.</summary>
    private static IReadOnlyList<WrongAnswer> Lessons06On { get; } =
    [
        // Y − O at the output: the sign flips every gradient
        new("06-recursion.ipynb", 1, "var dLossDO = l == 4 ? batch.Y - forward.Output : YourBackprop(l + 1).DLossDInput;\nreturn forward.Layers[l].Layer.Backward(forward.Layers[l], dLossDO);", "sign error"),
        // the mean instead of the sum: (O − Y) / n
        new("06-recursion.ipynb", 1, "var dLossDO = l == 4 ? (forward.Output - batch.Y) / 8 : YourBackprop(l + 1).DLossDInput;\nreturn forward.Layers[l].Layer.Backward(forward.Layers[l], dLossDO);", "yours is exactly 0.125 ×"),
        // the ∂L/∂O the layer above received instead of what it passes down
        new("06-recursion.ipynb", 1, "var dLossDO = l == 4 ? forward.Output - batch.Y : YourBackprop(l + 1).DLossDO;\nreturn forward.Layers[l].Layer.Backward(forward.Layers[l], dLossDO);", "threw ShapeException"),

        // one use only: the value used twice is not accumulated
        new("06-recursion.ipynb", 2, "return tiedGradients[0].DLossDW[0, 0];", "the first use (W_L99) only"),
        // the other use only: the second answer overwrote the first
        new("06-recursion.ipynb", 2, "return tiedGradients[1].DLossDW[0, 0];", "the second use (W_L100) only"),
        // the mean of the two uses instead of their sum
        new("06-recursion.ipynb", 2, "return (tiedGradients[0].DLossDW[0, 0] + tiedGradients[1].DLossDW[0, 0]) / 2;", "the mean of the two uses"),
    ];
}
