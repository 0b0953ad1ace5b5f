namespace Backprop.Notebooks;

// The five pieces a learner writes in lesson 06 ("Build it yourself"), as delegate types, so that
// the learner's local functions, the engine's stand-ins (EngineFunctions) and the checks share
// one signature each. Layer l = 0 is the first layer after the input; the output is the last.
// Every matrix has instances in rows: X (n×k₀), W[l] (k×j), b[l] (1×j), Z[l] and O[l] (n×j).

/// <summary>
/// The forward pass: for each layer l, Z[l] = O_prev @ W[l] + b[l] (b added to every row) and
/// O[l] = σ(Z[l]); O_prev of layer 0 is X. Returns every Z and O, which the backward pass reads.
/// </summary>
/// <param name="x">The batch, (n×k₀).</param>
/// <param name="w">W of each layer, (k×j).</param>
/// <param name="b">b of each layer, (1×j).</param>
public delegate (Matrix<double>[] Z, Matrix<double>[] O) ForwardFunction(Matrix<double> x, Matrix<double>[] w, Matrix<double>[] b);

/// <summary>The squared loss L = ½ Σ (O − Y)² over every entry, and its derivative ∂L/∂O = O − Y, (n×j).</summary>
/// <param name="o">O of the output layer, (n×j).</param>
/// <param name="y">The labels Y, (n×j).</param>
public delegate (double L, Matrix<double> DLossDO) LossFunction(Matrix<double> o, Matrix<double> y);

/// <summary>
/// The backward loop, from the output layer down: δ = ∂L/∂O ⊙ g′(Z), ∂L/∂W = O_prevᵀ @ δ,
/// ∂L/∂b = Σₙ δ, then ∂L/∂O_prev = δ @ Wᵀ for the layer below. Reads the weights as the forward
/// pass used them and changes nothing.
/// </summary>
/// <param name="x">The batch, (n×k₀): O_prev of layer 0.</param>
/// <param name="w">W of each layer, as in the forward pass.</param>
/// <param name="z">Z of each layer, from the forward pass.</param>
/// <param name="o">O of each layer, from the forward pass.</param>
/// <param name="dLossDO">∂L/∂O of the output layer, (n×j): O − Y.</param>
public delegate (Matrix<double>[] DLossDW, Matrix<double>[] DLossDB) BackwardFunction(
    Matrix<double> x, Matrix<double>[] w, Matrix<double>[] z, Matrix<double>[] o, Matrix<double> dLossDO);

/// <summary>The update, after the whole backward pass: W ← W − α · ∂L/∂W and b ← b − α · ∂L/∂b for every layer.</summary>
/// <param name="w">W of each layer.</param>
/// <param name="b">b of each layer.</param>
/// <param name="dLossDW">∂L/∂W of each layer, the shape of its W.</param>
/// <param name="dLossDB">∂L/∂b of each layer, (1×j).</param>
/// <param name="alpha">The learning rate α.</param>
public delegate (Matrix<double>[] W, Matrix<double>[] B) UpdateFunction(
    Matrix<double>[] w, Matrix<double>[] b, Matrix<double>[] dLossDW, Matrix<double>[] dLossDB, double alpha);

/// <summary>
/// The mini-batch epoch loop: one <see cref="Random"/> from the seed; each epoch shuffles the row
/// numbers 0…n−1 with <see cref="Random.Shuffle{T}(T[])"/>, cuts them into batches of
/// <paramref name="batchSize"/> (the last may be smaller), and runs forward, loss, backward and
/// update per batch. An epoch's loss is the sum of its batches' losses, each measured before its update.
/// </summary>
/// <param name="x">All instances, (n×k₀).</param>
/// <param name="y">All labels, (n×j).</param>
/// <param name="w">W of each layer at the start.</param>
/// <param name="b">b of each layer at the start.</param>
/// <param name="epochs">How many passes over the data.</param>
/// <param name="batchSize">Instances per step.</param>
/// <param name="alpha">The learning rate α.</param>
/// <param name="seed">Seed of the shuffle.</param>
public delegate (Matrix<double>[] W, Matrix<double>[] B, double[] Losses) TrainFunction(
    Matrix<double> x, Matrix<double> y, Matrix<double>[] w, Matrix<double>[] b, int epochs, int batchSize, double alpha, int seed);
