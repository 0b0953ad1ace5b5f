using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// Two matrices that should be equal, side by side — the loop and recursive ΔW, the batch
/// gradient and the sum over instances — with the largest absolute difference between them.
/// The verdict says "equal" when that difference is within <see cref="Tolerance"/>.
/// </summary>
public sealed class MatrixComparison : IView
{
    /// <summary>Compares <paramref name="left"/> with <paramref name="right"/>.</summary>
    /// <param name="leftName">e.g. "ΔW_L97 (loop)".</param>
    /// <param name="left">The first matrix.</param>
    /// <param name="rightName">e.g. "ΔW_L97 (recursive)".</param>
    /// <param name="right">The second matrix, same shape.</param>
    /// <param name="tolerance">Largest difference still called equal.</param>
    public MatrixComparison(string leftName, Matrix<double> left, string rightName, Matrix<double> right, double tolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (Shape.Of(left) != Shape.Of(right))
            throw new ShapeException($"Cannot compare {leftName} {Shape.Of(left)} with {rightName} {Shape.Of(right)}: the shapes differ");
        Left = new MatrixView(leftName, left);
        Right = new MatrixView(rightName, right);
        MaxDifference = left.RowCount * left.ColumnCount == 0 ? 0 : (left - right).Enumerate().Max(Math.Abs);
        Tolerance = tolerance;
    }

    /// <summary>The first matrix's view.</summary>
    public MatrixView Left { get; }

    /// <summary>The second matrix's view.</summary>
    public MatrixView Right { get; }

    /// <summary>max |left − right| over all entries.</summary>
    public double MaxDifference { get; }

    /// <summary>Largest difference still called equal.</summary>
    public double Tolerance { get; }

    /// <summary>True when <see cref="MaxDifference"/> ≤ <see cref="Tolerance"/>.</summary>
    public bool Equal => MaxDifference <= Tolerance;

    private string Verdict => $"max |difference| = {Html.Number(MaxDifference, "0.00e+00")}: {(Equal ? "equal" : "different")}" +
        $" (tolerance {Html.Number(Tolerance, "0e+00")})";

    /// <inheritdoc />
    public string ToHtml() => new StringBuilder("<div class=\"bp-comparison\" data-max-difference=\"")
        .Append(Html.Number(MaxDifference, "R")).Append("\"><div style=\"display:flex;gap:24px;align-items:flex-start\">")
        .Append(Left.ToHtml()).Append(Right.ToHtml()).Append("</div><div class=\"").Append(Equal ? "bp-good" : "bp-bad").Append("\">")
        .Append(Html.Escape(Verdict)).Append("</div></div>").ToString();

    /// <inheritdoc />
    public string ToText() => Left.ToText() + Right.ToText() + Verdict + Environment.NewLine;

    /// <inheritdoc />
    public override string ToString() => ToText();
}
