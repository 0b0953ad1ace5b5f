namespace Backprop;

/// <summary>Which half of a training step a traced operation belongs to.</summary>
public enum Pass
{
    /// <summary>Computing Z and O, input to output.</summary>
    Forward,

    /// <summary>Computing ∂L and ΔW, output to input.</summary>
    Backward,
}

/// <summary>The kind of operation a trace row records, each with its own symbol.</summary>
public enum Operation
{
    /// <summary>Matrix product, "@" (np.dot in the article).</summary>
    MatrixProduct,

    /// <summary>Element-wise product, "⊙".</summary>
    ElementWise,

    /// <summary>The activation σ applied element-wise.</summary>
    Activation,

    /// <summary>The activation's derivative g' applied element-wise.</summary>
    Derivative,

    /// <summary>Element-wise difference, "−" (output − labels).</summary>
    Subtract,

    /// <summary>Adding the bias row b to every row, "+ b".</summary>
    AddBias,

    /// <summary>Sum over the n rows of a batch, "Σₙ".</summary>
    SumOverN,

    /// <summary>Appending the column of ones, "| 1".</summary>
    AppendOnes,

    /// <summary>Dropping the ones column's gradient, which belongs to no neuron.</summary>
    DropOnes,
}

/// <summary>
/// One operation of a forward or backward pass: what it computes in the article's terms
/// (Z_L97, ∂L/∂O_L97, ∂L/∂W_L97 …), how, from which shapes, into which shape.
/// </summary>
/// <param name="Pass">Forward or backward.</param>
/// <param name="Layer">The layer's label, e.g. "L97".</param>
/// <param name="Quantity">What is computed, e.g. "Z_L97".</param>
/// <param name="Operation">The kind of operation.</param>
/// <param name="Expression">The formula, e.g. "O_L96 @ W_L97" or "O_L96ᵀ @ δ_L97".</param>
/// <param name="Operands">The operand shapes as used (a transposed operand appears transposed).</param>
/// <param name="Result">The result's shape.</param>
/// <param name="SumsOverN">True where this operation adds up the batch's n instances: n disappears here.</param>
/// <param name="Depth">Recursion depth for the recursive backward pass; 0 otherwise.</param>
public sealed record TraceRow(
    Pass Pass,
    string Layer,
    string Quantity,
    Operation Operation,
    string Expression,
    IReadOnlyList<Shape> Operands,
    Shape Result,
    bool SumsOverN = false,
    int Depth = 0)
{
    /// <summary>The operation's symbol: @, ⊙, σ, g', −, + b, Σₙ, | 1, drop 1.</summary>
    public string Symbol => Operation switch
    {
        Operation.MatrixProduct => "@",
        Operation.ElementWise => "⊙",
        Operation.Activation => "σ",
        Operation.Derivative => "g'",
        Operation.Subtract => "−",
        Operation.AddBias => "+ b",
        Operation.SumOverN => "Σₙ",
        Operation.AppendOnes => "| 1",
        Operation.DropOnes => "drop 1",
        _ => "?",
    };

    /// <summary>True when an operand of this row is transposed (ᵀ).</summary>
    public bool Transposes => Expression.Contains('ᵀ', StringComparison.Ordinal);

    /// <summary>"(8×2) @ (2×4) → (8×4)".</summary>
    public string ShapeText => Operands.Count switch
    {
        1 => $"{Symbol} {Operands[0]} → {Result}",
        _ => $"{string.Join($" {Symbol} ", Operands)} → {Result}",
    };
}
