using System.Text.RegularExpressions;
using Backprop.Testing;
using Microsoft.Playwright;

namespace Backprop.Site.Tests;

/// <summary>
/// The system's Chromium (or Chrome, found by <see cref="TestBrowser"/>) under Playwright with the
/// network cut off: only file:// loads, every other request is aborted and counted. Never downloads
/// a browser; fails, naming what to install or set, when there is none.
/// </summary>
public sealed partial class Browser : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    /// <summary>What one page did while loading.</summary>
    public sealed record PageReport(string Page, List<string> ConsoleErrors, List<string> BlockedRequests, List<string> FailedRequests, int Charts, List<string> ChartsNotDrawn, int Diagrams, List<string> DiagramsNotVisible)
    {
        /// <summary>Formulas on the page (Markdig's <c>span.math</c> and <c>div.math</c>).</summary>
        public int Formulas { get; init; }

        /// <summary>Formulas KaTeX did not typeset (with scripts on): their index and TeX.</summary>
        public List<string> FormulasNotTypeset { get; } = [];

        public override string ToString() =>
            $"{Page}: console errors [{string.Join(" | ", ConsoleErrors)}], blocked [{string.Join(", ", BlockedRequests)}], failed [{string.Join(", ", FailedRequests)}], " +
            $"{Charts} charts, not drawn [{string.Join(", ", ChartsNotDrawn)}], {Diagrams} diagrams, not visible [{string.Join(", ", DiagramsNotVisible)}], " +
            $"{Formulas} formulas, not typeset [{string.Join(" | ", FormulasNotTypeset)}]";
    }

    public static async Task<Browser> StartAsync()
    {
        var executable = TestBrowser.Executable();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            // Playwright gives every launch a fresh profile (its own --user-data-dir).
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>
    /// Opens a page offline, waits for every chart the page draws (<c>bpPlot(id, …)</c> in its
    /// source) to hold Plotly's <c>.main-svg</c>, checks every diagram is visible, and saves a
    /// full-page screenshot.
    /// </summary>
    public async Task<PageReport> VisitAsync(string file, string screenshot, bool javaScript = true)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 }, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        var report = new PageReport(Path.GetFileName(file), [], [], [], 0, [], 0, []);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                report.BlockedRequests.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                report.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => report.ConsoleErrors.Add("page error: " + error);
        page.RequestFailed += (_, request) => report.FailedRequests.Add($"{request.Url} ({request.Failure})");

        await page.GotoAsync(new Uri(file).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        var ids = ChartCall().Matches(await File.ReadAllTextAsync(file)).Select(m => m.Groups[1].Value).ToList();
        report = report with { Charts = ids.Count };
        if (javaScript)
        {
            foreach (var id in ids)
            {
                try
                {
                    await page.Locator($"[id=\"{id}\"] .main-svg").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
                }
                catch (TimeoutException)
                {
                    report.ChartsNotDrawn.Add(id);
                }
            }
        }

        // Diagrams: SVG in outputs that is not Plotly's own and not a chart's hidden fallback.
        var diagrams = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.outputs svg')]
              .filter(s => !s.closest('.js-plotly-plot') && !(s.closest('.bp-static-fallback') && s.closest('.bp-static-fallback').style.display === 'none'))
              .map((s, i) => { const r = s.getBoundingClientRect(); const st = getComputedStyle(s);
                return (r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none' ? 'ok ' : 'hidden ') + i + ' ' + (s.getAttribute('class') || s.parentElement.className); })
            """);
        report = report with { Diagrams = diagrams.Length };
        report.DiagramsNotVisible.AddRange(diagrams.Where(d => !d.StartsWith("ok ", StringComparison.Ordinal)));

        // Formulas: each of Markdig's math elements holds KaTeX's rendering (site.js typesets them
        // when the page is read, before the load event).
        var formulas = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('span.math, div.math')]
              .map((m, i) => (m.querySelector('.katex') ? 'ok ' : 'raw ') + i + ' ' + m.textContent.trim().slice(0, 80))
            """);
        report = report with { Formulas = formulas.Length };
        if (javaScript)
        {
            report.FormulasNotTypeset.AddRange(formulas.Where(f => !f.StartsWith("ok ", StringComparison.Ordinal)));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        return report;
    }

    /// <summary>Evaluates a script in a page opened offline (for checks that need the live DOM).</summary>
    public async Task<T> EvaluateAsync<T>(string file, string script)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("file:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return await page.EvaluateAsync<T>(script);
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [GeneratedRegex("<script>bpPlot\\(\"([^\"]+)\"")]
    private static partial Regex ChartCall();
}
