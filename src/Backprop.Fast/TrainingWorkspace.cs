using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics.LinearAlgebra.Storage;

namespace Backprop.Fast;

/// <summary>
/// The fast path: a network's weights and every buffer a training step needs, allocated once
/// for batches of up to <see cref="Capacity"/> instances, so that a warmed-up
/// <see cref="Step"/> allocates nothing. It computes what <see cref="Network.Forward"/>,
/// <see cref="Network.Backward"/> and <see cref="Network.Update"/> compute (equal to about 1e-15;
/// tested against them), working on the matrices' storage instead of building new matrices.
/// The readable engine is where each idea is explained; this class only makes it quick.
/// </summary>
/// <remarks>
/// The workspace trains a copy of the weights: <see cref="WriteBack"/> puts them into the
/// network it was made from. Until then the network keeps the weights it had.
/// </remarks>
public sealed class TrainingWorkspace
{
    private readonly FastLayer[] layers;
    private readonly double[] xBuffer;
    private readonly double[] yBuffer;
    private readonly SquaredLoss sumLoss = new();
    private Matrix<double>? lastX;

    /// <summary>Copies <paramref name="network"/>'s weights and allocates buffers for up to <paramref name="capacity"/> instances.</summary>
    /// <param name="network">The network to train; it is not changed until <see cref="WriteBack"/>.</param>
    /// <param name="capacity">The largest batch: the n of every later call is at most this.</param>
    public TrainingWorkspace(Network network, int capacity)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A workspace needs room for at least one instance");
        Network = network;
        Capacity = capacity;
        layers = network.Layers.Select(l => new FastLayer(l, capacity)).ToArray();
        xBuffer = new double[capacity * network.InputSize];
        yBuffer = new double[capacity * network.Output.Size];
    }

    /// <summary>The network whose weights this workspace trains.</summary>
    public Network Network { get; }

    /// <summary>The largest batch this workspace has room for.</summary>
    public int Capacity { get; }

    /// <summary>Instances in the last forward pass (0 before the first).</summary>
    public int N { get; private set; }

    /// <summary>
    /// One training step on X (n×k) and Y (n×j_out): forward pass, loss, backward pass, update.
    /// Returns the loss of the forward pass, measured before the update.
    /// </summary>
    /// <param name="x">X, one row per instance; n ≤ <see cref="Capacity"/>.</param>
    /// <param name="labels">Y, (n×j_out).</param>
    /// <param name="alpha">The learning rate α.</param>
    /// <param name="loss">The loss and its reduction; sum over n when null.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public double Step(Matrix<double> x, Matrix<double> labels, double alpha, SquaredLoss? loss = null)
    {
        Check.Alpha(alpha);
        Forward(x);
        var y = Labels(labels);
        loss ??= sumLoss;
        var value = LossOfOutput(y, loss);
        BackwardFrom(y, loss, Storage(x, xBuffer));
        foreach (var layer in layers) layer.Update(alpha);
        return value;
    }

    /// <summary>Forward pass over X (n×k); mirrors <see cref="Network.Forward"/>. The output stays in the workspace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public void Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var data = Storage(x, xBuffer);
        // Cheap tests first; the readable guard runs only to throw its message (it builds strings).
        if (x.RowCount == 0 || x.ColumnCount != Network.InputSize || !AllFinite(data)) Network.CheckInput(x);
        if (x.RowCount > Capacity)
            throw new ArgumentException($"X has {x.RowCount} instances, but this workspace has room for {Capacity}; make one with a larger capacity", nameof(x));
        lastX = x;
        ForwardRows(data, x.RowCount);
    }

    /// <summary>The loss of the last forward pass against Y; mirrors <see cref="ForwardPass.Loss"/>.</summary>
    public double Loss(Matrix<double> labels, SquaredLoss? loss = null) =>
        LossOfOutput(Labels(labels), loss ?? sumLoss);

    /// <summary>
    /// Backward pass of the last forward pass, from the weights as they were in that pass;
    /// mirrors <see cref="LoopBackprop.Backward"/>. Changes no weights: the gradients stay in the workspace.
    /// </summary>
    public void Backward(Matrix<double> labels, SquaredLoss? loss = null)
    {
        var y = Labels(labels);
        BackwardFrom(y, loss ?? sumLoss, Storage(lastX!, xBuffer));
    }

    /// <summary>W ← W − α · ∂L/∂W for every layer, after the whole backward pass; mirrors <see cref="Network.Update"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public void Update(double alpha)
    {
        Check.Alpha(alpha);
        foreach (var layer in layers) layer.Update(alpha);
    }

    /// <summary>A copy of the last forward pass's output, (n×j_out).</summary>
    public Matrix<double> Output() => Matrix<double>.Build.Dense(N, Network.Output.Size, layers[^1].O.AsSpan(0, N * Network.Output.Size).ToArray());

    /// <summary>A copy of the last backward pass's ∂L/∂W of layer <paramref name="layer"/> (0 = first).</summary>
    public Matrix<double> DLossDW(int layer) => layers[layer].DWMatrix.Clone();

    /// <summary>A copy of the last backward pass's ∂L/∂b of layer <paramref name="layer"/>; null without a bias vector.</summary>
    public Matrix<double>? DLossDB(int layer) => layers[layer].DBMatrix?.Clone();

    /// <summary>Puts the trained weights into <see cref="Network"/>, as new matrices (as <see cref="Network.Update"/> does).</summary>
    public void WriteBack()
    {
        foreach (var layer in layers) layer.WriteBack();
    }

    internal IReadOnlyList<FastLayer> Layers => layers;

    /// <summary>Forward over X stored column-major with n rows; no checks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    internal void ForwardRows(ReadOnlySpan<double> x, int n)
    {
        N = n;
        var input = x;
        foreach (var layer in layers)
        {
            layer.Forward(input, n);
            input = layer.O.AsSpan(0, n * layer.J);
        }
    }

    /// <summary>½ Σ (O − Y)² over all n × j_out outputs, 8 partial sums in a vector, then their total; no checks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    internal double LossOfOutput(ReadOnlySpan<double> y, SquaredLoss loss)
    {
        var (n, j) = (N, layers[^1].J);
        ref var o = ref MemoryMarshal.GetReference(layers[^1].O.AsSpan());
        ref var t = ref MemoryMarshal.GetReference(y[..(n * j)]); // the slice checks Y's length once
        var partial = Vector512<double>.Zero;
        var i = 0;
        for (; i + Vector512<double>.Count <= n * j; i += Vector512<double>.Count)
        {
            var e = Vector512.LoadUnsafe(ref o, (nuint)i) - Vector512.LoadUnsafe(ref t, (nuint)i);
            partial = Vector512.FusedMultiplyAdd(e, e, partial);
        }
        var sum = Vector512.Sum(partial);
        for (; i < n * j; i++) sum += (Unsafe.Add(ref o, i) - Unsafe.Add(ref t, i)) * (Unsafe.Add(ref o, i) - Unsafe.Add(ref t, i));
        return 0.5 * sum / (loss.Reduction == LossReduction.Mean ? n : 1.0);
    }

    /// <summary>∂L/∂O = O − Y (÷ n for the mean) at the output, then every layer from last to first; no checks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    internal void BackwardFrom(ReadOnlySpan<double> y, SquaredLoss loss, ReadOnlySpan<double> x)
    {
        var n = N;
        var output = layers[^1];
        var dOut = output.Delta.AsSpan(0, n * output.J);
        SpanMath.Subtract(output.O.AsSpan(0, n * output.J), y[..(n * output.J)], dOut);
        if (loss.Reduction == LossReduction.Mean) SpanMath.Scale(dOut, 1.0 / n, dOut); // MathNet divides by n as · (1/n)
        for (var l = layers.Length - 1; l >= 0; l--)
        {
            var input = l == 0 ? x : layers[l - 1].O.AsSpan(0, n * layers[l].K);
            var previousDelta = l == 0 ? Span<double>.Empty : layers[l - 1].Delta.AsSpan(0, n * layers[l].K);
            layers[l].Backward(input, n, previousDelta);
        }
    }

    /// <summary>
    /// The numbers of <paramref name="m"/>, column-major: MathNet's own array for a dense matrix
    /// (no copy), otherwise copied into <paramref name="buffer"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private static ReadOnlySpan<double> Storage(Matrix<double> m, double[] buffer)
    {
        if (m.Storage is DenseColumnMajorMatrixStorage<double> dense) return dense.Data.AsSpan(0, m.RowCount * m.ColumnCount);
        for (var c = 0; c < m.ColumnCount; c++)
        {
            for (var r = 0; r < m.RowCount; r++)
                buffer[c * m.RowCount + r] = m[r, c];
        }

        return buffer.AsSpan(0, m.RowCount * m.ColumnCount);
    }

    /// <summary>Y's numbers after checking that Y fits the last forward pass: (n×j_out), finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private ReadOnlySpan<double> Labels(Matrix<double> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (lastX is null) throw new InvalidOperationException("Run a forward pass first: the loss and the backward pass start from its output");
        if (labels.RowCount != N || labels.ColumnCount != Network.Output.Size)
        {
            throw new ShapeException($"labels Y {Shape.Of(labels)} do not fit the output O_{Network.Output.Name} ({N}×{Network.Output.Size}): " +
                $"Y needs one row per instance ({N}) and one column per output neuron ({Network.Output.Size})");
        }

        var data = Storage(labels, yBuffer);
        if (!AllFinite(data)) Check.Finite("loss", "labels Y", labels);
        return data;
    }

    /// <summary>True when no value is NaN or ∞: v − v is 0 for every finite v and NaN otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        var i = 0;
        ref var v = ref MemoryMarshal.GetReference(values);
        var sum = Vector512<double>.Zero;
        for (; i + Vector512<double>.Count <= values.Length; i += Vector512<double>.Count)
        {
            var x = Vector512.LoadUnsafe(ref v, (nuint)i);
            sum += x - x;
        }
        if (!Vector512.EqualsAll(sum, Vector512<double>.Zero)) return false;
        for (; i < values.Length; i++)
            if (!double.IsFinite(values[i])) return false;
        return true;
    }
}
