using System.Globalization;
using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// The lessons' one table: side-by-side comparisons (two bias modes, loop and recursion, one row
/// per planted bug) and step-by-step tables whose cells may be matrices. A matrix cell shows its
/// shape "(1×3)" above its values, so shape and numbers stay together. Rows or columns holding a
/// loss derivative that is passed down to the layer below can be drawn in red, the colour the
/// network diagram uses for ∂L. Numbers print culture-invariantly; columns of numbers are
/// right-aligned (a blank or a dash "–" does not count), every other column left-aligned.
/// <code>
/// // row by row
/// var table = new Table("Forward pass", "layer", "Z", "O");
/// foreach (var s in forward.Layers) table.Add(s.Layer.Name, s.Z, s.O);
/// // or all at once
/// Table.Of("Both bias modes", ["layer", "max |difference|"], ["L96", 0.0], ["L97", 1e-17])
/// </code>
/// </summary>
public sealed class Table : IView
{
    /// <summary>The red of ∂L in the course's diagrams.</summary>
    public const string PassedDownColor = "#c0392b";

    /// <summary>Six decimals, the default of tables made all at once: enough to see two runs agree.</summary>
    public const string DefaultFormat = "0.000000";

    private readonly List<(bool PassedDown, object?[] Cells)> rows = [];
    private readonly HashSet<int> redColumns = [];
    private readonly Dictionary<int, string> columnFormats = [];

    /// <summary>An empty table with a caption and column headers, filled with <see cref="Add"/>; four decimals by default.</summary>
    public Table(string caption, params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Length == 0) throw new ArgumentException("A table needs at least one column", nameof(headers));
        Caption = caption ?? "";
        Headers = headers;
    }

    /// <summary>A table of <paramref name="rows"/> under <paramref name="headers"/>.</summary>
    /// <param name="caption">Shown above the table; empty for none.</param>
    /// <param name="headers">Column titles.</param>
    /// <param name="rows">Cells, one list per row, each as long as <paramref name="headers"/>.</param>
    /// <param name="numberFormat">How doubles are printed, e.g. "0.000000" or "R" (every digit).</param>
    public Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string numberFormat = DefaultFormat)
        : this(caption, (headers ?? throw new ArgumentNullException(nameof(headers))).ToArray())
    {
        ArgumentNullException.ThrowIfNull(rows);
        Format = numberFormat;
        foreach (var row in rows) AddRow(false, (row ?? throw new ArgumentNullException(nameof(rows))).ToArray());
    }

    /// <summary>A table from a few literal rows: <c>Table.Of("caption", ["a", "b"], [1, 2.5], [3, 4.5])</c>.</summary>
    public static Table Of(string caption, IReadOnlyList<string> headers, params IReadOnlyList<object?>[] rows) => new(caption, headers, rows);

    /// <summary>The caption.</summary>
    public string Caption { get; }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>How many rows were added.</summary>
    public int RowCount => rows.Count;

    /// <summary>Number format for doubles and matrix entries; four decimals unless set.</summary>
    public string Format { get; init; } = Html.DefaultFormat;

    /// <summary>Entries shown per matrix cell before the middle ones are elided.</summary>
    public int MaxEntries { get; init; } = 6;

    /// <summary>The cells as printed, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows =>
        rows.Select(r => (IReadOnlyList<string>)r.Cells.Select((c, j) => CellText(c, FormatOf(j))).ToArray()).ToArray();

    /// <summary>Per column: true when it holds only numbers (and blanks), which are right-aligned.</summary>
    public IReadOnlyList<bool> RightAligned =>
        Headers.Select((_, j) => rows.All(r => IsNumberOrBlank(r.Cells[j]))).ToArray();

    /// <summary>Adds a row, one cell per header: text, a number, a <see cref="Measured"/> number, a <see cref="Shape"/> or a matrix. Returns the table.</summary>
    public Table Add(params object?[] cells) => AddRow(false, cells);

    /// <summary>Adds a row drawn in red: a loss derivative ∂L that the layer below receives.</summary>
    public Table AddPassedDown(params object?[] cells) => AddRow(true, cells);

    /// <summary>Draws the column under <paramref name="header"/> in red: it holds the ∂L passed down.</summary>
    public Table MarkPassedDown(string header)
    {
        redColumns.Add(IndexOf(header));
        return this;
    }

    /// <summary>
    /// Uses <paramref name="format"/> for the numbers under <paramref name="header"/>, e.g.
    /// "0.00e+0" for a ΔW column whose entries are thousands of times smaller than W's.
    /// </summary>
    public Table FormatColumn(string header, string format)
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

    private Table AddRow(bool passedDown, object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Headers.Count)
            throw new ArgumentException($"Row {rows.Count} has {cells.Length} cells; the table has {Headers.Count} columns ({string.Join(", ", Headers)})", nameof(cells));
        rows.Add((passedDown, cells));
        return this;
    }

    private static bool IsNumberOrBlank(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0 || text == "–",
        double or float or int or long or decimal or Measured => true,
        _ => false,
    };

    /// <inheritdoc />
    public string ToHtml()
    {
        var right = RightAligned;
        var html = new StringBuilder(Html.TableStyle)
            .Append("<style>.bp-lesson td{vertical-align:top}.bp-lesson caption{white-space:nowrap}.bp-lesson .bp-shape{color:#666;font-size:11px}")
            .Append(".bp-lesson table.bp-mini{border-collapse:collapse;margin:0;font-size:12px}.bp-lesson table.bp-mini td{border:none;padding:0 4px;white-space:nowrap}</style>")
            .Append("<table class=\"bp-table bp-lesson\">");
        if (Caption.Length > 0) html.Append("<caption>").Append(Html.Escape(Caption)).Append("</caption>");
        html.Append("<tr>");
        for (var j = 0; j < Headers.Count; j++)
            html.Append(Open("th", right[j], redColumns.Contains(j))).Append(Html.Escape(Headers[j])).Append("</th>");
        html.Append("</tr>");
        foreach (var (passedDown, cells) in rows)
        {
            html.Append(passedDown ? "<tr class=\"bp-passed-down\">" : "<tr>");
            for (var j = 0; j < cells.Length; j++)
                html.Append(Open("td", right[j], passedDown || redColumns.Contains(j))).Append(CellHtml(cells[j], FormatOf(j))).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    private static string Open(string tag, bool rightAligned, bool red) =>
        $"<{tag}{(rightAligned ? "" : " class=\"bp-left\"")}{(red ? " style=\"color:" + PassedDownColor + ";font-weight:bold\"" : "")}>";

    private string CellHtml(object? cell, string format)
    {
        if (cell is Measured measured) return measured.ToHtml(); // differs on every run: --check skips it
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
        float f => Html.Number(f, format),
        Matrix<double> m => Shape.Of(m) + " [" + string.Join("; ", Entries(m, format).Select(r => string.Join(" ", r))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <inheritdoc />
    public string ToText()
    {
        var cells = new[] { Headers.ToArray() }.Concat(Rows.Select(r => r.ToArray())).ToArray();
        var widths = Headers.Select((_, j) => cells.Max(r => r[j].Length)).ToArray();
        var text = new StringBuilder();
        if (Caption.Length > 0) text.AppendLine(Caption);
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(i > 0 && rows[i - 1].PassedDown ? "▶ " : "  ")
                .AppendJoin("  ", cells[i].Select((c, j) => c.PadRight(widths[j]))).AppendLine();
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
