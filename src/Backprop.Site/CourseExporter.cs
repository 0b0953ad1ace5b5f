namespace Backprop.Site;

/// <summary>What an export produced.</summary>
/// <param name="Lessons">The pages written, in order.</param>
/// <param name="Charts">Interactive charts across all pages.</param>
public sealed record ExportResult(IReadOnlyList<Lesson> Lessons, int Charts);

/// <summary>
/// The <c>export</c> command's site: from executed notebooks (run by the caller, or copies
/// executed before) it writes index, one page per lesson, the executed notebooks, images, styles
/// and one local plotly.js into a staging folder that replaces <c>--out</c> only when complete. A
/// notebook whose cells failed still gets its page, showing the error.
/// </summary>
public sealed class CourseExporter(ExportOptions options)
{
    private const string ExecutedFolder = "notebooks";
    private const string ScratchFolder = ".executed";

    /// <summary>Writes the site of notebooks that were executed before.</summary>
    public Task<ExportResult> ExportAsync(IReadOnlyList<string> executed, CancellationToken cancellationToken) =>
        ExportAsync((_, _) => Task.FromResult(executed), cancellationToken);

    /// <summary>
    /// Lets <paramref name="execute"/> run the notebooks into a scratch folder inside the staging
    /// site (so a failed export leaves nothing behind), then renders and publishes the site.
    /// </summary>
    public async Task<ExportResult> ExportAsync(ExecuteNotebooks execute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execute);
        using var site = new SiteFolder(options.OutputFolder);
        var executed = await execute(site.PathOf(ScratchFolder), cancellationToken);

        var lessons = new List<Lesson>();
        foreach (var file in executed)
        {
            lessons.Add(await Lesson.ReadAsync(file, cancellationToken));
        }

        lessons = Deduplicated(lessons);
        var charts = Write(site, lessons, executed);
        site.Publish();
        return new ExportResult(lessons, charts);
    }

    private int Write(SiteFolder site, IReadOnlyList<Lesson> lessons, IReadOnlyList<string> executed)
    {
        var images = new SiteImages(site);
        var pages = new SitePages(options.Title, images);
        var charts = 0;
        for (var i = 0; i < lessons.Count; i++)
        {
            site.Write(lessons[i].PageName, pages.Lesson(lessons, i, out var pageCharts));
            site.Write($"{ExecutedFolder}/{lessons[i].Slug}.ipynb", File.ReadAllBytes(executed[i]));
            charts += pageCharts;
        }

        foreach (var page in options.Pages)
        {
            site.Write(MarkdownRenderer.PageNameOf(page), pages.Markdown(File.ReadAllText(page), Path.GetFileName(page)));
        }

        site.Write("index.html", pages.Index(lessons, options.Pages.Select(p => (Path.GetFileNameWithoutExtension(p).Replace('-', ' '), MarkdownRenderer.PageNameOf(p))).ToList()));
        SiteAssets.WriteTo(site);
        var scratch = site.PathOf(ScratchFolder);
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        return charts;
    }

    // Two notebooks whose names make the same slug get -2, -3, ...: no page overwrites another.
    private static List<Lesson> Deduplicated(List<Lesson> lessons)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "index" };
        foreach (var lesson in lessons)
        {
            var slug = lesson.Slug;
            for (var n = 2; !seen.Add(slug); n++)
            {
                slug = $"{lesson.Slug}-{n}";
            }

            lesson.Slug = slug;
        }

        return lessons;
    }
}
