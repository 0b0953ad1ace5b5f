namespace Backprop;

/// <summary>How a network adds a bias to each layer.</summary>
public enum BiasMode
{
    /// <summary>No bias: Z = O_prev @ W. Every layer's output passes through the origin.</summary>
    None,

    /// <summary>A separate bias row vector b (1×j) per layer: Z = O_prev @ W + b. ∂L/∂b = Σₙ δ.</summary>
    Vector,

    /// <summary>
    /// A column of ones appended to the layer's input, (n×k) → (n×(k+1)), and a weight matrix one
    /// row taller, ((k+1)×j); its last row plays the bias. The ones are added after the
    /// activation, so the forward pass never overwrites them, and their gradient is dropped,
    /// because they are not neurons of the previous layer.
    /// </summary>
    OnesColumn,
}
