namespace Backprop.Site;

/// <summary>Where the site goes and what it is called.</summary>
/// <param name="OutputFolder">The site's folder, replaced as a whole.</param>
/// <param name="Title">The course's title on every page.</param>
public sealed record ExportOptions(string OutputFolder, string Title)
{
    /// <summary>Markdown files the lessons link to (e.g. notebooks/cheat-sheet.md), each written as a page of its own.</summary>
    public IReadOnlyList<string> Pages { get; init; } = [];
}

/// <summary>
/// Executes the course's notebooks into <paramref name="folder"/> (a scratch folder inside the
/// site being built) and returns the executed copies in lesson order.
/// </summary>
public delegate Task<IReadOnlyList<string>> ExecuteNotebooks(string folder, CancellationToken cancellationToken);
