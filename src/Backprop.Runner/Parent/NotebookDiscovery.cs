namespace Backprop.Runner.Parent;

/// <summary>Turns the command line's paths into notebook files.</summary>
public static class NotebookDiscovery
{
    /// <summary>
    /// Files as given, folders expanded to their <c>*.ipynb</c> files in ordinal name order
    /// (the course's 01-, 02-, ... prefixes); duplicates removed. Throws
    /// <see cref="FileNotFoundException"/> naming a path that does not exist.
    /// </summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.ipynb").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"path not found: {path}", path);
            }
        }

        return [.. files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
    }
}
