namespace Backprop.Site.Tests;

/// <summary>
/// Exported sites opened from disk in headless Chromium with no network: every page loads with no
/// console error and no failed or blocked request, every chart is drawn by the local plotly.js,
/// every diagram is visible. Screenshots go to artifacts/screenshots/site/. Needs the system
/// Chromium: <c>apt-get install -y chromium</c>.
/// </summary>
public sealed class BrowserTests : IDisposable
{
    private static readonly string Screenshots = Path.Combine(Repo.Root, "artifacts", "screenshots", "site");

    private readonly string work = Directory.CreateTempSubdirectory("export-browser-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Executed_fixture_notebooks_read_offline_with_every_chart_drawn()
    {
        var live = Repo.CopyFixtures("live");
        try
        {
            var site = Path.Combine(work, "site");
            var export = await Repo.RunnerAsync(work, "export", live, "--out", site);
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.Contains("Exported 2 lesson(s) with 3 interactive chart(s)", export.Output, StringComparison.Ordinal);

            await using var browser = await Browser.StartAsync();
            var reports = await VisitAllAsync(browser, site, "fixture-");
            Assert.Equal(3, reports.Sum(r => r.Charts));
            Assert.True(reports.Sum(r => r.Diagrams) >= 1, string.Join("\n", reports));

            // With scripts off, the course's charts show their static drawing instead.
            var page = Path.Combine(site, "01-course-charts.html");
            var noScript = await browser.VisitAsync(page, Path.Combine(Screenshots, "fixture-01-course-charts-noscript.png"), javaScript: false);
            Assert.True(noScript.Diagrams >= 3, noScript.ToString());
            Assert.Empty(noScript.DiagramsNotVisible);
        }
        finally
        {
            Directory.Delete(live, recursive: true);
        }
    }

    [Fact]
    public async Task Every_output_kind_reads_offline_and_text_stays_text()
    {
        var site = Path.Combine(work, "site");
        var export = await Repo.RunnerAsync(work, "export", "--from", Path.Combine(Repo.Fixtures, "static"), "--out", site);
        Assert.True(export.ExitCode == 0, export.ToString());

        await using var browser = await Browser.StartAsync();
        var reports = await VisitAllAsync(browser, site, "outputs-");
        Assert.Equal(1, reports.Single(r => r.Page == "01-every-output.html").Diagrams);
        var page = Path.Combine(site, "01-every-output.html");
        Assert.Equal("undefined", await browser.EvaluateAsync<string>(page, "() => typeof window.__pwned"));
        Assert.True(await browser.EvaluateAsync<bool>(page, "() => document.body.innerText.includes('<script>window.__pwned = 1;</script> is text here')"));
        Assert.True(await browser.EvaluateAsync<bool>(page, "() => [...document.images].every(i => i.complete && i.naturalWidth > 0)"));
    }

    [Fact]
    public async Task Formulas_are_typeset_offline_by_the_sites_own_katex_and_no_dollar_sign_is_left()
    {
        var site = Path.Combine(work, "site");
        var export = await Repo.RunnerAsync(work, "export", "--from", Path.Combine(Repo.Fixtures, "formulas"), "--out", site);
        Assert.True(export.ExitCode == 0, export.ToString());

        // Every page: no request but local files, none failed (every font KaTeX asks for is there),
        // no console error (KaTeX reports a formula it cannot parse there), every formula typeset.
        await using var browser = await Browser.StartAsync();
        var reports = await VisitAllAsync(browser, site, "formulas-");
        var page = Path.Combine(site, "01-formulas.html");
        Assert.Equal(8, reports.Single(r => r.Page == "01-formulas.html").Formulas);
        Assert.Equal(8, await browser.EvaluateAsync<int>(page, "() => document.querySelectorAll('.katex').length"));
        Assert.Equal(3, await browser.EvaluateAsync<int>(page, "() => document.querySelectorAll('.katex-display').length"));

        // What the reader sees holds no TeX source: no dollar sign, no delimiter, no backslash.
        var text = await browser.EvaluateAsync<string>(page, "() => document.querySelector('main').innerText");
        Assert.DoesNotContain("$", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", text, StringComparison.Ordinal);
        Assert.Contains("∂", text, StringComparison.Ordinal);
        Assert.Contains("⊙", text, StringComparison.Ordinal);
        Assert.True(await browser.EvaluateAsync<bool>(page, "() => document.fonts.ready.then(() => [...document.fonts].some(f => f.family.startsWith('KaTeX') && f.status === 'loaded'))"));

        // Hard line breaks stay breaks; a soft break is a space.
        Assert.Contains("(1×j)\nO = σ(Z): (1×j)\nthe next line", text, StringComparison.Ordinal);
        Assert.Contains("a soft break", text, StringComparison.Ordinal);

        // Dollar signs that are not formulas stay text; the one formula beside them is typeset.
        var dollars = Path.Combine(site, "02-dollars.html");
        Assert.Equal(1, await browser.EvaluateAsync<int>(dollars, "() => document.querySelectorAll('.katex').length"));
        var prose = await browser.EvaluateAsync<string>(dollars, "() => document.querySelector('main').innerText");
        Assert.Contains("A price of $5 and $6 stays as written, and so does $\"α = {alpha}\" in code", prose, StringComparison.Ordinal);

        // The index shows each lesson's first paragraph: the second one's formula is typeset there too.
        Assert.Equal(1, reports.Single(r => r.Page == "index.html").Formulas);
        Assert.Contains("$5 and $6", await browser.EvaluateAsync<string>(Path.Combine(site, "index.html"), "() => document.body.innerText"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_course_exports_with_one_command_and_reads_offline()
    {
        var notebooks = Directory.Exists(Path.Combine(Repo.Root, "notebooks"))
            ? Directory.GetFiles(Path.Combine(Repo.Root, "notebooks"), "*.ipynb")
            : [];
        var site = Path.Combine(Repo.Root, "artifacts", "site");
        var export = await Repo.RunnerAsync(Repo.Root, "export");
        if (notebooks.Length == 0)
        {
            // The course has no lessons yet: the command says so instead of writing an empty site.
            Assert.True(export.ExitCode == 2 && export.Output.Contains("No notebooks found", StringComparison.Ordinal), export.ToString());
            return;
        }

        Assert.True(export.ExitCode == 0, export.ToString());
        await using var browser = await Browser.StartAsync();
        var reports = await VisitAllAsync(browser, site, "course-");
        var pages = Directory.GetFiles(Path.Combine(Repo.Root, "notebooks"), "*.md"); // the cheat sheet
        Assert.Equal(notebooks.Length + pages.Length + 1, reports.Count);
        Assert.True(File.Exists(Path.Combine(site, "cheat-sheet.html")));
        // The step-through of lesson 03 works in the exported page too: Next moves it.
        var lesson03 = Path.Combine(site, "03-six-layer-network.html");
        Assert.Equal("1", await browser.EvaluateAsync<string>(lesson03,
            "() => { const s = document.querySelector('.bp-stepper'); s.querySelector('.bp-next').click(); return s.getAttribute('data-current'); }"));
    }

    // Visits index.html and every lesson page; asserts each is clean; returns the reports.
    private static async Task<List<Browser.PageReport>> VisitAllAsync(Browser browser, string site, string prefix)
    {
        var reports = new List<Browser.PageReport>();
        foreach (var page in Directory.GetFiles(site, "*.html").Order(StringComparer.Ordinal))
        {
            var report = await browser.VisitAsync(page, Path.Combine(Screenshots, prefix + Path.GetFileNameWithoutExtension(page) + ".png"));
            Assert.True(report.ConsoleErrors.Count == 0 && report.BlockedRequests.Count == 0 && report.FailedRequests.Count == 0, report.ToString());
            Assert.True(report.ChartsNotDrawn.Count == 0 && report.DiagramsNotVisible.Count == 0 && report.FormulasNotTypeset.Count == 0, report.ToString());
            reports.Add(report);
        }

        return reports;
    }
}
