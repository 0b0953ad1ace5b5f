namespace Backprop;

/// <summary>
/// One fully connected layer: weights W (k×j), an optional bias, and an activation σ.
/// Its forward pass (Z = O_prev @ W + b, O = σ(Z)) and backward pass (the chain rule for this
/// layer) sit side by side below. A layer changes only through <see cref="Network.Update"/>.
/// </summary>
public sealed class Layer
{
    internal Layer(int number, int inputSize, Activation activation, BiasMode biasMode, Matrix<double> w, Matrix<double>? b)
    {
        Number = number;
        InputSize = inputSize;
        Activation = activation;
        BiasMode = biasMode;
        W = w;
        B = b;
    }

    /// <summary>The article's layer number, e.g. 97 for L97.</summary>
    public int Number { get; }

    /// <summary>"L97".</summary>
    public string Name => $"L{Number}";

    /// <summary>The previous layer's name, e.g. "L96" (the input, for the first layer).</summary>
    public string PreviousName => $"L{Number - 1}";

    /// <summary>What this layer multiplies by W, as the traces write it: "O_L96", or "[O_L96 | 1]" with a ones column.</summary>
    public string InputName => BiasMode == BiasMode.OnesColumn ? $"[O_{PreviousName} | 1]" : $"O_{PreviousName}";

    /// <summary>k: how many values each neuron receives (not counting a ones column).</summary>
    public int InputSize { get; }

    /// <summary>j: how many neurons this layer has.</summary>
    public int Size => W.ColumnCount;

    /// <summary>σ of this layer.</summary>
    public Activation Activation { get; }

    /// <summary>How this layer adds its bias.</summary>
    public BiasMode BiasMode { get; }

    /// <summary>The weights, (k×j); ((k+1)×j) with a ones column, whose last row is the bias.</summary>
    public Matrix<double> W { get; internal set; }

    /// <summary>The bias row, (1×j), in <see cref="BiasMode.Vector"/> mode; otherwise null.</summary>
    public Matrix<double>? B { get; internal set; }

    /// <summary>How many numbers training adjusts in this layer.</summary>
    public int ParameterCount => W.RowCount * W.ColumnCount + (B?.ColumnCount ?? 0);

    /// <summary>
    /// Forward: Z = O_prev @ W (+ b), (n×k)@(k×j) → (n×j); then O = σ(Z).
    /// With a ones column the input becomes [O_prev | 1], (n×(k+1)), after O_prev was computed,
    /// so no activation ever overwrites the ones.
    /// </summary>
    /// <param name="previousO">O of the previous layer (or X for the first layer), (n×k).</param>
    public LayerState Forward(Matrix<double> previousO)
    {
        CheckForward(previousO);
        var input = BiasMode == BiasMode.OnesColumn ? AppendOnes(previousO) : previousO; // [O_prev | 1]
        var z = input * W;                           // Z = O_prev @ W, (n×k)@(k×j) → (n×j)
        if (B is not null) z = AddToEveryRow(z, B);  // Z + b, b (1×j) added to each of the n rows
        var o = Activation.Apply(z);                 // O = σ(Z), element by element
        return new LayerState(this, input, W, B, z, o);
    }

    /// <summary>
    /// Backward, the chain rule for one layer, given ∂L/∂O of this layer (n×j):
    /// δ = ∂L/∂O ⊙ g'(Z), (n×j);
    /// ∂L/∂W = O_prevᵀ @ δ, (k×n)@(n×j) → (k×j): the product sums over the n instances;
    /// ∂L/∂b = Σₙ δ, (1×j);
    /// ∂L/∂O_prev = δ @ Wᵀ, (n×j)@(j×k) → (n×k): what is passed down. With a ones column the
    /// last column of that product belongs to the ones, which are not neurons, so it is dropped.
    /// Reads only the forward state: no weight changes here.
    /// </summary>
    /// <param name="state">This layer's state from the forward pass.</param>
    /// <param name="dLossDO">∂L/∂O of this layer, (n×j): O − Y at the output, else what the layer above passed down.</param>
    /// <param name="step">The equations: the engine's (<see cref="BackwardStep.Correct"/>) when null, or a planted bug that replaces one.</param>
    public LayerGradients Backward(LayerState state, Matrix<double> dLossDO, BackwardStep? step = null)
    {
        CheckBackward(state, dLossDO);
        step ??= BackwardStep.Correct;
        try
        {
            var delta = step.Delta(state, dLossDO);                        // δ = ∂L/∂O ⊙ g'(Z)
            var dW = step.DLossDW(state, delta);                           // ∂L/∂W = O_prevᵀ @ δ, summed over n
            var dB = state.B is null ? null : step.DLossDB(state, delta);  // ∂L/∂b = Σₙ δ
            var dInput = step.PassedDown(state, delta);                    // ∂L/∂O_prev = δ @ Wᵀ
            if (BiasMode == BiasMode.OnesColumn) dInput = DropLastColumn(dInput); // the ones get no ∂L
            return CheckGradients(state, new LayerGradients(this, dLossDO, delta, dW, dB, dInput));
        }
        catch (ArgumentException e) when (e is not ShapeException)
        {
            throw RefusedProduct(state, e); // only a replaced equation gets here: MathNet refused one of its products
        }
    }

