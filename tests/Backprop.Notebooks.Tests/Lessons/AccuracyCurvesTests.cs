namespace Backprop.Notebooks.Tests.Lessons;

public class AccuracyCurvesTests
{
    [Fact]
    public void Curves_keep_every_epoch_and_chart_accuracy_in_percent()
    {
        var curves = new AccuracyCurves();
        for (var epoch = 1; epoch <= 4; epoch++) curves.Report(new EpochReport(epoch, 10.0 / epoch, null), 0.5 + 0.1 * epoch, 0.4 + 0.1 * epoch);
        Assert.Equal(4, curves.Losses.Count);
        Assert.Equal(0, curves.Updates);
        var accuracy = curves.AccuracyChart().Spec;
        Assert.Equal(["train", "test"], accuracy.Series.Select(s => s.Name));
        Assert.Equal(90.0, accuracy.Series[0].Y[^1], 9);
        Assert.Equal(80.0, accuracy.Series[1].Y[^1], 9);
        Assert.Equal(2.5, curves.LossChart().Spec.Series[0].Y[^1]);
    }

    [Fact]
    public void Live_curves_update_at_most_once_per_interval_and_complete_with_both_charts()
    {
        var shown = new List<IView>();
        var now = TimeSpan.Zero;
        var curves = new AccuracyCurves(new RecordingDisplay(shown), TimeSpan.FromMilliseconds(250), () => now);
        for (var epoch = 1; epoch <= 100; epoch++)
        {
            now = TimeSpan.FromMilliseconds(10 * epoch);
            curves.Report(new EpochReport(epoch, 1.0 / epoch, null), 0.9, 0.8);
        }
        Assert.InRange(curves.Updates, 3, 5);
        Assert.Contains("train 90.0 %, test 80.0 %", shown[0].ToText());
        var final = curves.Complete();
        Assert.Same(final, shown[^1]);
        Assert.Equal(2, final.Charts.Count);
    }

    [Fact]
    public void The_summary_line_marks_the_time_as_volatile_and_the_text_leaves_it_out()
    {
        var history = new TrainingHistory(["L1"], [2.0, 1.0], [], TimeSpan.FromMilliseconds(1500));
        var curves = new AccuracyCurves();
        curves.Report(new EpochReport(1, 2.0, null), 0.5, 0.5);
        var view = curves.Complete(history);
        Assert.Contains("2 epochs, final loss 1.0000 (from 2.0000) <span style=\"color:#888\">in <span data-volatile>1.50 s</span>", view.ToHtml());
        Assert.StartsWith("2 epochs, final loss 1.0000 (from 2.0000)" + Environment.NewLine, view.ToText(), StringComparison.Ordinal);
        Assert.DoesNotContain("1.50 s", view.ToText());
    }

    private sealed class RecordingDisplay(List<IView> shown) : ILiveDisplay
    {
        public void Show(IView view) => shown.Add(view);
    }
}
