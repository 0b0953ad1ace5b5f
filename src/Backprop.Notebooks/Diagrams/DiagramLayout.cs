namespace Backprop.Notebooks;

/// <summary>
/// Where everything of a <see cref="NetworkDiagram"/> goes: one column per layer (the input
/// first), neurons stacked and centred, a bias neuron "1" under a layer when the bias is a row
/// of the next W, and only the first and last neurons of a large layer.
/// </summary>
internal sealed class DiagramLayout
{
    public const double NodeWidth = 64, NodeHeight = 26, ColumnGap = 150, RowGap = 44, Left = 40, Top = 62;

    public DiagramLayout(Network network, int maxNeurons)
    {
        Columns = [network.InputName, .. network.Layers.Select(l => l.Name)];
        Sizes = network.Sizes;
        Shown = Sizes.Select(size => MatrixView.Visible(size, Math.Max(2, maxNeurons))).ToArray();
        HasBias = network.BiasMode == BiasMode.OnesColumn;
        var slots = Shown.Max(s => s.Count) + (HasBias ? 1 : 0);
        Height = Top + slots * RowGap + 40;
        Width = Left + (Columns.Count - 1) * ColumnGap + NodeWidth + 110;
    }

    /// <summary>Layer names, input first: "L95", "L96", ….</summary>
    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Per layer, the neuron indices drawn; null where "⋮" stands for the rest.</summary>
    public IReadOnlyList<IReadOnlyList<int?>> Shown { get; }

    /// <summary>True when the bias is a ones column: a bias neuron under every layer but the last.</summary>
    public bool HasBias { get; }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The left edge of layer <paramref name="column"/>'s nodes.</summary>
    public double X(int column) => Left + column * ColumnGap;

    /// <summary>The vertical centre of slot <paramref name="slot"/> in layer <paramref name="column"/>, columns centred on each other.</summary>
    public double Y(int column, int slot)
    {
        var count = Shown[column].Count + (HasBias && column < Columns.Count - 1 ? 1 : 0);
        var tallest = Shown.Max(s => s.Count) + (HasBias ? 1 : 0);
        return Top + (tallest - count) * RowGap / 2 + slot * RowGap + NodeHeight / 2;
    }

    /// <summary>The slot of neuron <paramref name="index"/> in layer <paramref name="column"/>, or -1 when it is not drawn.</summary>
    public int SlotOf(int column, int index)
    {
        for (var s = 0; s < Shown[column].Count; s++)
            if (Shown[column][s] == index) return s;
        return -1;
    }

    /// <summary>The bias neuron's slot: under the layer's last drawn neuron.</summary>
    public int BiasSlot(int column) => Shown[column].Count;
}
