using System.Runtime.CompilerServices;
namespace Backprop.Fast;

/// <summary>
/// One layer of a <see cref="TrainingWorkspace"/>: a copy of the <see cref="Layer"/>'s W (and b)
/// plus every buffer its forward and backward passes write, allocated once. All matrices are
/// column-major arrays, as MathNet stores them: column c of an (n×j) matrix is the n numbers at
/// [c·n, c·n + n). Forward mirrors <see cref="Layer.Forward"/>, backward <see cref="Layer.Backward"/>,
/// update <see cref="Network.Update"/>; the equations are explained there, once.
/// </summary>
internal sealed class FastLayer
{
    public FastLayer(Layer layer, int capacity)
    {
        Layer = layer;
        K = layer.InputSize;
        J = layer.Size;
        HasOnesRow = layer.BiasMode == BiasMode.OnesColumn;
        WRows = layer.W.RowCount;
        W = layer.W.ToColumnMajorArray();
        B = layer.B?.ToColumnMajorArray();
        Z = new double[capacity * J];
        O = new double[capacity * J];
        Delta = new double[capacity * J];
        // Inputᵀ @ δ reads the input by rows; with a bias, each row ends in the 1 that b multiplies.
        InputRowLength = K + (HasOnesRow || B is not null ? 1 : 0);
        InputRows = new double[capacity * InputRowLength];
        Columns = new double[InputRowLength * J];
        DW = new double[W.Length];
        DB = B is null ? null : new double[B.Length];
        // Matrices over the same arrays, for the gradient check's nudges and for reading results.
        WMatrix = Matrix<double>.Build.Dense(WRows, J, W);
        DWMatrix = Matrix<double>.Build.Dense(WRows, J, DW);
        BMatrix = B is null ? null : Matrix<double>.Build.Dense(1, J, B);
        DBMatrix = DB is null ? null : Matrix<double>.Build.Dense(1, J, DB);
    }

    public Layer Layer { get; }

    /// <summary>k: inputs per instance, not counting a ones column.</summary>
    public int K { get; }

    /// <summary>j: neurons.</summary>
    public int J { get; }

    /// <summary>W has a last row that plays the bias (<see cref="BiasMode.OnesColumn"/>).</summary>
    public bool HasOnesRow { get; }

    /// <summary>Rows of W: k, or k + 1 with the bias row.</summary>
    public int WRows { get; }

    public double[] W { get; }
    public double[]? B { get; }

    /// <summary>Z and O, (n×j), as in <see cref="LayerState"/>.</summary>
    public double[] Z { get; }
    public double[] O { get; }

    /// <summary>∂L/∂O of this layer, (n×j), written by the layer above; the backward pass turns it into δ in place.</summary>
    public double[] Delta { get; }

    /// <summary>The input, row-major, (n×k) or with a ones column (n×(k+1)); ∂L/∂W with ∂L/∂b as its last row.</summary>
    private int InputRowLength { get; }
    private double[] InputRows { get; }
    private double[] Columns { get; }

    /// <summary>Inputs at least this wide (a 4-vector tile) are transposed for ∂L/∂W; narrower ones use dot products of columns.</summary>
    private const int WideRows = 32;

    /// <summary>∂L/∂W and ∂L/∂b, the shapes of W and b.</summary>
    public double[] DW { get; }
    public double[]? DB { get; }

    public Matrix<double> WMatrix { get; }
    public Matrix<double> DWMatrix { get; }
    public Matrix<double>? BMatrix { get; }
    public Matrix<double>? DBMatrix { get; }

    /// <summary>
    /// Z = Input @ W (+ b), O = σ(Z); mirrors <see cref="Layer.Forward"/>. Column c of Z is
    /// Σₚ W[p,c] · (column p of Input), summed in the order p = 0, 1, …; with a ones column the
    /// bias row's term W[k,c] · 1 comes last, exactly where the ones column sits in [O_prev | 1].
    /// </summary>
    /// <param name="input">O of the previous layer or X, (n×k) column-major: k columns of n numbers.</param>
    /// <param name="n">Instances in this batch.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public void Forward(ReadOnlySpan<double> input, int n)
    {
        SpanMath.WeightedSums(input, K, n, W, WRows, 1, Z, n, J);
        for (var c = 0; c < J; c++)
        {
            if (HasOnesRow) SpanMath.AddToAll(Z.AsSpan(c * n, n), W[c * WRows + K]);
            if (B is not null) SpanMath.AddToAll(Z.AsSpan(c * n, n), B[c]);
        }
        SpanMath.Activate(Layer.Activation, Z.AsSpan(0, n * J), O.AsSpan(0, n * J));
    }

    /// <summary>
    /// Given ∂L/∂O in <see cref="Delta"/>: δ = ∂L/∂O ⊙ g'(Z); ∂L/∂W = Inputᵀ @ δ and ∂L/∂b = Σₙ δ
    /// (the ones column's share of Inputᵀ @ δ), each entry summed over the n instances;
    /// and, unless this is the first layer, ∂L/∂O_prev = δ @ Wᵀ into <paramref name="previousDelta"/>,
    /// without the ones column's share. Mirrors <see cref="Layer.Backward"/>; reads W, never writes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public void Backward(ReadOnlySpan<double> input, int n, Span<double> previousDelta)
    {
        var delta = Delta.AsSpan(0, n * J);
        SpanMath.MultiplyByDerivative(Layer.Activation, Z.AsSpan(0, n * J), O.AsSpan(0, n * J), delta);
        var target = DB is null ? DW : Columns; // with a bias vector, ∂L/∂b is computed as a last row, then split off
        var targetRows = DB is null ? WRows : InputRowLength;
        if (InputRowLength >= WideRows)
        {
            // Wide input: as rows, Inputᵀ @ δ is the same kernel as the forward product, 32 outputs at a time.
            var rows = InputRows.AsSpan(0, n * InputRowLength);
            SpanMath.ToRows(input, n, K, rows, InputRowLength);
            SpanMath.WeightedSums(rows, n, InputRowLength, delta, n, 1, target, targetRows, J);
        }
        else
        {
            // Narrow input (the article's network): one dot product of two columns per entry, no transpose.
            SpanMath.ColumnDots(input, n, K, delta, J, target, targetRows, InputRowLength > K ? K : -1);
        }
        if (DB is not null)
        {
            for (var c = 0; c < J; c++)
            {
                Columns.AsSpan(c * InputRowLength, K).CopyTo(DW.AsSpan(c * K, K));
                DB[c] = Columns[c * InputRowLength + K];
            }
        }
        if (previousDelta.IsEmpty) return; // the first layer passes nothing down: X is not trained
        // δ @ Wᵀ: column p of ∂L/∂O_prev = Σ_c W[p, c] · δ's column c; W[p, c] read along W's row p, no transpose.
        SpanMath.WeightedSums(delta, J, n, W, 1, WRows, previousDelta, n, K);
    }

    /// <summary>W ← W − α · ∂L/∂W, b ← b − α · ∂L/∂b; mirrors <see cref="Network.Update"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimised from the first call: short runs never wait for tiering
    public void Update(double alpha)
    {
        SpanMath.Descend(W, DW, alpha);
        if (B is not null) SpanMath.Descend(B, DB, alpha);
    }

    /// <summary>Copies this layer's W and b back into <see cref="Layer"/> as new matrices, as <see cref="Network.Update"/> does.</summary>
    public void WriteBack()
    {
        Layer.W = Matrix<double>.Build.Dense(WRows, J, (double[])W.Clone());
        if (B is not null) Layer.B = Matrix<double>.Build.Dense(1, J, (double[])B.Clone());
    }
}
