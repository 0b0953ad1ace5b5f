using System.Globalization;

namespace Backprop.Notebooks;

/// <summary>
/// A number measured on this machine, such as steps per second: it differs on every run. In a
/// <see cref="Table"/> its HTML is wrapped in <c>&lt;span data-volatile&gt;</c>, the mark that the
/// runner's <c>--check</c> compares as a placeholder, so everything around it still has to reproduce.
/// </summary>
/// <param name="Value">The measurement.</param>
/// <param name="Format">How it prints, e.g. "N0" (12,345) or "0.0".</param>
/// <param name="Unit">Printed after the number, e.g. "µs"; empty for none.</param>
public sealed record Measured(double Value, string Format = "N0", string Unit = "")
{
    /// <summary>The number, culture-invariant, with its unit.</summary>
    public override string ToString() =>
        Value.ToString(Format, CultureInfo.InvariantCulture) + (Unit.Length > 0 ? " " + Unit : "");

    /// <summary>The number in a volatile span, escaped.</summary>
    public string ToHtml() => $"<span data-volatile>{Html.Escape(ToString())}</span>";
}
