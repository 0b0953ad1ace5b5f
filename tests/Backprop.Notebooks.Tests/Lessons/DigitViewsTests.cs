using System.Xml.Linq;

namespace Backprop.Notebooks.Tests.Lessons;

public class DigitViewsTests
{
    /// <summary>Three hand-made digits: a blank image (0), a full one (1) and a vertical bar (7).</summary>
    private static Digits Sample()
    {
        var x = Matrix<double>.Build.Dense(3, 64, (i, p) => i switch { 0 => 0, 1 => 1, _ => p % 8 == 3 ? 1 : 0 });
        int[] labels = [0, 1, 7];
        return new Digits(new Dataset("sample", x, Classification.OneHot(labels, 10)), labels);
    }

    private static XElement Svg(string html) => XElement.Parse(html[html.IndexOf("<svg", StringComparison.Ordinal)..(html.LastIndexOf("</svg>", StringComparison.Ordinal) + 6)]);

    [Fact]
    public void The_grid_draws_one_square_per_inked_pixel_and_a_caption_per_image()
    {
        var html = Sample().Grid().ToHtml();
        var svg = Svg(html);
        var tiles = svg.Elements().Where(e => (string?)e.Attribute("class") == "bp-digit").ToArray();
        Assert.Equal(3, tiles.Length);
        // Each tile: its frame, one rect per pixel with ink, and the caption.
        Assert.Equal(1, tiles[0].Elements().Count(e => e.Name.LocalName == "rect"));
        Assert.Equal(1 + 64, tiles[1].Elements().Count(e => e.Name.LocalName == "rect"));
        Assert.Equal(1 + 8, tiles[2].Elements().Count(e => e.Name.LocalName == "rect"));
        Assert.Equal(["0", "1", "7"], tiles.Select(t => t.Elements().Single(e => e.Name.LocalName == "text").Value));
        Assert.Contains("The first 3 of 3 images, with their labels", html);
    }

    [Fact]
    public void Ink_is_dark_and_paper_is_white()
    {
        Assert.Equal("#ffffff", DigitGrid.Grey(0));
        Assert.Equal("#1e1e1e", DigitGrid.Grey(1));
        Assert.Equal("#ffffff", DigitGrid.Grey(double.NaN));
    }

    [Fact]
    public void The_text_form_is_ascii_art_with_captions()
    {
        var lines = Sample().Grid().ToText().Split(Environment.NewLine);
        Assert.Equal("The first 3 of 3 images, with their labels", lines[0]);
        Assert.Equal("          @@@@@@@@     @    ", lines[1]);
        Assert.Equal("0         1         7       ", lines[9]);
    }

    [Fact]
    public void The_grid_checks_the_images_width_and_the_captions_count()
    {
        Assert.Throws<ShapeException>(() => DigitViews.Grid(Matrix<double>.Build.Dense(2, 63)));
        Assert.Throws<ArgumentException>(() => DigitViews.Grid(Matrix<double>.Build.Dense(2, 64), ["only one"]));
        Assert.Equal(2, DigitViews.Grid(Matrix<double>.Build.Dense(5, 64), count: 2).Tiles.Count);
    }

    [Fact]
    public void The_mistakes_gallery_shows_only_wrong_guesses_as_actual_then_guess()
    {
        // Identity output on 10 inputs: the guess is the column of the largest pixel among the first 10.
        var w = Matrix<double>.Build.Dense(64, 10, (i, j) => i == j ? 1 : 0);
        var net = Network.FromWeights([w], [Activation.Identity]);
        var x = Matrix<double>.Build.Dense(3, 64, (i, p) => p == new[] { 2, 5, 9 }[i] ? 1 : 0);
        var data = new Dataset("hand-made", x, Classification.OneHot([2, 4, 8], 10));
        var gallery = DigitViews.Mistakes(net, data);
        Assert.Equal(["4 → 5", "8 → 9"], gallery.Tiles.Select(t => t.Caption));
        Assert.StartsWith("hand-made: 2 of 3 read wrong; under each, actual → guess", gallery.Title, StringComparison.Ordinal);
        Assert.Contains("the first 1 shown", DigitViews.Mistakes(net, data, max: 1).Title);
    }

    [Fact]
    public void The_confusion_heatmap_shades_right_answers_blue_and_mistakes_red()
    {
        var m = ConfusionMatrix.From([0, 0, 0, 1, 1], [0, 0, 1, 1, 1], 2);
        var view = m.View("Hand-made");
        Assert.Equal("#ffffff", view.Fill(1, 0));            // no 1 was taken for a 0
        Assert.StartsWith("#", view.Fill(0, 1));
        Assert.Equal("#2166ac", view.Fill(1, 1));            // 2 of 2 right: the full blue
        var svg = Svg(view.ToHtml());
        Assert.Equal(4, svg.Elements().Count(e => (string?)e.Attribute("class") == "bp-cell"));
        Assert.Contains("Hand-made: 4 of 5 right (80.0 %)", view.ToHtml());
        Assert.Contains("67 %", view.ToHtml());              // row 0: 2 of 3 right
    }

    [Fact]
    public void The_confusion_text_lists_counts_with_dots_for_empty_mistakes()
    {
        var text = ConfusionMatrix.From([0, 0, 0, 1, 1], [0, 0, 1, 1, 1], 2).View("T").ToText();
        var lines = text.Split(Environment.NewLine);
        Assert.Equal("T: 4 of 5 right (80.0 %)", lines[0]);
        Assert.Equal("  0   2  1", lines[3]);
        Assert.Equal("  1   .  2", lines[4]);
    }
}
