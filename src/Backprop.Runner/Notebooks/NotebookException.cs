namespace Backprop.Runner.Notebooks;

/// <summary>A notebook that cannot run: the message names the file and what is wrong.</summary>
public sealed class NotebookException : Exception
{
    /// <summary>Creates the exception with its complete message.</summary>
    public NotebookException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message (for serializers).</summary>
    public NotebookException()
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NotebookException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
