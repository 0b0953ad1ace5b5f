namespace Backprop.Notebooks;

/// <summary>The colour scales the diagrams and static charts share.</summary>
internal static class Colors
{
    /// <summary>Positive values and class 1.</summary>
    public const string Positive = "#2166ac";

    /// <summary>Negative values and class 0.</summary>
    public const string Negative = "#d6604d";

    /// <summary>
    /// A value in [0, 1] as a colour from red (0) through white (0.5) to blue (1): the network's
    /// output for class 0 and class 1, with the boundary where the colour turns white.
    /// </summary>
    public static string Diverging(double value)
    {
        var t = double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0.5;
        var (r, g, b) = t < 0.5
            ? Mix((0xf4, 0xa5, 0x82), (0xff, 0xff, 0xff), t / 0.5)
            : Mix((0xff, 0xff, 0xff), (0x92, 0xc5, 0xde), (t - 0.5) / 0.5);
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    private static (int, int, int) Mix((int R, int G, int B) from, (int R, int G, int B) to, double t) =>
        ((int)Math.Round(from.R + (to.R - from.R) * t), (int)Math.Round(from.G + (to.G - from.G) * t), (int)Math.Round(from.B + (to.B - from.B) * t));
}