    private ShapeException RefusedProduct(LayerState state, ArgumentException e) =>
        new($"{Name} backward: {e.Message} Every result must have its own shape: " +
            $"δ_{Name} that of O_{Name} {Shape.Of(state.O)}, ∂L/∂W_{Name} that of W_{Name} {Shape.Of(state.W)}, " +
            $"∂L/∂O_{PreviousName} that of O_{PreviousName} {OPrevious(state)}", e);

    /// <summary>The shape of O_prev as the layer received it: its input without the ones column, (n×k).</summary>
    private Shape OPrevious(LayerState state) => new(state.Input.RowCount, InputSize);

    /// <summary>O_prev must be (n×k), k = the rows of W that multiply it: W is given, so the input must fit it.</summary>
    private void CheckForward(Matrix<double> previousO)
    {
        ArgumentNullException.ThrowIfNull(previousO);
        var rows = InputSize + (BiasMode == BiasMode.OnesColumn ? 1 : 0);
        if (W.RowCount != rows) // only an edited W gets here: the network's own always fit
        {
            throw new ShapeException($"{Name} forward: O_{PreviousName} {Shape.Of(previousO)} @ W_{Name} {Shape.Of(W)}: " +
                $"{PreviousName} has {InputSize} neurons, so W_{Name} must have {rows} rows");
        }

        if (previousO.ColumnCount == InputSize) return;
        var bias = BiasMode == BiasMode.OnesColumn ? " (its last row is the bias, which multiplies the ones column)" : "";
        throw new ShapeException(
            $"{Name} forward: O_{PreviousName} {Shape.Of(previousO)} @ W_{Name} {Shape.Of(W)}: O_{PreviousName} has " +
            $"{previousO.ColumnCount} columns, but W_{Name} takes {InputSize} inputs{bias}; " +
            $"O_{PreviousName} must be ({previousO.RowCount}×{InputSize}), one column per neuron of {PreviousName}");
    }

    private void CheckBackward(LayerState state, Matrix<double> dLossDO)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(dLossDO);
        if (!ReferenceEquals(state.Layer, this))
            throw new ArgumentException($"{Name} backward: the state belongs to layer {state.Layer.Name}; pass {Name}'s own state from the forward pass", nameof(state));
        Check.SameShape($"{Name} backward", $"∂L/∂O_{Name}", dLossDO, $"O_{Name}", state.O);
    }

    /// <summary>Every gradient has the shape of what it is the gradient of, whatever equations made it.</summary>
    private LayerGradients CheckGradients(LayerState state, LayerGradients g)
    {
        var where = $"{Name} backward";
        Check.SameShape(where, $"δ_{Name}", g.DLossDZ, $"O_{Name}", state.O);
        Check.SameShape(where, $"∂L/∂W_{Name}", g.DLossDW, $"W_{Name}", state.W);
        if (g.DLossDB is not null && state.B is not null) Check.SameShape(where, $"∂L/∂b_{Name}", g.DLossDB, $"b_{Name}", state.B);
        Check.HasShape(where, $"∂L/∂O_{PreviousName}", g.DLossDInput, $"O_{PreviousName}", OPrevious(state));
        return g;
    }

    /// <summary>[M | 1]: the bias neurons, one 1 per instance.</summary>
    internal static Matrix<double> AppendOnes(Matrix<double> m) =>
        m.Append(Matrix<double>.Build.Dense(m.RowCount, 1, 1.0));

    /// <summary>M without its last column: the ones column's share of a product.</summary>
    internal static Matrix<double> DropLastColumn(Matrix<double> m) => m.SubMatrix(0, m.RowCount, 0, m.ColumnCount - 1);

    /// <summary>Z + b with b (1×j) added to each of Z's n rows, written out: no silent broadcasting.</summary>
    private static Matrix<double> AddToEveryRow(Matrix<double> z, Matrix<double> b) =>
        z.MapIndexed((_, j, value) => value + b[0, j]);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {InputSize}→{Size} {Activation.Name}, W {Shape.Of(W)}" + (B is null ? "" : $", b {Shape.Of(B)}");
}
