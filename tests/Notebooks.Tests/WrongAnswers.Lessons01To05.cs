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
    ];
}
