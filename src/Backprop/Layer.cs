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
    /// <param name="trace">Optional recorder of every operation's shapes.</param>
    public LayerState Forward(Matrix<double> previousO, ShapeTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(previousO);
        var where = $"{Name} forward";
        var input = previousO;
        var inputName = $"O_{PreviousName}";
        if (BiasMode == BiasMode.OnesColumn)
        {
            input = AppendOnes(previousO);
            trace?.Add(Pass.Forward, Name, $"[O_{PreviousName} | 1]", Operation.AppendOnes, $"O_{PreviousName} | 1",
                Shape.Of(input), false, Shape.Of(previousO));
            inputName = $"[O_{PreviousName} | 1]";
        }
        Check.Product(where, inputName, input, $"W_{Name}", W);

        var z = input * W;
        trace?.Add(Pass.Forward, Name, $"Z_{Name}", Operation.MatrixProduct, $"{inputName} @ W_{Name}",
            Shape.Of(z), false, Shape.Of(input), Shape.Of(W));
        if (B is not null)
        {
            z = AddToEveryRow(z, B);
            trace?.Add(Pass.Forward, Name, $"Z_{Name}", Operation.AddBias, $"Z_{Name} + b_{Name}",
                Shape.Of(z), false, Shape.Of(z), Shape.Of(B));
        }

        var o = Activation.Apply(z);
        trace?.Add(Pass.Forward, Name, $"O_{Name}", Operation.Activation, $"{Activation.Name}(Z_{Name})",
            Shape.Of(o), false, Shape.Of(z));
        return new LayerState(this, input, W, B, z, o);
    }

    /// <summary>
    /// Backward, the chain rule for one layer, given ∂L/∂O of this layer (n×j):
    /// δ = ∂L/∂O ⊙ g'(Z), (n×j);
    /// ∂L/∂W = Inputᵀ @ δ, (k×n)@(n×j) → (k×j): the product sums over the n instances;
    /// ∂L/∂b = Σₙ δ, (1×j);
    /// ∂L/∂O_prev = δ @ Wᵀ, (n×j)@(j×k) → (n×k): what is passed down. With a ones column the
    /// last column of that product belongs to the ones, which are not neurons, so it is dropped.
    /// Reads only the forward state: no weight changes here.
    /// </summary>
    /// <param name="state">This layer's state from the forward pass.</param>
    /// <param name="dLossDO">∂L/∂O of this layer, (n×j): O − Y at the output, else what the layer above passed down.</param>
    /// <param name="trace">Optional recorder of every operation's shapes.</param>
    public LayerGradients Backward(LayerState state, Matrix<double> dLossDO, ShapeTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(dLossDO);
        if (!ReferenceEquals(state.Layer, this))
            throw new ArgumentException($"{Name} backward: the state belongs to layer {state.Layer.Name}", nameof(state));
        Check.SameShape($"{Name} backward", $"∂L/∂O_{Name}", dLossDO, $"O_{Name}", state.O);

        var gPrime = Activation.Derivative(state.Z, state.O);
        trace?.Add(Pass.Backward, Name, $"g'(Z_{Name})", Operation.Derivative, $"{Activation.Name}'(Z_{Name})",
            Shape.Of(gPrime), false, Shape.Of(state.Z));

        var delta = dLossDO.PointwiseMultiply(gPrime);
        trace?.Add(Pass.Backward, Name, $"δ_{Name}", Operation.ElementWise, $"∂L/∂O_{Name} ⊙ g'(Z_{Name})",
            Shape.Of(delta), false, Shape.Of(dLossDO), Shape.Of(gPrime));

        var inputName = BiasMode == BiasMode.OnesColumn ? $"[O_{PreviousName} | 1]" : $"O_{PreviousName}";
        var dW = state.Input.TransposeThisAndMultiply(delta);
        trace?.Add(Pass.Backward, Name, $"∂L/∂W_{Name}", Operation.MatrixProduct, $"{inputName}ᵀ @ δ_{Name}",
            Shape.Of(dW), true, new Shape(state.Input.ColumnCount, state.Input.RowCount), Shape.Of(delta));

        Matrix<double>? dB = null;
        if (state.B is not null)
        {
            dB = Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums());
            trace?.Add(Pass.Backward, Name, $"∂L/∂b_{Name}", Operation.SumOverN, $"Σₙ δ_{Name}",
                Shape.Of(dB), true, Shape.Of(delta));
        }

        var dInput = delta.TransposeAndMultiply(state.W);
        trace?.Add(Pass.Backward, Name, $"∂L/∂O_{PreviousName}", Operation.MatrixProduct, $"δ_{Name} @ W_{Name}ᵀ",
            Shape.Of(dInput), false, Shape.Of(delta), new Shape(state.W.ColumnCount, state.W.RowCount));
        if (BiasMode == BiasMode.OnesColumn)
        {
            var withOnes = Shape.Of(dInput);
            dInput = dInput.SubMatrix(0, dInput.RowCount, 0, dInput.ColumnCount - 1);
            trace?.Add(Pass.Backward, Name, $"∂L/∂O_{PreviousName}", Operation.DropOnes, "drop the ones' column",
                Shape.Of(dInput), false, withOnes);
        }
        return new LayerGradients(this, dLossDO, delta, dW, dB, dInput);
    }

    /// <summary>[M | 1]: the bias neurons, one 1 per instance.</summary>
    internal static Matrix<double> AppendOnes(Matrix<double> m) =>
        m.Append(Matrix<double>.Build.Dense(m.RowCount, 1, 1.0));

    /// <summary>Z + b with b (1×j) added to each of Z's n rows, written out: no silent broadcasting.</summary>
    private static Matrix<double> AddToEveryRow(Matrix<double> z, Matrix<double> b) =>
        z.MapIndexed((_, j, value) => value + b[0, j]);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {InputSize}→{Size} {Activation.Name}, W {Shape.Of(W)}" + (B is null ? "" : $", b {Shape.Of(B)}");
}
