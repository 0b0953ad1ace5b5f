
namespace Backprop.Notebooks.Tests;

public class StepThroughTests
{
    private static StepThrough Article(BiasMode bias = BiasMode.None)
    {
        var (_, forward, gradients, _) = Examples.TracedStep(bias, n: 8);
        return new StepThrough(forward, gradients, alpha: 0.5);
    }

    [Fact]
    public void Steps_go_forward_layer_by_layer_then_backward_per_layer_then_the_update()
    {
        var titles = Article().Steps.Select(s => s.Title).ToList();
        Assert.Equal(5 + 1 + 5 * 3 + 1, titles.Count);
        Assert.StartsWith("Forward, L96: Z_L96 = O_L95 @ W_L96", titles[0]);
        Assert.StartsWith("Forward, L100", titles[4]);
        Assert.StartsWith("Where ∂L starts: ∂L/∂O_L100 = O_L100 − Y", titles[5]);
        Assert.Equal(["Backward, L100: δ_L100", "Backward, L100: ∂L/∂W_L100", "Backward, L100: ∂L/∂O_L99"],
            titles.Skip(6).Take(3).Select(t => t[..t.IndexOf(" =", StringComparison.Ordinal)]));
        Assert.StartsWith("Backward, L96: ∂L/∂O_L95", titles[^2]);
        Assert.StartsWith("Update, after the whole backward pass", titles[^1]);
    }

    [Fact]
    public void Each_step_shows_the_matrices_it_uses_with_the_values_the_passes_computed()
    {
        var (_, forward, gradients, _) = Examples.TracedStep(BiasMode.Vector, n: 8);
        var steps = new StepThrough(forward, gradients, alpha: 0.5).Steps;
        var l97 = steps[1];
        Assert.Equal(["O_L96", "W_L97", "b_L97", "Z_L97", "O_L97"], l97.Matrices.Select(m => m.Name));
        Assert.Same(forward.Layers[1].Z, l97.Matrices[3].Value);
        var passDown = steps.Single(s => s.Title.StartsWith("Backward, L97: ∂L/∂O_L96", StringComparison.Ordinal));
        Assert.Same(gradients[1].DLossDInput, passDown.Matrices[^1].Value);
        Assert.Equal(["L96"], passDown.Nodes);
        var update = steps[^1];
        Assert.Equal(forward.Layers[4].W - gradients[4].DeltaW(0.5), update.Matrices[^1].Value);
    }

    [Fact]
    public void Without_scripts_every_step_is_listed_and_the_html_is_deterministic_and_escaped()
    {
        var html = Article().ToHtml();
        Assert.Equal(22, html.Split("class=\"bp-step\"").Length - 1);
        Assert.Contains("class=\"bp-stepper-controls\" style=\"display:none\"", html); // the buttons appear only with a script
        Assert.Equal(html, Article().ToHtml());
        Assert.DoesNotContain(" id=\"", html);
        Assert.Contains("∂L/∂O_L100 = O_L100 − Y", html);
    }

    [Fact]
    public async Task Next_and_the_arrow_keys_move_the_highlight_and_the_values_offline_without_console_errors()
    {
        await using var page = await OfflinePage.OpenAsync("step-through", Article().ToHtml());
        var tab = page.Tab;

        var stepper = tab.Locator(".bp-stepper");
        Assert.Equal("0", await stepper.GetAttributeAsync("data-current"));
        Assert.Equal(1, await tab.Locator(".bp-step:visible").CountAsync());
        var firstTitle = await tab.Locator(".bp-step:visible h4").InnerTextAsync();
        var firstValues = await tab.Locator(".bp-step:visible table").First.InnerTextAsync();
        var firstActive = await tab.Locator(".bp-neuron.bp-active").CountAsync();
        await page.ScreenshotAsync("step-through-1.png");

        for (var i = 0; i < 6; i++) await tab.ClickAsync(".bp-next"); // to step 7: L100's δ
        Assert.Equal("6", await stepper.GetAttributeAsync("data-current"));
        Assert.NotEqual(firstTitle, await tab.Locator(".bp-step:visible h4").InnerTextAsync());
        Assert.NotEqual(firstValues, await tab.Locator(".bp-step:visible table").First.InnerTextAsync());
        Assert.Equal(1, await tab.Locator(".bp-neuron.bp-active").CountAsync()); // L100's one neuron
        Assert.NotEqual(firstActive, await tab.Locator(".bp-neuron.bp-active").CountAsync());
        await page.ScreenshotAsync("step-through-7.png");

        await stepper.FocusAsync();
        await tab.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("7", await stepper.GetAttributeAsync("data-current"));
        await tab.Keyboard.PressAsync("ArrowLeft");
        await tab.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal("5", await stepper.GetAttributeAsync("data-current"));
        Assert.Contains("∂L/∂O_L100", await tab.Locator(".bp-step-counter").InnerTextAsync());

        Assert.Empty(page.Errors);
        Assert.Empty(page.Blocked); // self-contained: nothing to fetch
    }
}
