namespace Backprop.Site.Tests;

/// <summary>
/// The exporter as a command: pages from executed copies (--from), escaping by mime type, one
/// local plotly.js, nothing written outside --out, and a failed export that leaves the previous
/// site as it was.
/// </summary>
public sealed class ExportTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("export-tests-").FullName;

    private string Site => Path.Combine(work, "site");

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Executed_copies_become_an_index_and_one_page_each_with_every_output_kind()
    {
        var result = await Repo.RunnerAsync(work, "export", "--from", Path.Combine(Repo.Fixtures, "static"), "--out", Site);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Exported 2 lesson(s)", result.Output, StringComparison.Ordinal);

        var index = await File.ReadAllTextAsync(Path.Combine(Site, "index.html"));
        Assert.Contains("<a href=\"01-every-output.html\">", index, StringComparison.Ordinal);
        Assert.Contains("<span class=\"number\">02</span><span class=\"text\"><span class=\"title\">A second lesson</span>", index, StringComparison.Ordinal);
        Assert.Contains("Every kind of output", index, StringComparison.Ordinal);
        Assert.Contains("A lesson page shows markdown, <strong>highlighted code</strong>", index, StringComparison.Ordinal);

        var page = await File.ReadAllTextAsync(Path.Combine(Site, "01-every-output.html"));
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"02-second.html\">", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tok-keyword\">var</span>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned = 1;&lt;/script&gt; is text here", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>window.__pwned", page, StringComparison.Ordinal);
        Assert.Contains("<table class=\"bp-table\">", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"output-svg\"><svg", page, StringComparison.Ordinal);
        Assert.Matches("<img src=\"images/[0-9a-f]{20}\\.png\"", page);
        Assert.Contains("<pre class=\"output-stream stderr\">a warning on stderr</pre>", page, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: shapes (8×2) and (3×4) do not multiply", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", page, StringComparison.Ordinal);
        // Formulas stay TeX between KaTeX's delimiters: inline \(…\), display \[…\].
        Assert.Contains("<span class=\"math\">\\(W \\leftarrow W - \\alpha \\frac{\\partial L}{\\partial W}\\)</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"math math-display\">\\[\\Delta W = O_{prev}^{\\top}", page, StringComparison.Ordinal);
        Assert.Contains("W ← W − α·∂L/∂W", page, StringComparison.Ordinal);
        // A page with formulas loads the site's own KaTeX; a page without does not.
        Assert.Contains("<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\"><script defer src=\"assets/katex/katex.min.js\"></script><script defer src=\"assets/katex/contrib/auto-render.min.js\"></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("katex", await File.ReadAllTextAsync(Path.Combine(Site, "02-second.html")), StringComparison.Ordinal);
        Assert.All(SiteAssets.KaTeXFiles, f => Assert.True(File.Exists(Path.Combine(Site, "assets", "katex", f)), f));
        Assert.True(File.Exists(Path.Combine(Site, "assets", "katex", "LICENSE")));

        Assert.Single(Directory.GetFiles(Site, "plotly*.js", SearchOption.AllDirectories));
        Assert.True(new FileInfo(Path.Combine(Site, "assets", "plotly.min.js")).Length > 1_000_000);
        Assert.True(File.Exists(Path.Combine(Site, "notebooks", "01-every-output.ipynb")));
    }

    [Fact]
    public async Task Notebook_names_ids_and_attachments_cannot_write_outside_the_site()
    {
        var malicious = Repo.CopyFixtures("malicious");
        try
        {
            var result = await Repo.RunnerAsync(work, "export", "--from", malicious, "--out", Site);
            Assert.True(result.ExitCode == 0, result.ToString());

            // Everything the export wrote is inside --out; nothing appeared beside it or above it.
            Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName));
            Assert.Equal(["..hidden name!.ipynb", "index.ipynb"], Directory.EnumerateFiles(malicious).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.False(File.Exists("/tmp/absolute.png"));
            var files = Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Site, f)).Order(StringComparer.Ordinal).ToList();
            Assert.All(files, f => Assert.Matches("^(\\.backprop-site|[A-Za-z0-9_-]+\\.html|assets/[A-Za-z.]+|assets/katex/(contrib/|fonts/)?[A-Za-z0-9_.-]+|images/[0-9a-f]{20}\\.png|notebooks/[A-Za-z0-9_-]+\\.ipynb)$", f));

            // A notebook called index.ipynb does not replace the site's index.
            var index = await File.ReadAllTextAsync(Path.Combine(Site, "index.html"));
            Assert.Contains("class=\"lesson-list\"", index, StringComparison.Ordinal);
            Assert.Contains("href=\"index-2.html\"", index, StringComparison.Ordinal);
            Assert.Contains("href=\"hidden-name.html\"", index, StringComparison.Ordinal);
            Assert.Contains("&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; Evil &quot;title&quot;", index, StringComparison.Ordinal);

            var page = await File.ReadAllTextAsync(Path.Combine(Site, "index-2.html"));
            Assert.DoesNotContain("<script>window.__pwned", page, StringComparison.Ordinal);
            Assert.DoesNotContain("../", page, StringComparison.Ordinal);
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "<img src=\"images/[0-9a-f]{20}\\.png\" alt=\"(escape|abs)\"").Count);
        }
        finally
        {
            Directory.Delete(malicious, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_export_leaves_the_previous_site_whole()
    {
        var first = await Repo.RunnerAsync(work, "export", "--from", Path.Combine(Repo.Fixtures, "static"), "--out", Site);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = Snapshot(Site);

        var broken = Path.Combine(work, "broken");
        Directory.CreateDirectory(broken);
        File.Copy(Path.Combine(Repo.Fixtures, "static", "02-second.ipynb"), Path.Combine(broken, "01-fine.ipynb"));
        await File.WriteAllTextAsync(Path.Combine(broken, "02-broken.ipynb"), "{ \"cells\": [ ");
        var second = await Repo.RunnerAsync(work, "export", "--from", broken, "--out", Site);

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains("export failed, nothing written to", second.Output, StringComparison.Ordinal);
        Assert.Contains("02-broken.ipynb: invalid JSON", second.Output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(Site));
        Assert.Equal(["broken", "site"], Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_folder_the_exporter_did_not_write_is_never_replaced()
    {
        Directory.CreateDirectory(Site);
        await File.WriteAllTextAsync(Path.Combine(Site, "thesis.tex"), "precious");
        var result = await Repo.RunnerAsync(work, "export", "--from", Path.Combine(Repo.Fixtures, "static"), "--out", Site);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("refusing to replace", result.Output, StringComparison.Ordinal);
        Assert.Equal(["thesis.tex"], Directory.EnumerateFileSystemEntries(Site).Select(Path.GetFileName));
    }

    [Fact]
    public async Task From_and_paths_together_are_a_usage_error()
    {
        var result = await Repo.RunnerAsync(work, "export", "notebooks", "--from", Path.Combine(Repo.Fixtures, "static"));
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("give either paths to run or --from, not both", result.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
