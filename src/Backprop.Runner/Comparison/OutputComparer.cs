using System.Globalization;
using System.Text.Json.Nodes;
using Backprop.Runner.Notebooks;

namespace Backprop.Runner.Comparison;

/// <summary>
/// The <c>--check</c> comparison: each code cell's new outputs against those stored in the
/// notebook, after <see cref="OutputNormalizer"/>. Returns one message per differing cell.
/// </summary>
public static class OutputComparer
{
    private const int ShownCharacters = 120;

    /// <summary>Lists the cells whose outputs differ; empty when all match.</summary>
    public static IReadOnlyList<string> Compare(NotebookFile notebook, IReadOnlyDictionary<int, CellResult> results)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(results);
        var differences = new List<string>();
        var cells = (JsonArray)notebook.Root["cells"]!;
        foreach (var code in notebook.CodeCells)
        {
            var stored = OutputNormalizer.Normalize(cells[code.Cell - 1]?["outputs"] as JsonArray);
            var fresh = OutputNormalizer.Normalize(results.TryGetValue(code.Cell, out var r) ? r.Outputs : null);
            if (FirstDifference(stored, fresh) is { } difference)
            {
                differences.Add($"{notebook.Name}: cell {code.Cell} output differs: {difference}");
            }
        }

        return differences;
    }

    /// <summary>Describes the first difference between two normalised output lists, or null.</summary>
    public static string? FirstDifference(IReadOnlyList<OutputNormalizer.Normalized> stored, IReadOnlyList<OutputNormalizer.Normalized> fresh)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fresh);
        for (var i = 0; i < Math.Max(stored.Count, fresh.Count); i++)
        {
            if (i >= stored.Count)
            {
                return Invariant($"output {i + 1} is new ({Describe(fresh[i])})");
            }

            if (i >= fresh.Count)
            {
                return Invariant($"output {i + 1} ({Describe(stored[i])}) is no longer produced");
            }

            if (Difference(stored[i], fresh[i]) is { } text)
            {
                return Invariant($"output {i + 1} {text}");
            }
        }

        return null;
    }

    private static string? Difference(OutputNormalizer.Normalized stored, OutputNormalizer.Normalized fresh)
    {
        if (stored.Kind != fresh.Kind)
        {
            return $"was {Describe(stored)}, now {Describe(fresh)}";
        }

        var storedKeys = string.Join(", ", stored.Parts.Select(p => p.Key));
        var freshKeys = string.Join(", ", fresh.Parts.Select(p => p.Key));
        if (storedKeys != freshKeys)
        {
            return $"({stored.Kind}) had {storedKeys}, now {freshKeys}";
        }

        for (var p = 0; p < stored.Parts.Count; p++)
        {
            var (key, expected) = stored.Parts[p];
            var actual = fresh.Parts[p].Value;
            if (expected != actual)
            {
                return $"({stored.Kind} {key}): {Excerpt(expected, actual)}";
            }
        }

        return null;
    }

    // Shows where two texts part: the line, the column, and both versions of that line from a
    // little before the first differing character (HTML outputs are one long line).
    private static string Excerpt(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        var lineA = line < a.Length ? a[line] : null;
        var lineB = line < b.Length ? b[line] : null;
        var column = 0;
        while (lineA is not null && lineB is not null && column < lineA.Length && column < lineB.Length && lineA[column] == lineB[column])
        {
            column++;
        }

        var from = Math.Max(0, column - ShownCharacters / 3);
        var was = lineA is null ? "(end)" : Window(lineA, from);
        var now = lineB is null ? "(end)" : Window(lineB, from);
        return Invariant($"line {line + 1} was \"{was}\", now \"{now}\" (they part at column {column + 1})");
    }

    private static string Window(string text, int from)
    {
        var start = Math.Min(from, text.Length);
        var end = Math.Min(text.Length, start + ShownCharacters);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }

    private static string Describe(OutputNormalizer.Normalized output) =>
        $"{output.Kind}: {string.Join(", ", output.Parts.Select(p => p.Key))}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
