using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// What a training run did in one line — final loss, epochs, time — with the loss curve drawn
/// beneath it (the same chart <c>history.Chart()</c> returns).
/// </summary>
public sealed class TrainingHistoryView : IView
{
    /// <summary>Shows <paramref name="history"/>.</summary>
    public TrainingHistoryView(TrainingHistory history, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        History = history;
        LogY = logY;
    }

    /// <summary>The run shown.</summary>
    public TrainingHistory History { get; }

    /// <summary>Whether the chart's loss axis is logarithmic.</summary>
    public bool LogY { get; }

    /// <summary>"1000 epochs, final loss 0.0123 (from 1.2345)": everything that a seed reproduces.</summary>
    public string Summary => History.Epochs == 0 ? "no epochs ran" :
        $"{Html.Number(History.Epochs)} epochs, final loss {Html.Number(History.FinalLoss)} (from {Html.Number(History.Losses[0])})";

    /// <summary>
    /// The summary with the wall-clock time. The time is wrapped in <c>&lt;span data-volatile&gt;</c>:
    /// it differs on every run, so the runner's <c>--check</c> compares it as a placeholder.
    /// </summary>
    public string ToHtml() => new StringBuilder("<div class=\"bp-history\"><div class=\"bp-summary\" style=\"font-family:monospace\">")
        .Append(Html.Escape(Summary))
        .Append(History.Epochs == 0 ? "" : $" <span style=\"color:#888\">in <span data-volatile>{Html.Escape(Html.Duration(History.Elapsed))}</span></span>")
        .Append("</div>")
        .Append(History.Epochs == 0 ? "" : Charts.Loss(History, LogY).ToHtml()).Append("</div>").ToString();

    /// <summary>The summary without the time, so a stored text output reproduces exactly.</summary>
    public string ToText() => Summary + Environment.NewLine;

    /// <inheritdoc />
    public override string ToString() => ToText();
}
