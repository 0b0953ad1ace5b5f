
namespace Backprop.Notebooks.Tests;

/// <summary>
/// Renders the views into one page in headless Chromium with the network blocked — what a reader
/// offline sees — saves a screenshot under artifacts/screenshots/ and checks the chart's static
/// drawing is what remains visible. Needs a system Chromium or Chrome (see <see cref="Backprop.Testing.TestBrowser"/>):
/// .ci/test installs Debian's <c>chromium</c> when there is none.
/// </summary>
public class ScreenshotTests
{
    [Fact]
    public async Task Views_render_offline_in_chromium_with_the_chart_fallback_visible()
    {
        await using var page = await OfflinePage.OpenAsync("views", Page());
        var (tab, folder, blocked) = (page.Tab, page.Folder, page.Blocked);
        await tab.WaitForTimeoutAsync(1000); // give the chart's loader its chance to fail
        await tab.ScreenshotAsync(new() { Path = Path.Combine(folder, "views.png"), FullPage = true });
        await tab.Locator(".bp-network-diagram").First.ScreenshotAsync(new() { Path = Path.Combine(folder, "diagram.png") });

        Assert.Contains(blocked, url => url.Contains("require", StringComparison.Ordinal)); // the loader tried the CDN
        Assert.True(await tab.Locator(".bp-static-fallback svg").First.IsVisibleAsync());
        Assert.Equal(3, await tab.Locator(".bp-static-fallback").CountAsync());
        Assert.True(await tab.Locator(".bp-network-diagram").First.IsVisibleAsync());
    }

    private static string Page()
    {
        var (network, forward, gradients, trace) = Examples.TracedStep(n: 8);
        var biased = Examples.Article(BiasMode.OnesColumn);
        var xor = Network.Create([2, 4, 1], Activation.Sigmoid, seed: 3);
        Trainer.Train(xor, Datasets.Xor.X, Datasets.Xor.Y, new TrainingOptions { Epochs = 2000, Alpha = 1 });
        var views = new IView[]
        {
            network.Layers[1].W.View("W_L97"),
            Matrix<double>.Build.Dense(64, 20, (i, j) => Math.Sin(i + j)).View("X"),
            trace.View(),
            network.Summary(),
            biased.Summary(),
            network.Diagram(new() { Forward = forward, Gradients = gradients, Highlight = ["L99", "L100"] }),
            biased.Diagram(),
            Network.Create([30, 20, 1], Activation.Tanh, seed: 2).Diagram(new() { MaxNeuronsPerLayer = 6 }),
            Charts.Losses([("α = 0.5", Examples.History(60)), ("α = 0.5, again", Examples.History(40))], logY: true),
            Charts.GradientNorms(Examples.History(60, norms: true)),
            Charts.DecisionBoundary(xor, Datasets.Xor, 30),
            new BatchDiagram(forward, gradients, 0.1),
            new ChainRuleView(network.Forward(forward.X.SubMatrix(0, 1, 0, 5)), network.Backward(network.Forward(forward.X.SubMatrix(0, 1, 0, 5)), Datasets.Synthetic(8).Y.SubMatrix(0, 1, 0, 1)), "L99"),
            new RecursionDiagram(forward, RecursiveBackprop.Backward(forward, Datasets.Synthetic(8).Y, new SquaredLoss())),
        };
        return string.Concat(views.Select(v => $"<section style=\"margin:12px 0\">{v.ToHtml()}</section>"));
    }
}
