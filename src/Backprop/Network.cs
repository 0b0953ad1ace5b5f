using System.Globalization;
using MathNet.Numerics;

namespace Backprop;

/// <summary>
/// A chain of fully connected layers, e.g. the article's 5-2-4-3-3-1 network with layers
/// L95 (the input) to L100 (the output). A training step is three separate calls:
/// <see cref="Forward"/>, <see cref="Backward"/> (or <see cref="RecursiveBackprop"/>), <see cref="Update"/>.
/// How a network is built (from sizes or from explicit weights) is in Network.Create.cs.
/// </summary>
public sealed partial class Network
{
    static Network()
    {
        // The course's matrices are tiny; MathNet's thread pool costs more than it saves on them.
        Control.UseSingleThread();
    }

    private Network(int inputSize, int inputNumber, BiasMode biasMode, IReadOnlyList<Layer> layers)
    {
        InputSize = inputSize;
        InputNumber = inputNumber;
        BiasMode = biasMode;
        Layers = layers;
    }

    /// <summary>The layers after the input, first to last.</summary>
    public IReadOnlyList<Layer> Layers { get; }

    /// <summary>How many features each instance has (the input layer's size).</summary>
    public int InputSize { get; }

    /// <summary>The input layer's number, e.g. 95; the layers are numbered from the next one.</summary>
    public int InputNumber { get; }

    /// <summary>"L95".</summary>
    public string InputName => $"L{InputNumber}";

    /// <summary>How the layers add their bias.</summary>
    public BiasMode BiasMode { get; }

    /// <summary>The output layer.</summary>
    public Layer Output => Layers[^1];

    /// <summary>All layer sizes including the input, e.g. [5, 2, 4, 3, 3, 1].</summary>
    public IReadOnlyList<int> Sizes => [InputSize, .. Layers.Select(l => l.Size)];

    /// <summary>How many numbers training adjusts.</summary>
    public int ParameterCount => Layers.Sum(l => l.ParameterCount);

    /// <summary>
    /// Forward pass over a batch X (n×k): per layer Z = O_prev @ W (+ b) and O = σ(Z), all kept.
    /// </summary>
    /// <param name="x">The batch, one row per instance, one column per input feature.</param>
    public ForwardPass Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckInput(x);
        var states = new LayerState[Layers.Count];
        var o = x;
        for (var l = 0; l < Layers.Count; l++)
        {
            states[l] = Layers[l].Forward(o);
            o = states[l].O;
        }
        return new ForwardPass(this, x, states);
    }

    /// <summary>The network's output for X: O of the last layer, (n×j_out).</summary>
    public Matrix<double> Predict(Matrix<double> x) => Forward(x).Output;

    /// <summary>The loss of the network's output for X against Y.</summary>
    public double Loss(Matrix<double> x, Matrix<double> labels, SquaredLoss? loss = null) =>
        Forward(x).Loss(labels, loss ?? new SquaredLoss());

    /// <summary>The backward pass in loop form; see <see cref="LoopBackprop.Backward"/>.</summary>
    public Gradients Backward(ForwardPass forward, Matrix<double> labels, SquaredLoss? loss = null)
    {
        ArgumentNullException.ThrowIfNull(forward);
        if (!ReferenceEquals(forward.Network, this))
            throw new ArgumentException("This forward pass was made by another network", nameof(forward));
        return LoopBackprop.Backward(forward, labels, loss ?? new SquaredLoss());
    }

    /// <summary>
    /// The update step, after the whole backward pass: W ← W − ΔW with ΔW = α · ∂L/∂W, and
    /// b ← b − α · ∂L/∂b. Gradient descent subtracts: it steps downhill.
    /// New matrices replace the old ones, so earlier forward passes keep the weights they used.
    /// </summary>
    /// <param name="gradients">A complete backward pass of this network.</param>
    /// <param name="alpha">The learning rate α, positive and finite.</param>
    /// <param name="rule">The update line, rule(W, ΔW); W − ΔW when null. A lesson passes a broken one on purpose.</param>
    public void Update(Gradients gradients, double alpha, Func<Matrix<double>, Matrix<double>, Matrix<double>>? rule = null)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        Check.Alpha(alpha);
        if (gradients.Count != Layers.Count)
            throw new ArgumentException($"Gradients of {gradients.Count} layers cannot update a network of {Layers.Count} layers", nameof(gradients));
        for (var l = 0; l < Layers.Count; l++)
            Check.SameShape($"{Layers[l].Name} update", $"∂L/∂W_{Layers[l].Name}", gradients[l].DLossDW, $"W_{Layers[l].Name}", Layers[l].W);
        rule ??= static (w, deltaW) => w - deltaW;   // gradient descent: downhill
        var next = Layers.Select((layer, l) => (
            W: rule(layer.W, gradients[l].DeltaW(alpha)),
            B: layer.B is not null && gradients[l].DLossDB is { } dB ? rule(layer.B, alpha * dB) : layer.B)).ToArray();
        for (var l = 0; l < Layers.Count; l++) // every new W checked before any is put in place: a bad rule changes nothing
        {
            Check.SameShape($"{Layers[l].Name} update", $"W_{Layers[l].Name} after the update rule", next[l].W, $"W_{Layers[l].Name}", Layers[l].W);
            if (next[l].B is { } b) Check.SameShape($"{Layers[l].Name} update", $"b_{Layers[l].Name} after the update rule", b, $"b_{Layers[l].Name}", Layers[l].B!);
        }

        for (var l = 0; l < Layers.Count; l++) (Layers[l].W, Layers[l].B) = next[l];
    }

    /// <summary>X must be (n×k) with k = the input size, n ≥ 1, and only finite numbers.</summary>
    internal void CheckInput(Matrix<double> x)
    {
        Check.NotEmpty($"{Layers[0].Name} forward", $"X (O_{InputName})", x);
        if (x.ColumnCount != InputSize)
        {
            throw new ShapeException($"{Layers[0].Name} forward: X (O_{InputName}) {Shape.Of(x)} has {x.ColumnCount} features per instance, " +
                $"but {InputName} has {InputSize} neurons; X must be (n×{InputSize})");
        }

        Check.Finite($"{Layers[0].Name} forward", $"X (O_{InputName})", x);
    }

    /// <summary>Y must be (n×j_out): one row per instance of X, one column per output neuron.</summary>
    internal void CheckLabels(Matrix<double> x, Matrix<double> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var expected = new Shape(x.RowCount, Output.Size);
        if (Shape.Of(labels) != expected)
        {
            throw new ShapeException($"labels Y {Shape.Of(labels)} do not fit the output O_{Output.Name} {expected}: " +
                $"Y needs one row per instance ({x.RowCount}) and one column per output neuron ({Output.Size})");
        }

        Check.Finite("loss", "labels Y", labels);
    }

    /// <summary>"5-2-4-3-3-1 (L95…L100), sigmoid, bias none".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{string.Join("-", Sizes)} ({InputName}…{Output.Name}), ") +
        string.Join("/", Layers.Select(l => l.Activation.Name).Distinct()) + $", bias {BiasMode.ToString().ToLowerInvariant()}";
}
