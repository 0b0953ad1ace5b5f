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
        // 03 · 1: one layer's backward step (δ, ∂L/∂W, the hand-off), tried on L98.
        new("03-six-layer-network.ipynb", 1, "return (s.Input.TransposeThisAndMultiply(dLdO), dLdO.TransposeAndMultiply(s.W));", "g′ is missing"),
        new("03-six-layer-network.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn (delta.TransposeThisAndMultiply(s.Input), delta.TransposeAndMultiply(s.W));", "It is the transpose of the right answer"),
        new("03-six-layer-network.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn (s.Input.TransposeThisAndMultiply(delta), dLdO.TransposeAndMultiply(s.W));", "g′ is missing in what you hand down"),
        new("03-six-layer-network.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn (s.Input.TransposeThisAndMultiply(delta), delta * s.W);", "Check the shapes of each product"),
        // 03 · 2: a whole training step, the update after the backward loop.
        new("03-six-layer-network.ipynb", 2, "var dL = f.Output - y;\nvar dW = new Matrix<double>[f.Layers.Count];\nfor (var l = f.Layers.Count - 1; l >= 0; l--)\n{\n    var s = f.Layers[l];\n    var delta = dL.PointwiseMultiply(s.Layer.Activation.Derivative(s.Z, s.O));\n    var newW = s.W - alpha * s.Input.TransposeThisAndMultiply(delta);\n    dW[l] = newW;\n    dL = delta.TransposeAndMultiply(newW);\n}\nreturn dW;", "updated too early"),
        new("03-six-layer-network.ipynb", 2, "var dL = f.Output - y;\nvar dW = new Matrix<double>[f.Layers.Count];\nfor (var l = f.Layers.Count - 1; l >= 0; l--)\n{\n    var s = f.Layers[l];\n    var delta = dL.PointwiseMultiply(s.Layer.Activation.Derivative(s.Z, s.O));\n    dW[l] = s.Input.TransposeThisAndMultiply(delta);\n    dL = delta.TransposeAndMultiply(s.W);\n}\nreturn f.Layers.Select((s, l) => s.W + alpha * dW[l]).ToArray();", "a step uphill"),
        new("03-six-layer-network.ipynb", 2, "var dL = y - f.Output;\nvar dW = new Matrix<double>[f.Layers.Count];\nfor (var l = f.Layers.Count - 1; l >= 0; l--)\n{\n    var s = f.Layers[l];\n    var delta = dL.PointwiseMultiply(s.Layer.Activation.Derivative(s.Z, s.O));\n    dW[l] = s.Input.TransposeThisAndMultiply(delta);\n    dL = delta.TransposeAndMultiply(s.W);\n}\nreturn f.Layers.Select((s, l) => s.W - alpha * dW[l]).ToArray();", "a step uphill"),
        new("03-six-layer-network.ipynb", 2, "var dL = f.Output - y;\nvar dW = new Matrix<double>[f.Layers.Count];\nfor (var l = f.Layers.Count - 1; l >= 0; l--)\n{\n    var s = f.Layers[l];\n    var delta = dL.PointwiseMultiply(s.Layer.Activation.Derivative(s.Z, s.O));\n    dW[l] = s.Input.TransposeThisAndMultiply(delta);\n    dL = delta.TransposeAndMultiply(s.W);\n}\nreturn f.Layers.Select((s, l) => s.W - dW[l]).ToArray();", "α is missing"),
        new("03-six-layer-network.ipynb", 2, "var dL = f.Output - y;\nvar dW = new Matrix<double>[f.Layers.Count];\nfor (var l = f.Layers.Count - 1; l >= 0; l--)\n{\n    var s = f.Layers[l];\n    var delta = dL.PointwiseMultiply(s.Layer.Activation.Derivative(s.Z, s.O));\n    dW[l] = s.Input.TransposeThisAndMultiply(delta);\n    // the hand-off is forgotten: dL stays O − Y\n}\nreturn f.Layers.Select((s, l) => s.W - alpha * dW[l]).ToArray();", "Check the shapes of each product"),
        // 04 · 1: ΔW_L98 for a batch of 8.
        new("04-batches-and-shapes.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn alpha * (s.Input * delta);", "Check the shapes of each product"),
        new("04-batches-and-shapes.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn alpha * delta.TransposeThisAndMultiply(s.Input);", "It is the transpose of the right answer"),
        new("04-batches-and-shapes.ipynb", 1, "return alpha * s.Input.TransposeThisAndMultiply(dLdO);", "g′ is missing"),
        new("04-batches-and-shapes.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn alpha * s.Input.TransposeThisAndMultiply(delta) / s.Input.RowCount;", "the mean instead of the sum"),
        new("04-batches-and-shapes.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn s.Input.TransposeThisAndMultiply(delta);", "yours is exactly 10 × the right ΔW_L98"),
        // 04 · 2: the same ΔW for the mean loss.
        new("04-batches-and-shapes.ipynb", 2, "return summedDeltaW98 * n;", "yours is exactly 64 × the right"),
        new("04-batches-and-shapes.ipynb", 2, "return summedDeltaW98 / summedDeltaW98.RowCount;", "the number of inputs of L98"),
        new("04-batches-and-shapes.ipynb", 2, "return summedDeltaW98 / (n * n);", "yours is exactly 0.125 × the right"),
        new("04-batches-and-shapes.ipynb", 2, "return summedDeltaW98;", "yours is exactly 8 × the right"),
        // 05 · 1: ∂L/∂b_L98 = Σₙ δ_L98.
        new("05-bias-units.ipynb", 1, "return Matrix<double>.Build.DenseOfRowVectors(dLdO.ColumnSums());", "g′ is missing"),
        new("05-bias-units.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn Matrix<double>.Build.DenseOfColumnVectors(delta.RowSums());", "wrong shape: yours is (8×1), expected (1×3)"),
        new("05-bias-units.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums()) / 8;", "the mean instead of the sum"),
        new("05-bias-units.ipynb", 1, "var delta = dLdO.PointwiseMultiply(s.O.PointwiseMultiply(1 - s.O));\nreturn Matrix<double>.Build.DenseOfColumnVectors(delta.ColumnSums());", "It is the transpose of the right answer"),
        // 05 · 2: the taller ∂L/∂W_L100 with the column of ones.
        new("05-bias-units.ipynb", 2, "return o99.TransposeThisAndMultiply(delta100);", "wrong shape: yours is (3×1), expected (4×1)"),
        new("05-bias-units.ipynb", 2, "var withOnes = Matrix<double>.Build.Dense(o99.RowCount, 1, 1.0).Append(o99);\nreturn withOnes.TransposeThisAndMultiply(delta100);", "the bias row came first"),
        new("05-bias-units.ipynb", 2, "var withOnes = o99.Append(Matrix<double>.Build.Dense(o99.RowCount, 1, 1.0));\nreturn withOnes * delta100;", "Check the shapes of each product"),
        new("05-bias-units.ipynb", 2, "var withOnes = o99.Append(Matrix<double>.Build.Dense(o99.RowCount, 1, 1.0));\nreturn delta100.TransposeThisAndMultiply(withOnes);", "It is the transpose of the right answer"),
        // 05 · 3: trap 2, the hand-off through the taller W_L97 drops the ones' column.
        new("05-bias-units.ipynb", 3, "return delta97.TransposeAndMultiply(w97);", "wrong shape: yours is (8×3), expected (8×2)"),
        new("05-bias-units.ipynb", 3, "var all = delta97.TransposeAndMultiply(w97);\nreturn all.SubMatrix(0, all.RowCount, 1, all.ColumnCount - 1);", "you dropped the first column"),
        new("05-bias-units.ipynb", 3, "var all = delta97 * w97;\nreturn all.SubMatrix(0, all.RowCount, 0, all.ColumnCount - 1);", "Check the shapes of each product"),
    ];
}
