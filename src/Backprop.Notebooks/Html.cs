using System.Globalization;
using Backprop.Shared;

namespace Backprop.Notebooks;

/// <summary>Small helpers every view shares: escaping and culture-invariant numbers.</summary>
internal static class Html
{
    /// <summary>The course's default precision: four decimals, "0.1234".</summary>
    public const string DefaultFormat = "0.0000";

    /// <summary>
    /// Text made safe to put between tags or in an attribute: only &amp; &lt; &gt; " ' are
    /// replaced, so "(8×2)" and "∂L/∂W" stay readable in the stored notebook (the shared
    /// <see cref="HtmlEscape"/>, also used by the site).
    /// </summary>
    public static string Escape(string? text) => HtmlEscape.Text(text);

    /// <summary>A number in the invariant culture; NaN and ∞ spelled out.</summary>
    public static string Number(double value, string format = DefaultFormat) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "∞"
        : double.IsNegativeInfinity(value) ? "−∞"
        : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// A number with three significant digits where it matters: "0.123", "−0.040", and
    /// "−3.21e-4" for small values that fixed decimals would print as a misleading 0.000.
    /// </summary>
    public static string Significant(double value) =>
        value != 0 && double.IsFinite(value) && Math.Abs(value) < 0.01 ? Number(value, "0.00e+0") : Number(value, "0.000");

    /// <summary>An integer in the invariant culture.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration the way a learner reads it: "850 ms" or "2.31 s".</summary>
    public static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds < 1
        ? Number(elapsed.TotalMilliseconds, "0") + " ms"
        : Number(elapsed.TotalSeconds, "0.00") + " s";

    /// <summary>
    /// The few style rules the tables share; scoped by class so they never restyle the notebook.
    /// Front ends that strip styles still get plain, readable tables.
    /// </summary>
    public const string TableStyle =
        "<style>.bp-table{border-collapse:collapse;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;margin:4px 0}" +
        ".bp-table th,.bp-table td{padding:2px 8px;border:1px solid #ddd;text-align:right}" +
        ".bp-table td.bp-left,.bp-table th.bp-left{text-align:left}" +
        ".bp-table caption{text-align:left;font-weight:bold;padding:2px 0}" +
        ".bp-table .bp-elided{color:#888;text-align:center}" +
        ".bp-table tr.bp-section th{background:#f0f0f0;text-align:left}" +
        ".bp-op{font-weight:bold;padding:0 3px;border-radius:3px}" +
        ".bp-op-matmul{color:#1f4fbf}.bp-op-hadamard{color:#b35900}.bp-op-transpose{color:#7a1fbf}" +
        ".bp-op-sum{color:#fff;background:#c0392b}.bp-op-other{color:#555}" +
        ".bp-sum-row td{background:#fdecea}.bp-bad{color:#c0392b;font-weight:bold}.bp-good{color:#1e7b34}</style>";
}
