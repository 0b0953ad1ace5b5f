using System.IO.Compression;
using System.Text;

namespace Backprop.Tests;

/// <summary>The digits loader: the shipped file, and each kind of broken file written to a temp folder.</summary>
public sealed class DigitsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digits-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>One line of the file: 64 pixels (pixel p is p % 17) and the label.</summary>
    private static string Line(int label, int pixels = Digits.Pixels) =>
        string.Join(",", Enumerable.Range(0, pixels).Select(p => p % 17)) + "," + label;

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Optimal);
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        else
        {
            File.WriteAllText(path, text);
        }

        return path;
    }

    private static string Message(Action load) => Assert.Throws<DataFormatException>(load).Message;

    [Fact]
    public void A_good_file_gives_X_scaled_to_0_1_one_hot_Y_and_the_labels()
    {
        var path = Write("good.csv.gz", Line(3) + "\n" + Line(0) + "\n" + Line(9) + "\n");
        var digits = Digits.Load(path);

        Assert.Equal(new Shape(3, 64), Shape.Of(digits.Data.X));
        Assert.Equal(new Shape(3, 10), Shape.Of(digits.Data.Y));
        Assert.Equal([3, 0, 9], digits.Labels);
        Assert.Equal(16 / 16.0, digits.Data.X[0, 16]);
        Assert.Equal(5 / 16.0, digits.Data.X[1, 5]);
        Assert.All(digits.Data.X.Enumerate(), v => Assert.InRange(v, 0, 1));
        Assert.Equal([0.0, 0, 0, 1, 0, 0, 0, 0, 0, 0], digits.Data.Y.Row(0).ToArray());
        Assert.Equal(1.0, digits.Data.Y[2, 9]);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1.0, digits.Data.Y.Row(i).Sum()));
    }

    [Fact]
    public void A_plain_csv_file_reads_the_same_as_the_gzip_one()
    {
        var text = Line(1) + "\n" + Line(7) + "\n";
        var plain = Digits.Load(Write("plain.csv", text));
        var zipped = Digits.Load(Write("zipped.csv.gz", text));
        Assert.Equal(zipped.Data.X, plain.Data.X);
        Assert.Equal(zipped.Labels, plain.Labels);
    }

    [Fact]
    public void An_image_is_its_row_of_X_folded_back_into_8_by_8()
    {
        var digits = Digits.Load(Write("one.csv", Line(4) + "\n"));
        var image = digits.Image(0);
        Assert.Equal(new Shape(8, 8), Shape.Of(image));
        Assert.Equal(digits.Data.X[0, 8 * 2 + 5], image[2, 5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => digits.Image(1));
    }

    [Fact]
    public void A_wrong_number_of_values_names_the_line_and_both_counts()
    {
        var path = Write("digits.csv.gz", Line(1) + "\n" + Line(2, pixels: 62) + "\n");
        Assert.Equal("digits.csv.gz line 2: expected 65 comma-separated values (64 pixels and a label), found 63", Message(() => Digits.Load(path)));
        Assert.Equal(2, Assert.Throws<DataFormatException>(() => Digits.Load(path)).Line);
    }

    [Fact]
    public void An_empty_line_is_named_as_such()
    {
        var path = Write("digits.csv", Line(1) + "\n\n" + Line(2) + "\n");
        Assert.Equal("digits.csv line 2: expected 65 comma-separated values (64 pixels and a label), found an empty line", Message(() => Digits.Load(path)));
    }

    [Fact]
    public void A_pixel_outside_0_to_16_names_the_line_and_the_pixel()
    {
        var values = Line(5).Split(',');
        values[10] = "17";
        var path = Write("digits.csv.gz", Line(1) + "\n" + string.Join(",", values) + "\n");
        Assert.Equal("digits.csv.gz line 2: pixel 10 (row 1, column 2) is 17; pixels are counted from 0 to 16", Message(() => Digits.Load(path)));
    }

    [Fact]
    public void A_value_that_is_not_a_whole_number_is_quoted()
    {
        var values = Line(5).Split(',');
        values[0] = "x";
        var path = Write("digits.csv", string.Join(",", values) + "\n");
        Assert.Equal("digits.csv line 1: pixel 0 (row 0, column 0) is \"x\", which is not a whole number", Message(() => Digits.Load(path)));
    }

    [Fact]
    public void A_label_outside_0_to_9_names_the_line()
    {
        var path = Write("digits.csv.gz", Line(1) + "\n" + Line(2) + "\n" + Line(12) + "\n");
        Assert.Equal("digits.csv.gz line 3: the label (value 65) is 12; a label is a digit from 0 to 9", Message(() => Digits.Load(path)));
    }

    [Theory]
    [InlineData("digits.csv.gz", false)]   // a file of 0 bytes
    [InlineData("digits.csv.gz", true)]    // a complete gzip file of no text
    [InlineData("digits.csv", false)]
    public void An_empty_file_says_what_it_should_hold(string name, bool zipEmptyText)
    {
        var path = Path.Combine(folder, name);
        if (zipEmptyText)
        {
            using var gzip = new GZipStream(File.Create(path), CompressionLevel.Optimal);
            gzip.Flush();
        }
        else
        {
            File.WriteAllBytes(path, []);
        }

        Assert.Equal($"{name} is empty: expected one line per image, 64 pixels and a label separated by commas.", Message(() => Digits.Load(path)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void A_truncated_gzip_file_is_reported_as_incomplete(double keep)
    {
        var whole = Write("whole.csv.gz", string.Concat(Enumerable.Range(0, 200).Select(i => Line(i % 10) + "\n")));
        var bytes = File.ReadAllBytes(whole);
        var path = Path.Combine(folder, "digits.csv.gz");
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
        var message = Message(() => Digits.Load(path));
        Assert.StartsWith("digits.csv.gz is not a complete gzip file: it is truncated or damaged", message, StringComparison.Ordinal);
        Assert.EndsWith("Restore it from the repository.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_its_full_path()
    {
        var path = Path.Combine(folder, "nowhere", "digits.csv.gz");
        var e = Assert.Throws<FileNotFoundException>(() => Digits.Load(path));
        Assert.StartsWith($"digits.csv.gz: no such file at {path}. The course keeps it in notebooks/data/", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.FileName);
    }

    [Fact]
    public void The_shipped_file_holds_1797_digits_of_every_class()
    {
        var digits = Digits.Load(Backprop.Testing.RepoPaths.File("notebooks", "data", "digits.csv.gz"));
        Assert.Equal(1797, digits.Count);
        Assert.Equal(new Shape(1797, 64), Shape.Of(digits.Data.X));
        Assert.Equal(new Shape(1797, 10), Shape.Of(digits.Data.Y));
        Assert.All(Enumerable.Range(0, 10), d => Assert.InRange(digits.Labels.Count(l => l == d), 170, 190));
        Assert.Equal(digits.Labels, Classification.ArgMax(digits.Data.Y));
        Assert.Equal(1.0, digits.Data.X.Enumerate().Max());
        Assert.Equal(0.0, digits.Data.X.Enumerate().Min());
    }
}
