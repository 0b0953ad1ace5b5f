using Backprop.Testing;
using Microsoft.Playwright;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// A page of views opened in headless Chromium with the network blocked, as a reader offline sees
/// it: every request that is not a local file is refused and recorded, and console errors are
/// collected. Written under artifacts/screenshots/, where its screenshots go too.
/// </summary>
internal sealed class OfflinePage : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private OfflinePage(IPlaywright playwright, IBrowser browser, IPage tab, string folder)
    {
        this.playwright = playwright;
        this.browser = browser;
        Tab = tab;
        Folder = folder;
    }

    public IPage Tab { get; }

    /// <summary>artifacts/screenshots/: the page and its screenshots.</summary>
    public string Folder { get; }

    /// <summary>Every request the page tried that was not a local file.</summary>
    public List<string> Blocked { get; } = [];

    /// <summary>Console errors and uncaught exceptions.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Writes <paramref name="body"/> as artifacts/screenshots/<paramref name="name"/>.html and opens it.</summary>
    public static async Task<OfflinePage> OpenAsync(string name, string body)
    {
        var executable = TestBrowser.Executable(); // fails saying what to install or set; never downloads a browser
        var folder = Directory.CreateDirectory(Path.Combine(Examples.RepositoryRoot(), "artifacts", "screenshots")).FullName;
        var path = Path.Combine(folder, name + ".html");
        await File.WriteAllTextAsync(path, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{name}</title></head><body style=\"font-family:sans-serif\">{body}</body></html>");

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            // Playwright gives every launch a fresh profile (its own --user-data-dir).
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var tab = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = new OfflinePage(playwright, browser, tab, folder);
        tab.Console += (_, m) =>
        {
            if (m.Type == "error") page.Errors.Add(m.Text);
        };
        tab.PageError += (_, e) => page.Errors.Add(e);
        await tab.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                page.Blocked.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        await tab.GotoAsync(new Uri(path).AbsoluteUri);
        return page;
    }

    public Task ScreenshotAsync(string name) => Tab.ScreenshotAsync(new() { Path = Path.Combine(Folder, name), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
