namespace Backprop;

/// <summary>
/// What one layer's forward pass leaves behind for the backward pass: its input, Z and O, and
/// the very weights it used, so the backward pass reads the weights as they were in the forward pass.
/// </summary>
/// <param name="Layer">The layer.</param>
/// <param name="Input">O of the previous layer as fed in, (n×k); with a ones column, (n×(k+1)).</param>
/// <param name="W">The weights used, (k×j) or ((k+1)×j).</param>
/// <param name="B">The bias row used, (1×j), in <see cref="BiasMode.Vector"/> mode; otherwise null.</param>
/// <param name="Z">Before activation: Z = Input @ W (+ b), (n×j).</param>
/// <param name="O">After activation: O = σ(Z), (n×j).</param>
public sealed record LayerState(Layer Layer, Matrix<double> Input, Matrix<double> W, Matrix<double>? B, Matrix<double> Z, Matrix<double> O);
