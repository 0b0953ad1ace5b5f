using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Backprop.Data;

/// <summary>
/// The 8×8 handwritten digits of UCI's "Optical Recognition of Handwritten Digits" (E. Alpaydin
/// and C. Kaynak, 1998; CC BY 4.0). Each image is 8×8 = 64 pixels, each pixel a count from 0
/// (no ink) to 16 (full ink); a file holds one image per line: the 64 pixels row by row, then the
/// digit 0–9, separated by commas. <see cref="Load"/> scales the pixels to [0, 1] and writes each
/// digit as a one-hot row of 10, the shape a 10-neuron output layer produces.
/// </summary>
/// <param name="Data">X (n×64): pixels in [0, 1], row by row; Y (n×10): one-hot, Y[i, d] = 1 when image i shows digit d.</param>
/// <param name="Labels">The digit each image shows, 0–9.</param>
public sealed record Digits(Dataset Data, IReadOnlyList<int> Labels)
{
    /// <summary>Pixels per side of an image: 8.</summary>
    public const int Side = 8;

    /// <summary>Pixels per image, 8×8 = 64: the input layer's size.</summary>
    public const int Pixels = Side * Side;

    /// <summary>The ten digits 0–9: the output layer's size.</summary>
    public const int Classes = 10;

    /// <summary>The largest pixel count in the file (full ink); pixels are divided by it.</summary>
    public const int MaxPixel = 16;

    /// <summary>n, the number of images.</summary>
    public int Count => Data.Count;

    /// <summary>Image <paramref name="i"/> as the 8×8 picture it was before it was unrolled into a row of X.</summary>
    public Matrix<double> Image(int i)
    {
        if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException(nameof(i), i, $"There are images 0 to {Count - 1}");
        return Matrix<double>.Build.Dense(Side, Side, (r, c) => Data.X[i, r * Side + c]);
    }

    /// <summary>
    /// Reads a digits file: plain CSV, or gzip-compressed when its name ends in ".gz". Throws
    /// <see cref="FileNotFoundException"/> when it does not exist and <see cref="DataFormatException"/>
    /// (naming the line) when a line is not 64 pixels from 0 to 16 and a label from 0 to 9, when the
    /// file is empty, or when the gzip data is truncated or damaged.
    /// </summary>
    /// <param name="path">The file, e.g. "data/digits.csv.gz" from the notebooks folder.</param>
    public static Digits Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{name}: no such file at {Path.GetFullPath(path)}. The course keeps it in notebooks/data/; " +
                "a relative path is read from the current folder, which is the notebook's folder in a notebook.", path);
        }

        using var file = File.OpenRead(path);
        if (file.Length == 0) throw Empty(name);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return Read(new StreamReader(file), name);
        // Reading everything first keeps a damaged archive's error apart from a bad line.
        var text = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            gzip.CopyTo(text);
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(name, 0, $"{name} is not a complete gzip file: it is truncated or damaged ({e.Message}). Restore it from the repository.", e);
        }
        CheckGzipLength(file, text.Length, name);
        text.Position = 0;
        return Read(new StreamReader(text), name);
    }

    /// <summary>
    /// Reads digits from text in the file's format (see <see cref="Load"/>); <paramref name="name"/>
    /// is the source's name in error messages.
    /// </summary>
    public static Digits Read(TextReader reader, string name = "digits")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<double[]>();
        var labels = new List<int>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var (pixels, label) = ParseLine(line, number, name);
            rows.Add(pixels);
            labels.Add(label);
        }
        if (rows.Count == 0) throw Empty(name);
        var x = Matrix<double>.Build.Dense(rows.Count, Pixels, (i, j) => rows[i][j] / MaxPixel);
        var dataset = new Dataset(name.Split('.')[0], x, Classification.OneHot(labels, Classes));
        return new Digits(dataset, labels.ToArray());
    }

    private static DataFormatException Empty(string name) =>
        new(name, 0, $"{name} is empty: expected one line per image, {Pixels} pixels and a label separated by commas.");

    /// <summary>One line: 64 whole numbers 0–16, then a digit 0–9.</summary>
    private static (double[] Pixels, int Label) ParseLine(string line, int number, string name)
    {
        var where = $"{name} line {number}";
        if (string.IsNullOrWhiteSpace(line))
            throw new DataFormatException(name, number, $"{where}: expected {Pixels + 1} comma-separated values ({Pixels} pixels and a label), found an empty line");
        var values = line.Split(',');
        if (values.Length != Pixels + 1)
            throw new DataFormatException(name, number, $"{where}: expected {Pixels + 1} comma-separated values ({Pixels} pixels and a label), found {values.Length}");
        var pixels = new double[Pixels];
        for (var p = 0; p < Pixels; p++)
        {
            var value = WholeNumber(values[p], number, name, $"pixel {p} (row {p / Side}, column {p % Side})");
            if (value is < 0 or > MaxPixel)
                throw new DataFormatException(name, number, $"{where}: pixel {p} (row {p / Side}, column {p % Side}) is {value}; pixels are counted from 0 to {MaxPixel}");
            pixels[p] = value;
        }
        var label = WholeNumber(values[Pixels], number, name, "the label (value 65)");
        if (label is < 0 or >= Classes)
            throw new DataFormatException(name, number, $"{where}: the label (value 65) is {label}; a label is a digit from 0 to {Classes - 1}");
        return (pixels, label);
    }

    private static int WholeNumber(string text, int number, string name, string what)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            && value == Math.Round(value) && Math.Abs(value) < int.MaxValue)
        {
            return (int)value;
        }

        throw new DataFormatException(name, number, $"{name} line {number}: {what} is \"{text.Trim()}\", which is not a whole number");
    }

    /// <summary>
    /// A gzip file ends with the uncompressed length (mod 2³²): a file cut short ends with other
    /// bytes, even when the decompressor stopped quietly at the cut.
    /// </summary>
    private static void CheckGzipLength(FileStream file, long length, string name)
    {
        var size = new byte[4];
        if (file.Length >= 18)
        {
            file.Seek(-4, SeekOrigin.End);
            file.ReadExactly(size);
        }
        if (file.Length < 18 || BinaryPrimitives.ReadUInt32LittleEndian(size) != (uint)length)
        {
            throw new DataFormatException(name, 0, $"{name} is not a complete gzip file: it is truncated or damaged " +
                $"(its last bytes do not record the {length} bytes it unpacked to). Restore it from the repository.");
        }
    }
}
