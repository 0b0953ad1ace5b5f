using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks;

/// <summary>
/// Teaches the notebook kernel to show the course's objects: every <see cref="IView"/>, and the
/// engine's own types (matrices, networks, traces, histories, gradient checks) through their
/// views, as HTML in notebooks and as plain text elsewhere. The registration is the one piece of
/// process-wide state this library keeps; registering again replaces, never duplicates.
/// </summary>
public static class Formatters
{
    /// <summary>Registers the HTML and plain-text formatters with .NET Interactive.</summary>
    public static void Register()
    {
        Register<IView>(v => v);
        Register<Matrix<double>>(m => new MatrixView("", m));
        Register<ShapeTrace>(t => new ShapeTraceView(t));
        Register<Network>(n => new NetworkSummary(n));
        Register<TrainingHistory>(h => new TrainingHistoryView(h));
        Register<GradientCheckResult>(r => new GradientCheckView(r));
    }

    private static void Register<T>(Func<T, IView> view)
    {
        Formatter.Register<T>((value, writer) => writer.Write(view(value).ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<T>((value, writer) => writer.Write(view(value).ToText()), PlainTextFormatter.MimeType);
    }
}
