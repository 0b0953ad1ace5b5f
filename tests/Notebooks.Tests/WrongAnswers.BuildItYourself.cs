namespace Notebooks.Tests;

internal static partial class WrongAnswers
{
    /// <summary>
    /// Typical wrong answers for lesson 06 (Build it yourself): the bias or σ left out of the forward
    /// pass; the ½, the sign or the sum of the loss; g′ forgotten or applied twice, the bias not summed
    /// or averaged over n, a transposed ∂L/∂W, the layer's own O for O_prev, and a hand-off without g′ in
    /// the backward loop; an added step, α or b forgotten in the update; the last batch dropped, the
    /// shuffle restarted every epoch, and the batches' losses averaged in the epoch loop.
    /// </summary>
    private static IReadOnlyList<WrongAnswer> BuildItYourself { get; } =
    [
        new("06-build-it-yourself.ipynb", 1, """
            var Z = new Matrix<double>[W.Length];
            var O = new Matrix<double>[W.Length];
            var oPrev = X;
            for (var l = 0; l < W.Length; l++)
            {
                Z[l] = oPrev * W[l];
                O[l] = Sigmoid(Z[l]);
                oPrev = O[l];
            }
            return (Z, O);
            """, "Z_L96: the bias is missing"),
        new("06-build-it-yourself.ipynb", 1, """
            var Z = new Matrix<double>[W.Length];
            var O = new Matrix<double>[W.Length];
            var oPrev = X;
            for (var l = 0; l < W.Length; l++)
            {
                var ones = Matrix<double>.Build.Dense(oPrev.RowCount, 1, 1.0);
                Z[l] = oPrev * W[l] + ones * b[l];
                O[l] = Z[l];
                oPrev = O[l];
            }
            return (Z, O);
            """, "O_L96: σ is missing"),
        new("06-build-it-yourself.ipynb", 1, """
            var Z = new Matrix<double>[W.Length];
            var O = new Matrix<double>[W.Length];
            var oPrev = X;
            for (var l = 0; l < W.Length; l++)
            {
                var ones = Matrix<double>.Build.Dense(oPrev.RowCount, 1, 1.0);
                Z[l] = oPrev * W[l] + ones * b[l];
                O[l] = Sigmoid(Z[l]);
                // oPrev stays X
            }
            return (Z, O);
            """, "forward pass: your code threw ArgumentException"),
        new("06-build-it-yourself.ipynb", 2, """
            var error = O - Y;
            return (error.PointwiseMultiply(error).Enumerate().Sum(), error);
            """, "L: the ½ is missing"),
        new("06-build-it-yourself.ipynb", 2, """
            var error = O - Y;
            return (0.5 * error.PointwiseMultiply(error).Enumerate().Sum(), Y - O);
            """, "∂L/∂O_L100: sign error"),
        new("06-build-it-yourself.ipynb", 2, """
            var error = O - Y;
            return (0.5 * error.PointwiseMultiply(error).Enumerate().Sum() / O.RowCount, error / O.RowCount);
            """, "L: yours is the mean"),
        new("06-build-it-yourself.ipynb", 3, """
            var dW = new Matrix<double>[W.Length];
            var db = new Matrix<double>[W.Length];
            for (var l = W.Length - 1; l >= 0; l--)
            {
                var oPrev = l == 0 ? X : O[l - 1];
                var delta = dLdO;
                dW[l] = oPrev.TransposeThisAndMultiply(delta);
                db[l] = Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums());
                dLdO = delta.TransposeAndMultiply(W[l]);
            }
            return (dW, db);
            """, "∂L/∂W_L100: g′ is missing"),
        new("06-build-it-yourself.ipynb", 3, """
            var dW = new Matrix<double>[W.Length];
            var db = new Matrix<double>[W.Length];
            for (var l = W.Length - 1; l >= 0; l--)
            {
                var oPrev = l == 0 ? X : O[l - 1];
                var delta = dLdO.PointwiseMultiply(SigmoidSlope(O[l])).PointwiseMultiply(SigmoidSlope(O[l]));
                dW[l] = oPrev.TransposeThisAndMultiply(delta);
                db[l] = Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums());
                dLdO = delta.TransposeAndMultiply(W[l]);
            }
            return (dW, db);
            """, "∂L/∂W_L100: g′ is applied twice"),
        new("06-build-it-yourself.ipynb", 3, """
            var dW = new Matrix<double>[W.Length];
            var db = new Matrix<double>[W.Length];
            for (var l = W.Length - 1; l >= 0; l--)
            {
                var oPrev = l == 0 ? X : O[l - 1];
                var delta = dLdO.PointwiseMultiply(SigmoidSlope(O[l]));
                dW[l] = oPrev.TransposeThisAndMultiply(delta);
                db[l] = delta;
                dLdO = delta.TransposeAndMultiply(W[l]);
            }
            return (dW, db);
            """, "∂L/∂b_L100: wrong shape: yours is (8×1), expected (1×1)"),
        new("06-build-it-yourself.ipynb", 3, """
            var dW = new Matrix<double>[W.Length];
            var db = new Matrix<double>[W.Length];
            for (var l = W.Length - 1; l >= 0; l--)
            {
                var oPrev = l == 0 ? X : O[l - 1];
                var delta = dLdO.PointwiseMultiply(SigmoidSlope(O[l]));
                dW[l] = oPrev.TransposeThisAndMultiply(delta);
                db[l] = Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums()) / X.RowCount;
                dLdO = delta.TransposeAndMultiply(W[l]);
            }
            return (dW, db);
            """, "∂L/∂b_L100: yours is Σₙ δ / n, the mean"),
        new("06-build-it-yourself.ipynb", 3, """
            var dW = new Matrix<double>[W.Length];
            var db = new Matrix<double>[W.Length];
            for (var l = W.Length - 1; l >= 0; l--)
            {
                var oPrev = l == 0 ? X : O[l - 1];
                var delta = dLdO.PointwiseMultiply(SigmoidSlope(O[l]));
                dW[l] = delta.TransposeThisAndMultiply(oPrev);
                db[l] = Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums());
                dLdO = delta.TransposeAndMultiply(W[l]);
            }
            return (dW, db);
            """, "It is the transpose of the right answer"),
        new("06-build-it-yourself.ipynb", 3, """
            var dW = new Matrix<double>[W.Length];
            var db = new Matrix<double>[W.Length];
            for (var l = W.Length - 1; l >= 0; l--)
            {
                var oPrev = l == 0 ? X : O[l - 1];
                var delta = dLdO.PointwiseMultiply(SigmoidSlope(O[l]));
                dW[l] = O[l].TransposeThisAndMultiply(delta);
                db[l] = Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums());
                dLdO = delta.TransposeAndMultiply(W[l]);
            }
            return (dW, db);
            """, "∂L/∂W_L100: wrong shape: yours is (1×1), expected (3×1): this is O_L100ᵀ @ δ_L100, made with the layer's own O"),
        new("06-build-it-yourself.ipynb", 3, """
            var dW = new Matrix<double>[W.Length];
            var db = new Matrix<double>[W.Length];
            for (var l = W.Length - 1; l >= 0; l--)
            {
                var oPrev = l == 0 ? X : O[l - 1];
                var delta = dLdO.PointwiseMultiply(SigmoidSlope(O[l]));
                dW[l] = oPrev.TransposeThisAndMultiply(delta);
                db[l] = Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums());
                dLdO = dLdO.TransposeAndMultiply(W[l]);
            }
            return (dW, db);
            """, "∂L/∂W_L99: L100 passed down ∂L/∂O_L100 @ W_L100ᵀ"),
        new("06-build-it-yourself.ipynb", 4, """
            var newW = new Matrix<double>[W.Length];
            var newB = new Matrix<double>[b.Length];
            for (var l = 0; l < W.Length; l++)
            {
                newW[l] = W[l] + alpha * dW[l];
                newB[l] = b[l] + alpha * db[l];
            }
            return (newW, newB);
            """, "W_L96: you added: gradient descent subtracts"),
        new("06-build-it-yourself.ipynb", 4, """
            var newW = new Matrix<double>[W.Length];
            var newB = new Matrix<double>[b.Length];
            for (var l = 0; l < W.Length; l++)
            {
                newW[l] = W[l] - dW[l];
                newB[l] = b[l] - db[l];
            }
            return (newW, newB);
            """, "W_L96: α is missing"),
        new("06-build-it-yourself.ipynb", 4, """
            var newW = new Matrix<double>[W.Length];
            var newB = new Matrix<double>[b.Length];
            for (var l = 0; l < W.Length; l++)
            {
                newW[l] = W[l] - alpha * dW[l];
                newB[l] = b[l];
            }
            return (newW, newB);
            """, "b_L96: b_L96 did not change"),
        new("06-build-it-yourself.ipynb", 5, """
            var random = new Random(seed);
            var n = X.RowCount;
            var losses = new double[epochs];
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                var order = Enumerable.Range(0, n).ToArray();
                random.Shuffle(order);
                var batches = 0;
                for (var start = 0; start + batchSize <= n; start += batchSize)
                {
                    var rows = order.Skip(start).Take(batchSize).ToArray();
                    var xb = Matrix<double>.Build.DenseOfRowVectors(rows.Select(i => X.Row(i)));
                    var yb = Matrix<double>.Build.DenseOfRowVectors(rows.Select(i => Y.Row(i)));
                    var (Z, O) = use.Forward(xb, W, b);
                    var (L, dLdO) = use.Loss(O[^1], yb);
                    var (dW, db) = use.Backward(xb, W, Z, O, dLdO);
                    (W, b) = use.Update(W, b, dW, db, alpha);
                    losses[epoch] += L;
                    batches++;
                }
                
            }
            return (W, b, losses);
            """, "loss per epoch: epoch 1 already differs"),
        new("06-build-it-yourself.ipynb", 5, """
            var random = new Random(seed);
            var n = X.RowCount;
            var losses = new double[epochs];
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                random = new Random(seed);
                var order = Enumerable.Range(0, n).ToArray();
                random.Shuffle(order);
                var batches = 0;
                for (var start = 0; start < n; start += batchSize)
                {
                    var rows = order.Skip(start).Take(batchSize).ToArray();
                    var xb = Matrix<double>.Build.DenseOfRowVectors(rows.Select(i => X.Row(i)));
                    var yb = Matrix<double>.Build.DenseOfRowVectors(rows.Select(i => Y.Row(i)));
                    var (Z, O) = use.Forward(xb, W, b);
                    var (L, dLdO) = use.Loss(O[^1], yb);
                    var (dW, db) = use.Backward(xb, W, Z, O, dLdO);
                    (W, b) = use.Update(W, b, dW, db, alpha);
                    losses[epoch] += L;
                    batches++;
                }
                
            }
            return (W, b, losses);
            """, "loss per epoch: epoch 1 agrees, epoch 2 differs"),
        new("06-build-it-yourself.ipynb", 5, """
            var random = new Random(seed);
            var n = X.RowCount;
            var losses = new double[epochs];
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                var order = Enumerable.Range(0, n).ToArray();
                random.Shuffle(order);
                var batches = 0;
                for (var start = 0; start < n; start += batchSize)
                {
                    var rows = order.Skip(start).Take(batchSize).ToArray();
                    var xb = Matrix<double>.Build.DenseOfRowVectors(rows.Select(i => X.Row(i)));
                    var yb = Matrix<double>.Build.DenseOfRowVectors(rows.Select(i => Y.Row(i)));
                    var (Z, O) = use.Forward(xb, W, b);
                    var (L, dLdO) = use.Loss(O[^1], yb);
                    var (dW, db) = use.Backward(xb, W, Z, O, dLdO);
                    (W, b) = use.Update(W, b, dW, db, alpha);
                    losses[epoch] += L;
                    batches++;
                }
                losses[epoch] /= batches;
            }
            return (W, b, losses);
            """, "that is the mean of the 3 batches' losses; an epoch's loss is their sum"),
    ];
}
