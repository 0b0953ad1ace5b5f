using System.Globalization;
using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// A small table a lesson fills row by row, whose cells may be matrices: a matrix cell shows its
/// shape "(1×3)" above its values, so a row like "∂L/∂O_L99 | δ_L100 @ W_L100ᵀ | (1×3) values"
/// keeps shape and numbers together. Rows or columns holding a loss derivative that is passed
/// down to the layer below can be drawn in red, the colour the network diagram uses for ∂L.
/// <code>
/// var table = new LessonTable("Forward pass", "layer", "Z", "O");
/// foreach (var s in forward.Layers) table.Add(s.Layer.Name, s.Z, s.O);
/// table
/// </code>
/// </summary>
public sealed class LessonTable : IView
{
    /// <summary>The red of ∂L in the course's diagrams.</summary>
    public const string PassedDownColor = "#c0392b";

    private readonly List<(bool PassedDown, object?[] Cells)> rows = [];
    private readonly HashSet<int> redColumns = [];
    private readonly Dictionary<int, string> columnFormats = [];

    /// <summary>An empty table with a title and column headers.</summary>
    public LessonTable(string title, params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Length == 0) throw new ArgumentException("A table needs at least one column", nameof(headers));
        Title = title ?? "";
        Headers = headers;
    }

    /// <summary>The caption.</summary>
    public string Title { get; }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>How many rows were added.</summary>
    public int RowCount => rows.Count;

    /// <summary>Number format for doubles and matrix entries; four decimals by default.</summary>
    public string Format { get; init; } = Html.DefaultFormat;

    /// <summary>Entries shown per matrix cell before the middle ones are elided.</summary>
    public int MaxEntries { get; init; } = 6;

    /// <summary>
    /// Adds a row, one cell per header: text, a number, a <see cref="Shape"/> or a matrix.
    /// Returns the table, so a cell can end with it.
    /// </summary>
    public LessonTable Add(params object?[] cells) => AddRow(false, cells);

    /// <summary>Adds a row drawn in red: a loss derivative ∂L that the layer below receives.</summary>
    public LessonTable AddPassedDown(params object?[] cells) => AddRow(true, cells);

    /// <summary>Draws the column under <paramref name="header"/> in red: it holds the ∂L passed down.</summary>
    public LessonTable MarkPassedDown(string header)
    {
        redColumns.Add(IndexOf(header));
        return this;
    }

    /// <summary>
    /// Uses <paramref name="format"/> for the numbers under <paramref name="header"/>, e.g.
    /// "0.00e+0" for a ΔW column whose entries are thousands of times smaller than W's.
    /// </summary>
    public LessonTable FormatColumn(string header, string format)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        columnFormats[IndexOf(header)] = format;
        return this;
    }

    private int IndexOf(string header)
    {
        var index = Headers.ToList().IndexOf(header);
        return index >= 0 ? index : throw new ArgumentException($"No column '{header}'; the columns are {string.Join(", ", Headers)}", nameof(header));
    }

    private string FormatOf(int column) => columnFormats.TryGetValue(column, out var format) ? format : Format;

    private LessonTable AddRow(bool passedDown, object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Headers.Count)
            throw new ArgumentException($"The table has {Headers.Count} columns ({string.Join(", ", Headers)}); the row has {cells.Length} cells", nameof(cells));
        rows.Add((passedDown, cells));
        return this;
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder(Html.TableStyle)
            .Append("<style>.bp-lesson td{vertical-align:top}.bp-lesson caption{white-space:nowrap}.bp-lesson .bp-shape{color:#666;font-size:11px}")
            .Append(".bp-lesson table.bp-mini{border-collapse:collapse;margin:0;font-size:12px}.bp-lesson table.bp-mini td{border:none;padding:0 4px;white-space:nowrap}</style>")
            .Append("<table class=\"bp-table bp-lesson\">");
        if (Title.Length > 0) html.Append("<caption>").Append(Html.Escape(Title)).Append("</caption>");
        html.Append("<tr>");
        for (var j = 0; j < Headers.Count; j++)
            html.Append("<th class=\"bp-left\"").Append(redColumns.Contains(j) ? Red : "").Append('>').Append(Html.Escape(Headers[j])).Append("</th>");
        html.Append("</tr>");
        foreach (var (passedDown, cells) in rows)
        {
            html.Append(passedDown ? "<tr class=\"bp-passed-down\">" : "<tr>");
            for (var j = 0; j < cells.Length; j++)
                html.Append("<td class=\"bp-left\"").Append(passedDown || redColumns.Contains(j) ? Red : "").Append('>')
                    .Append(CellHtml(cells[j], FormatOf(j))).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    private const string Red = " style=\"color:" + PassedDownColor + ";font-weight:bold\"";

    private string CellHtml(object? cell, string format)
    {
        if (cell is not Matrix<double> m) return Html.Escape(CellText(cell, format));
        var html = new StringBuilder("<div class=\"bp-shape\">").Append(Shape.Of(m)).Append("</div><table class=\"bp-mini\">");
        foreach (var row in Entries(m, format))
        {
            html.Append("<tr>");
            foreach (var entry in row) html.Append("<td>").Append(Html.Escape(entry)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <summary>The matrix's entries as text, the middle rows and columns elided past <see cref="MaxEntries"/>.</summary>
    private IEnumerable<string[]> Entries(Matrix<double> m, string format)
    {
        var columns = MatrixView.Visible(m.ColumnCount, Math.Max(2, MaxEntries));
        return MatrixView.Visible(m.RowCount, Math.Max(2, MaxEntries)).Select(r => columns
            .Select(c => r is null ? "⋮" : c is null ? "…" : Html.Number(m[r.Value, c.Value], format)).ToArray());
    }

    private string CellText(object? cell, string format) => cell switch
    {
        null => "",
        string s => s,
        double d => Html.Number(d, format),
        int i => Html.Number(i),
        Matrix<double> m => Shape.Of(m) + " [" + string.Join("; ", Entries(m, format).Select(r => string.Join(" ", r))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <inheritdoc />
    public string ToText()
    {
        var cells = new[] { Headers.ToArray() }.Concat(rows.Select(r => r.Cells.Select((c, j) => CellText(c, FormatOf(j))).ToArray())).ToArray();
        var widths = Headers.Select((_, j) => cells.Max(r => r[j].Length)).ToArray();
        var text = new StringBuilder();
        if (Title.Length > 0) text.AppendLine(Title);
        for (var i = 0; i < cells.Length; i++)
        {
            var line = (i > 0 && rows[i - 1].PassedDown ? "▶ " : "  ") + string.Join("  ", cells[i].Select((c, j) => c.PadRight(widths[j])));
            text.AppendLine(line.TrimEnd());
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
