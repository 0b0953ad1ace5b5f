using System.Text.RegularExpressions;

namespace Backprop.Notebooks.Tests;

public class TableViewTests
{
    [Fact]
    public void Shape_trace_has_a_forward_and_a_backward_section_with_every_row()
    {
        var (_, _, _, trace) = Examples.TracedStep();
        var view = trace.View();
        var html = view.ToHtml();
        Assert.Contains("Forward pass", html);
        Assert.Contains("Backward pass", html);
        Assert.Equal(trace.Rows.Count, MatrixViewTests.Count(html, "class=\"bp-trace-row"));
        Assert.Equal(trace.Forward.Count(), MatrixViewTests.Count(html, "data-pass=\"forward\""));
        Assert.Contains("(8×5) @ (5×2) → (8×2)", html); // Z_L96 = O_L95 @ W_L96
        Assert.Contains("Z_L96", view.ToText());
    }

    [Fact]
    public void Shape_trace_marks_where_n_disappears_and_draws_operations_apart()
    {
        var (_, _, _, trace) = Examples.TracedStep();
        var html = trace.View().ToHtml();
        Assert.Equal(trace.Rows.Count(r => r.SumsOverN), MatrixViewTests.Count(html, "data-sums-over-n=\"true\""));
        Assert.Contains("Σ over n", html);
        Assert.Contains("bp-op-matmul", html);
        Assert.Contains("bp-op-hadamard", html);
        Assert.Contains("bp-op-transpose", html);
        Assert.Contains("(5×8) @ (8×2) → (5×2)", html); // ∂L/∂W_L96 = O_L95ᵀ @ δ: sums over n = 8
        Assert.Contains("Σ over n", trace.View().ToText());
        Assert.DoesNotContain(">depth<", html); // the loop form has no recursion depth
    }

    [Fact]
    public void Network_summary_lists_every_layer_with_shapes_and_parameters()
    {
        var network = Examples.Article(BiasMode.OnesColumn);
        var summary = network.Summary();
        var html = summary.ToHtml();
        Assert.Equal(6, MatrixViewTests.Count(html, "class=\"bp-layer-row\""));
        Assert.Contains("<td>L97</td>", html);
        Assert.Contains("<td>(3×4)</td>", html); // W_L97 with its bias row: (2+1)×4
        Assert.Contains("last row of W", html);
        Assert.Contains("OnesColumn", html);
        Assert.Contains($"{network.ParameterCount} parameters", summary.ToText());
        Assert.Contains("sigmoid", summary.ToText());
    }

    [Fact]
    public void Network_summary_shows_the_bias_vector_shape()
    {
        var html = Examples.Article(BiasMode.Vector).Summary().ToHtml();
        Assert.Contains("<td>(1×4)</td>", html);
        Assert.Contains("<td>(2×4)</td>", html);
    }

    [Fact]
    public void Training_history_says_final_loss_epochs_and_time_and_draws_the_curve()
    {
        var history = Examples.History(epochs: 30);
        var view = history.View();
        Assert.StartsWith("30 epochs, final loss ", view.Summary);
        Assert.Contains(Html.Number(history.FinalLoss), view.ToText());
        // The time is shown, marked volatile for --check, and left out of the plain text.
        Assert.Matches("in <span data-volatile>[0-9.]+ m?s</span>", view.ToHtml());
        Assert.DoesNotContain("data-volatile", view.ToText());
        Assert.Contains("bp-static-fallback", view.ToHtml());
    }

    [Fact]
    public void Gradient_check_shows_each_layer_and_the_verdict()
    {
        var network = Examples.Article();
        var data = Datasets.Synthetic(4);
        var view = GradientCheck.Run(network, data.X, data.Y).View();
        Assert.Equal(5, MatrixViewTests.Count(view.ToHtml(), "class=\"bp-check-row\""));
        Assert.Contains("verdict: Correct", view.ToText());
        Assert.Contains("W_L100", view.ToText());
    }

    [Fact]
    public void Comparison_shows_both_matrices_and_their_largest_difference()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2 }, { 3, 4 } });
        var b = a.Clone();
        b[1, 0] += 0.25;
        var view = Views.Compare("ΔW loop", a, "ΔW <recursive>", b);
        Assert.Equal(0.25, view.MaxDifference);
        Assert.False(view.Equal);
        Assert.Contains("ΔW &lt;recursive&gt; (2×2)", view.ToHtml());
        Assert.Contains("max |difference| = 2.50e-01: different", view.ToText());
        Assert.True(Views.Compare("a", a, "a again", a.Clone()).Equal);
    }

    [Fact]
    public void Comparison_of_different_shapes_names_both()
    {
        var e = Assert.Throws<ShapeException>(() => Views.Compare("a", Matrix<double>.Build.Dense(2, 2), "b", Matrix<double>.Build.Dense(2, 3)));
        Assert.Contains("a (2×2)", e.Message);
        Assert.Contains("b (2×3)", e.Message);
    }

    [Fact]
    public void Registered_formatters_show_engine_objects_as_HTML_and_text()
    {
        NotebookSetup.Initialize();
        var w = Matrix<double>.Build.Dense(2, 3, 0.5);
        var html = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(w, "text/html");
        Assert.Contains("(2×3)", html);
        Assert.Contains("0.5000", html);
        var text = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(Examples.Article(), "text/plain");
        Assert.Contains("L100", text);
        Assert.Matches(new Regex("parameters"), text);
    }
}
