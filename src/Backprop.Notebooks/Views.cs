namespace Backprop.Notebooks;

/// <summary>
/// One-call views for lesson cells: <c>W.View("W_L97")</c>, <c>trace.View()</c>,
/// <c>network.Summary()</c>, <c>network.Diagram()</c>, <c>history.Chart()</c>,
/// <c>check.View()</c>, <c>Views.Compare("loop", a, "recursive", b)</c>. The last value of a cell
/// is shown as HTML in a notebook; <c>ToText()</c> gives the same content as plain text.
/// </summary>
public static class Views
{
    /// <summary>A matrix under its name, e.g. <c>W.View("W_L97")</c> → "W_L97 (2×4)" and the values.</summary>
    public static MatrixView View(this Matrix<double> matrix, string name = "", int maxRows = 10, int maxColumns = 8, string format = Html.DefaultFormat) =>
        new(name, matrix, maxRows, maxColumns, format);

    /// <summary>The trace's forward and backward sections with every shape.</summary>
    public static ShapeTraceView View(this ShapeTrace trace) => new(trace);

    /// <summary>Layers, sizes, activations, W and b shapes, parameter counts.</summary>
    public static NetworkSummary Summary(this Network network) => new(network);

    /// <summary>
    /// The network as the article draws it: <c>network.Diagram()</c>, or with overlays
    /// <c>network.Diagram(new() { Forward = f, Gradients = g, Highlight = ["L99", "L100"] })</c>.
    /// </summary>
    public static NetworkDiagram Diagram(this Network network, DiagramOptions? options = null) => new(network, options);

    /// <summary>The run's final loss, epochs and time, with its loss curve.</summary>
    public static TrainingHistoryView View(this TrainingHistory history, bool logY = false) => new(history, logY);

    /// <summary>The loss curve alone: <c>history.Chart(logY: true)</c>.</summary>
    public static ChartView Chart(this TrainingHistory history, bool logY = false) => Charts.Loss(history, logY);

    /// <summary>The gradient check per layer with its verdict.</summary>
    public static GradientCheckView View(this GradientCheckResult result) => new(result);

    /// <summary>Two matrices side by side with their largest difference.</summary>
    public static MatrixComparison Compare(string leftName, Matrix<double> left, string rightName, Matrix<double> right, double tolerance = 1e-12) =>
        new(leftName, left, rightName, right, tolerance);
}
