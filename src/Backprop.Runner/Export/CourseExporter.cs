using Backprop.Runner.Parent;

namespace Backprop.Runner.Export;

/// <summary>What an export produced.</summary>
/// <param name="Runs">The notebooks' runs (empty when exporting already executed copies).</param>
/// <param name="Lessons">The pages written, in order.</param>
/// <param name="Charts">Interactive charts across all pages.</param>
public sealed record ExportResult(IReadOnlyList<NotebookRun> Runs, IReadOnlyList<Lesson> Lessons, int Charts);

/// <summary>
/// The <c>export</c> command: executes the notebooks with the run machinery (or takes executed
/// copies), then writes a static site — index, one page per lesson, the executed notebooks,
/// images, styles and one local plotly.js — into a staging folder that replaces <c>--out</c> only
/// when complete. A notebook whose cells failed still gets its page, showing the error.
/// </summary>
public sealed class CourseExporter(ExportOptions options, IProgressSink progress)
{
    private const string ExecutedFolder = "notebooks";

    /// <summary>Runs (unless exporting copies), renders and publishes the site.</summary>
    public async Task<ExportResult> ExportAsync(CancellationToken cancellationToken)
    {
        using var site = new SiteFolder(options.OutputFolder);
        var (runs, executed) = options.From is null
            ? await RunAsync(site, cancellationToken)
            : ([], NotebookDiscovery.Find([options.From]));

        var lessons = new List<Lesson>();
        foreach (var file in executed)
        {
            lessons.Add(await Lesson.ReadAsync(file, cancellationToken));
        }

        lessons = Deduplicated(lessons);
        var charts = Write(site, lessons, executed);
        site.Publish();
        return new ExportResult(runs, lessons, charts);
    }

    // The run machinery writes the executed copies into a scratch folder inside the staging site.
    private async Task<(IReadOnlyList<NotebookRun>, IReadOnlyList<string>)> RunAsync(SiteFolder site, CancellationToken cancellationToken)
    {
        var scratch = site.PathOf(".executed");
        var runs = await new CourseRunner(new RunOptions(options.Files, scratch, Update: false, Check: false, options.CellTimeout), progress)
            .RunAsync(options.Files, cancellationToken);
        var copies = runs.Where(r => r.Notebook is not null).Select(r => Path.Combine(scratch, r.Name)).Where(File.Exists).ToList();
        return (runs, copies);
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

        site.Write("index.html", pages.Index(lessons));
        SiteAssets.WriteTo(site);
        var scratch = site.PathOf(".executed");
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
