using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// A matrix as the course prints it: a header with its name and shape "W_L97 (2×4)", then the
/// values at a fixed precision. A large matrix shows its first and last rows and columns with
/// ⋮ and … in between, so a (64×5) batch stays one screen high while its shape stays visible.
/// </summary>
public sealed class MatrixView : IView
{
    /// <summary>Shows <paramref name="matrix"/> under <paramref name="name"/>.</summary>
    /// <param name="name">What the matrix is, e.g. "W_L97" or "O_L100".</param>
    /// <param name="matrix">The values.</param>
    /// <param name="maxRows">Rows shown before the middle ones are elided.</param>
    /// <param name="maxColumns">Columns shown before the middle ones are elided.</param>
    /// <param name="format">Number format, culture-invariant; four decimals by default.</param>
    public MatrixView(string name, Matrix<double> matrix, int maxRows = 10, int maxColumns = 8, string format = Html.DefaultFormat)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (maxRows < 2) throw new ArgumentOutOfRangeException(nameof(maxRows), maxRows, "Show at least 2 rows (first and last)");
        if (maxColumns < 2) throw new ArgumentOutOfRangeException(nameof(maxColumns), maxColumns, "Show at least 2 columns (first and last)");
        Name = name ?? "";
        Matrix = matrix;
        Rows = Visible(matrix.RowCount, maxRows);
        Columns = Visible(matrix.ColumnCount, maxColumns);
        Format = format;
    }

    /// <summary>The matrix's name.</summary>
    public string Name { get; }

    /// <summary>The values shown.</summary>
    public Matrix<double> Matrix { get; }

    /// <summary>"W_L97 (2×4)".</summary>
    public string Header => Name.Length == 0 ? Shape.Of(Matrix).ToString() : $"{Name} {Shape.Of(Matrix)}";

    private IReadOnlyList<int?> Rows { get; }

    private IReadOnlyList<int?> Columns { get; }

    private string Format { get; }

    /// <summary>
    /// The indices to show: all of them when they fit, else the first half and the last half of
    /// <paramref name="max"/> with null marking the elided middle.
    /// </summary>
    internal static IReadOnlyList<int?> Visible(int count, int max)
    {
        if (count <= max) return Enumerable.Range(0, count).Select(i => (int?)i).ToArray();
        var head = (max + 1) / 2;
        var tail = max - head;
        return [.. Enumerable.Range(0, head).Select(i => (int?)i), null, .. Enumerable.Range(count - tail, tail).Select(i => (int?)i)];
    }

    /// <inheritdoc />
    public string ToHtml() => Html.TableStyle + TableHtml();

    /// <summary>The table without the shared style, for views that show many matrices under one style.</summary>
    internal string TableHtml()
    {
        var html = new StringBuilder();
        html.Append("<table class=\"bp-table bp-matrix\" data-rows=\"").Append(Matrix.RowCount)
            .Append("\" data-columns=\"").Append(Matrix.ColumnCount).Append("\"><caption>")
            .Append(Html.Escape(Header)).Append("</caption>");
        foreach (var r in Rows)
        {
            html.Append("<tr>");
            foreach (var c in Columns)
            {
                html.Append(r is null || c is null ? "<td class=\"bp-elided\">" + (r is null ? "⋮" : "…") + "</td>"
                    : "<td>" + Html.Escape(Html.Number(Matrix[r.Value, c.Value], Format)) + "</td>");
            }

            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <inheritdoc />
    public string ToText()
    {
        var cells = Rows.Select(r => Columns.Select(c => r is null ? "⋮" : c is null ? "…"
            : Html.Number(Matrix[r.Value, c.Value], Format)).ToArray()).ToArray();
        var widths = Columns.Select((_, j) => cells.Max(row => row[j].Length)).ToArray();
        var text = new StringBuilder(Header).AppendLine();
        foreach (var row in cells)
            text.Append("  ").AppendJoin("  ", row.Select((cell, j) => cell.PadLeft(widths[j]))).AppendLine();
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
