using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// The digits lesson's pictures: a grid of 8×8 images with a caption under each, the gallery of
/// images the network got wrong (with its guess), and the confusion matrix as a heatmap.
/// </summary>
public static class DigitViews
{
    /// <summary>The first <paramref name="count"/> images with their digit under each.</summary>
    public static DigitGrid Grid(this Digits digits, int count = 30, int columns = 10)
    {
        ArgumentNullException.ThrowIfNull(digits);
        count = Math.Min(count, digits.Count);
        return new DigitGrid($"The first {Html.Number(count)} of {Html.Number(digits.Count)} images, with their labels",
            Enumerable.Range(0, count).Select(i => new DigitTile(digits.Data.X.Row(i).ToArray(), Html.Number(digits.Labels[i]))).ToArray(),
            columns);
    }

    /// <summary>
    /// Rows of X (n×64), one image each, captioned with <paramref name="captions"/> (one per row,
    /// or none); at most <paramref name="count"/> of them.
    /// </summary>
    public static DigitGrid Grid(Matrix<double> images, IReadOnlyList<string>? captions = null, string title = "", int count = 30, int columns = 10)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.ColumnCount != Digits.Pixels)
            throw new ShapeException($"images {Shape.Of(images)} must have {Digits.Pixels} columns, one per pixel of an 8×8 image");
        if (captions is not null && captions.Count != images.RowCount)
            throw new ArgumentException($"{captions.Count} captions for {images.RowCount} images", nameof(captions));
        var tiles = Enumerable.Range(0, Math.Min(count, images.RowCount))
            .Select(i => new DigitTile(images.Row(i).ToArray(), captions?[i] ?? "")).ToArray();
        return new DigitGrid(title, tiles, columns);
    }

    /// <summary>
    /// Every instance of <paramref name="data"/> (Y one-hot) the network gets wrong, up to
    /// <paramref name="max"/>, captioned "actual → guess", e.g. "4 → 9" for a 4 taken for a 9.
    /// </summary>
    public static DigitGrid Mistakes(Network network, Dataset data, int max = 30, int columns = 10)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        var actual = Classification.ArgMax(data.Y);
        var guessed = Classification.Predict(network, data.X);
        var wrong = Enumerable.Range(0, data.Count).Where(i => actual[i] != guessed[i]).ToArray();
        var tiles = wrong.Take(max).Select(i => new DigitTile(data.X.Row(i).ToArray(), $"{actual[i]} → {guessed[i]}")).ToArray();
        var shown = wrong.Length > max ? $", the first {Html.Number(max)} shown" : "";
        return new DigitGrid($"{data.Name}: {Html.Number(wrong.Length)} of {Html.Number(data.Count)} read wrong{shown}; under each, actual → guess", tiles, columns);
    }

    /// <summary>The confusion matrix as a heatmap: rows are the actual digits, columns the guesses.</summary>
    public static ConfusionMatrixView View(this ConfusionMatrix confusion, string title = "Confusion matrix") => new(confusion, title);
}

/// <summary>One image of a <see cref="DigitGrid"/>: 64 pixels in [0, 1] and its caption.</summary>
/// <param name="Pixels">The 8×8 image row by row, 0 = no ink, 1 = full ink.</param>
/// <param name="Caption">Under the image, e.g. "7" or "4 → 9".</param>
public sealed record DigitTile(IReadOnlyList<double> Pixels, string Caption);

/// <summary>
/// Images drawn as 8×8 squares of grey (darker = more ink), in rows of <see cref="Columns"/>, each
/// with its caption: a picture in the notebook, ASCII art as text.
/// </summary>
public sealed class DigitGrid : IView
{
    private const int Cell = 6, Gap = 12, CaptionHeight = 16;
    private const int TileSize = Digits.Side * Cell;

    /// <summary>A grid of <paramref name="tiles"/>.</summary>
    public DigitGrid(string title, IReadOnlyList<DigitTile> tiles, int columns = 10)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A grid needs at least one column");
        foreach (var tile in tiles)
        {
            if (tile.Pixels.Count != Digits.Pixels)
                throw new ArgumentException($"An image has {Digits.Pixels} pixels; got {tile.Pixels.Count}", nameof(tiles));
        }

        Title = title ?? "";
        Tiles = tiles;
        Columns = columns;
    }

    /// <summary>Above the grid.</summary>
    public string Title { get; }

    /// <summary>The images, in reading order.</summary>
    public IReadOnlyList<DigitTile> Tiles { get; }

    /// <summary>Images per row.</summary>
    public int Columns { get; }

    /// <summary>The grey of a pixel: 0 (no ink) is white, 1 (full ink) is near black.</summary>
    internal static string Grey(double value)
    {
        var shade = (int)Math.Round(255 - 225 * Math.Clamp(double.IsFinite(value) ? value : 0, 0, 1));
        return $"#{shade:x2}{shade:x2}{shade:x2}";
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"bp-digits\">");
        if (Title.Length > 0) html.Append("<div style=\"font-weight:bold;margin:2px 0\">").Append(Html.Escape(Title)).Append("</div>");
        if (Tiles.Count == 0) return html.Append("<div>(no images)</div></div>").ToString();
        var columns = Math.Min(Columns, Tiles.Count);
        var rows = (Tiles.Count + columns - 1) / columns;
        var width = columns * (TileSize + Gap);
        var height = rows * (TileSize + CaptionHeight + Gap);
        html.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">");
        for (var t = 0; t < Tiles.Count; t++)
        {
            var x0 = t % columns * (TileSize + Gap) + Gap / 2;
            var y0 = t / columns * (TileSize + CaptionHeight + Gap) + Gap / 2;
            html.Append($"<g class=\"bp-digit\"><rect x=\"{x0 - 1}\" y=\"{y0 - 1}\" width=\"{TileSize + 2}\" height=\"{TileSize + 2}\" fill=\"white\" stroke=\"#bbb\"/>");
            for (var p = 0; p < Digits.Pixels; p++)
            {
                if (Tiles[t].Pixels[p] > 0)
                    html.Append($"<rect x=\"{x0 + p % Digits.Side * Cell}\" y=\"{y0 + p / Digits.Side * Cell}\" width=\"{Cell}\" height=\"{Cell}\" fill=\"{Grey(Tiles[t].Pixels[p])}\"/>");
            }

            html.Append($"<text x=\"{x0 + TileSize / 2}\" y=\"{y0 + TileSize + 13}\" text-anchor=\"middle\">{Html.Escape(Tiles[t].Caption)}</text></g>");
        }
        return html.Append("</svg></div>").ToString();
    }

    /// <inheritdoc />
    public string ToText()
    {
        const string ink = " .:-=+*#%@";
        var text = new StringBuilder();
        if (Title.Length > 0) text.AppendLine(Title);
        for (var start = 0; start < Tiles.Count; start += Columns)
        {
            var row = Tiles.Skip(start).Take(Columns).ToArray();
            for (var r = 0; r < Digits.Side; r++)
            {
                text.AppendJoin("  ", row.Select(tile => new string(Enumerable.Range(0, Digits.Side)
                    .Select(c => ink[(int)Math.Round(Math.Clamp(tile.Pixels[r * Digits.Side + c], 0, 1) * (ink.Length - 1))]).ToArray()))).AppendLine();
            }

            text.AppendJoin("  ", row.Select(tile => tile.Caption.PadRight(Digits.Side)[..Math.Max(Digits.Side, tile.Caption.Length)])).AppendLine().AppendLine();
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
