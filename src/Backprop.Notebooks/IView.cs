namespace Backprop.Notebooks;

/// <summary>
/// Something the course shows: HTML for a notebook's output, plain text for consoles, logs and
/// tests. Both say the same thing; the registered formatters pick the one the front end wants.
/// </summary>
public interface IView
{
    /// <summary>An HTML fragment, every value escaped, readable without scripts.</summary>
    string ToHtml();

    /// <summary>The same content as plain text, culture-invariant.</summary>
    string ToText();
}
