namespace Backprop.Notebooks;

/// <summary>
/// One axis of the static plot: maps data values to pixels and picks readable ticks
/// (steps of 1, 2 or 5 × 10ᵏ on a linear axis, whole decades on a log axis).
/// </summary>
internal sealed class Axis
{
    private readonly double low;
    private readonly double high;

    public Axis(IEnumerable<double> values, bool log, double pixelFrom, double pixelTo)
    {
        Log = log;
        var data = values.Where(double.IsFinite).Where(v => !log || v > 0).Select(Transform).ToArray();
        (low, high) = data.Length == 0 ? (0, 1) : (data.Min(), data.Max());
        if (high - low < 1e-12) (low, high) = (low - 0.5, high + 0.5);
        if (log) (low, high) = (Math.Floor(low), Math.Ceiling(high));
        else (low, high) = (low - 0.03 * (high - low), high + 0.03 * (high - low));
        PixelFrom = pixelFrom;
        PixelTo = pixelTo;
    }

    public bool Log { get; }

    public double PixelFrom { get; }

    public double PixelTo { get; }

    private double Transform(double v) => Log ? Math.Log10(v) : v;

    /// <summary>True when <paramref name="v"/> can be drawn (log axes cannot show v ≤ 0).</summary>
    public bool CanShow(double v) => double.IsFinite(v) && (!Log || v > 0);

    /// <summary>The pixel position of a data value.</summary>
    public double Pixel(double v) => PixelFrom + (Transform(v) - low) / (high - low) * (PixelTo - PixelFrom);

    /// <summary>Tick positions (data values) with their labels.</summary>
    public IEnumerable<(double Value, string Label)> Ticks()
    {
        if (Log)
        {
            var every = Math.Max(1, (int)Math.Ceiling((high - low) / 6));
            for (var d = (int)low; d <= (int)high; d += every)
                yield return (Math.Pow(10, d), d is >= -2 and <= 3 ? Html.Number(Math.Pow(10, d), "0.###") : "1e" + Html.Number(d));
            yield break;
        }
        var rough = (high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        for (var t = Math.Ceiling(low / step) * step; t <= high + 1e-9 * step; t += step)
            yield return (t, Html.Number(Math.Abs(t) < step / 1e6 ? 0 : t, decimals == 0 ? "0" : "0." + new string('0', decimals)));
    }
}
