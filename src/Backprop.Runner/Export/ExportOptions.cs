namespace Backprop.Runner.Export;

/// <summary>What <c>export</c> was asked to do.</summary>
/// <param name="Files">Source notebooks to execute, in order (unused with <paramref name="From"/>).</param>
/// <param name="OutputFolder">The site's folder, replaced as a whole.</param>
/// <param name="From">A folder of already executed notebooks to export instead of running any.</param>
/// <param name="CellTimeout">How long one cell may run.</param>
/// <param name="Title">The course's title on every page.</param>
public sealed record ExportOptions(IReadOnlyList<string> Files, string OutputFolder, string? From, TimeSpan CellTimeout, string Title);
