namespace Notebooks.Tests;

internal static partial class WrongAnswers
{
    /// <summary>Typical wrong answers for the exercises of lessons 01–05.</summary>
    private static IReadOnlyList<WrongAnswer> Lessons01To05 { get; } =
    [
        // 01 · 1: w and b after one step of the perceptron rule.
        new("01-perceptron.ipynb", 1, "var yHat = w.DotProduct(x) + b >= 0 ? 1.0 : 0.0;\nreturn (w + (yHat - y) * x, b + (yHat - y));", "the push goes the wrong way"),
        new("01-perceptron.ipynb", 1, "var yHat = w.DotProduct(x) + b >= 0 ? 1.0 : 0.0;\nreturn (w + (y - yHat) * x, b);", "b did not move"),
        new("01-perceptron.ipynb", 1, "var z = w.DotProduct(x) + b;\nreturn (w + (y - z) * x, b + (y - z));", "you used z = w·x + b itself"),
        new("01-perceptron.ipynb", 1, "return (w + y * x, b + y);", "w did not move"),
        // 01 · 2: ΔW of the sigmoid neuron on OR.
        new("01-perceptron.ipynb", 2, "return 0.5 * x.TransposeThisAndMultiply(o - y);", "g′ is missing"),
        new("01-perceptron.ipynb", 2, "var delta = (o - y).PointwiseMultiply(o.PointwiseMultiply(1 - o));\nreturn 0.5 * delta.TransposeThisAndMultiply(x);", "It is the transpose of the right answer"),
        new("01-perceptron.ipynb", 2, "var delta = (y - o).PointwiseMultiply(o.PointwiseMultiply(1 - o));\nreturn 0.5 * x.TransposeThisAndMultiply(delta);", "sign error"),
        new("01-perceptron.ipynb", 2, "var delta = (o - y).PointwiseMultiply(o.PointwiseMultiply(1 - o));\nreturn x.TransposeThisAndMultiply(delta);", "yours is exactly 2 × the right ΔW_L100"),
        new("01-perceptron.ipynb", 2, "var delta = (o - y).PointwiseMultiply(o.PointwiseMultiply(1 - o)).PointwiseMultiply(o.PointwiseMultiply(1 - o));\nreturn 0.5 * x.TransposeThisAndMultiply(delta);", "g′ is applied twice"),
        new("01-perceptron.ipynb", 2, "var delta = (o - y).PointwiseMultiply(o.PointwiseMultiply(1 - o));\nreturn 0.5 * (x * delta);", "Check the shapes of each product"),
        // 02 · 1: ∂L/∂O_L98, passed down from L99.
        new("02-chain-rule.ipynb", 1, "var delta = dLdO99.PointwiseMultiply(l99.O.PointwiseMultiply(1 - l99.O));\nreturn delta * l99.W;", "W_L99 is not transposed"),
        new("02-chain-rule.ipynb", 1, "return dLdO99.TransposeAndMultiply(l99.W);", "g′ is missing"),
        new("02-chain-rule.ipynb", 1, "return dLdO99;", "one layer too high"),
        new("02-chain-rule.ipynb", 1, "var delta = dLdO99.PointwiseMultiply(l99.O.PointwiseMultiply(1 - l99.O));\nreturn l99.W.TransposeAndMultiply(delta);", "It is the transpose of the right answer"),
        // 02 · 2: δ_L100 and ∂L/∂W_L100 for instance 1.
        new("02-chain-rule.ipynb", 2, "return top.Input.TransposeThisAndMultiply(top.O - y1);", "g′ is missing"),
        new("02-chain-rule.ipynb", 2, "var g = top.O.PointwiseMultiply(1 - top.O);\nreturn top.Input.TransposeThisAndMultiply((top.O - y1).PointwiseMultiply(g).PointwiseMultiply(g));", "g′ is applied twice"),
        new("02-chain-rule.ipynb", 2, "var delta = (top.O - y1).PointwiseMultiply(top.O.PointwiseMultiply(1 - top.O));\nreturn delta.TransposeThisAndMultiply(top.Input);", "It is the transpose of the right answer"),
        new("02-chain-rule.ipynb", 2, "var delta = (y1 - top.O).PointwiseMultiply(top.O.PointwiseMultiply(1 - top.O));\nreturn top.Input.TransposeThisAndMultiply(delta);", "sign error"),
        new("02-chain-rule.ipynb", 2, "var delta = (l100.O - y).PointwiseMultiply(l100.O.PointwiseMultiply(1 - l100.O));\nreturn l100.Input.TransposeThisAndMultiply(delta);", "of instance 0"),
    ];
}
