using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Backprop.Runner.Child;

namespace Backprop.Runner.Notebooks;

/// <summary>
/// A notebook as read from disk: its original text, its parsed JSON (patched later, never
/// rebuilt) and its code cells. Reading validates what the runner needs and throws
/// <see cref="NotebookException"/> with a message naming the file and the problem.
/// </summary>
public sealed class NotebookFile
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", ".net-csharp" };

    // Kernel names a cell can switch to with a first-line magic (#!fsharp); none of them is C#.
    private static readonly HashSet<string> OtherKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql", "mermaid",
        "markdown", "md", "value", "http", "python", "r",
    };

    private NotebookFile(string path, string text, JsonObject root, IReadOnlyList<CellSource> codeCells, int cellCount)
    {
        Path = path;
        Text = text;
        Root = root;
        CodeCells = codeCells;
        CellCount = cellCount;
    }

    /// <summary>The notebook's full path.</summary>
    public string Path { get; }

    /// <summary>The file's text exactly as read.</summary>
    public string Text { get; }

    /// <summary>The parsed notebook.</summary>
    public JsonObject Root { get; }

    /// <summary>The code cells, numbered by position among all cells (1-based).</summary>
    public IReadOnlyList<CellSource> CodeCells { get; }

    /// <summary>How many cells the notebook has (markdown included).</summary>
    public int CellCount { get; }

    /// <summary>The file name, as reports show it.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Reads and validates a notebook.</summary>
    public static async Task<NotebookFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = System.IO.Path.GetFileName(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var root = ParseJson(name, text);
        CheckFormat(name, root);
        var defaultKernel = DefaultKernel(name, root);
        var cells = (JsonArray)root["cells"]!;
        var codeCells = new List<CellSource>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
            {
                throw new NotebookException($"{name}: cell {i + 1} is not a JSON object");
            }

            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }

            var source = JupyterOutputs.JoinText(cell["source"]);
            CheckKernel(name, i + 1, cell, source, defaultKernel);
            codeCells.Add(new CellSource(i + 1, source));
        }

        return new NotebookFile(System.IO.Path.GetFullPath(path), text, root, codeCells, cells.Count);
    }

    private static JsonObject ParseJson(string name, string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject
                   ?? throw new NotebookException($"{name}: not a notebook (the JSON is not an object)");
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are 0-based.
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            throw new NotebookException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: invalid JSON at line {line}, position {position}: {FirstSentence(e.Message)}"));
        }
    }

    private static void CheckFormat(string name, JsonObject root)
    {
        if (root["nbformat"] is not JsonValue format || !format.TryGetValue<int>(out var major))
        {
            throw new NotebookException($"{name}: not a notebook (no \"nbformat\" version)");
        }

        if (major < 4)
        {
            throw new NotebookException($"{name}: nbformat {major} is not supported (nbformat 4 or later is required; re-save it in VS Code or Jupyter)");
        }

        if (root["cells"] is not JsonArray)
        {
            throw new NotebookException($"{name}: not a notebook (no \"cells\" array)");
        }
    }

    private static string DefaultKernel(string name, JsonObject root)
    {
        var metadata = root["metadata"];
        var polyglot = (string?)metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"];
        if (polyglot is not null)
        {
            return polyglot;
        }

        // Notebooks saved by Jupyter carry only a kernelspec; ".net-csharp" is the C# one.
        var spec = (string?)metadata?["kernelspec"]?["name"];
        if (spec is not null && !CSharpNames.Contains(spec))
        {
            throw new NotebookException($"{name}: the notebook's kernel is '{spec}', not C# (.net-csharp)");
        }

        return "csharp";
    }

    private static void CheckKernel(string name, int cellNumber, JsonObject cell, string source, string defaultKernel)
    {
        var kernel = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]
                     ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"]
                     ?? defaultKernel;
        var magic = FirstLineKernelMagic(source);
        if (magic is not null)
        {
            kernel = magic;
        }

        if (!CSharpNames.Contains(kernel))
        {
            throw new NotebookException($"{name}: cell {cellNumber} is for kernel '{kernel}'; only C# cells can run headless");
        }
    }

    private static string? FirstLineKernelMagic(string source)
    {
        var firstLine = source.TrimStart().Split('\n', 2)[0].Trim();
        if (!firstLine.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }

        var word = firstLine[2..].Split(' ', 2)[0];
        return OtherKernels.Contains(word) || CSharpNames.Contains(word) ? word : null;
    }

    private static string FirstSentence(string message)
    {
        // The reader's message repeats the position ("... LineNumber: 6 | BytePositionInLine: 2.").
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
    }
}
