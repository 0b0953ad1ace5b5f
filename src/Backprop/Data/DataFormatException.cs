namespace Backprop.Data;

/// <summary>
/// Thrown when a data file cannot be read as the data set it should hold. The message names the
/// file, the line (from 1) and what was expected, e.g.
/// "digits.csv.gz line 17: expected 65 comma-separated values (64 pixels and a label), found 63".
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="line"/> of <paramref name="file"/>.</summary>
    /// <param name="file">The file's name, as the message shows it.</param>
    /// <param name="line">The line (from 1) that is wrong; 0 when the problem is the whole file.</param>
    /// <param name="message">The complete message.</param>
    /// <param name="inner">The exception that revealed the problem, if any.</param>
    public DataFormatException(string file, int line, string message, Exception? inner = null) : base(message, inner)
    {
        File = file;
        Line = line;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DataFormatException(string message) : base(message) => File = "";

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DataFormatException(string message, Exception inner) : base(message, inner) => File = "";

    /// <summary>Creates the exception with a generic message.</summary>
    public DataFormatException() : base("The data file is not in the expected format") => File = "";

    /// <summary>The file's name, e.g. "digits.csv.gz".</summary>
    public string File { get; }

    /// <summary>The line (from 1) that is wrong; 0 when the problem is the whole file (empty, truncated).</summary>
    public int Line { get; }
}
