using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notebooks.Tests;

/// <summary>
/// Every lesson's exercises, both ways: as shipped they say "not answered yet" (and Run All goes
/// through); with the solution from the collapsed block put into each region every check passes;
/// with a typical wrong answer each check gives that mistake's own diagnosis.
/// </summary>
public class ExerciseTests
{
    public static TheoryData<string> Lessons() => new(LessonExercises.Lessons());

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_lesson_has_two_exercises_or_more_and_one_needs_more_than_a_line(string lesson)
    {
        var exercises = LessonExercises.Of(lesson);
        Assert.True(exercises.Count >= 2, $"{lesson} has {exercises.Count} exercise(s); every lesson needs at least two");
        Assert.Contains(exercises, e => e.Solution.Split('\n').Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal)) > 1);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_region_ships_unanswered_and_its_stored_output_says_so(string lesson)
    {
        var cells = LessonExercises.Load(lesson)["cells"]!.AsArray();
        foreach (var exercise in LessonExercises.Of(lesson))
        {
            Assert.Contains("throw new NotAnswered(", exercise.Region, StringComparison.Ordinal);
            var verdicts = LessonExercises.Verdicts(cells[exercise.Cell]!);
            Assert.True(verdicts.Count > 0, $"{lesson}, exercise {exercise.Number}: its cell shows no verdict");
            Assert.All(verdicts, v => Assert.True(v.State == "notanswered", $"{lesson}, exercise {exercise.Number}: stored verdict is {v.State}: {v.Html}"));
        }
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_hint_and_solution_is_collapsed(string lesson)
    {
        var cells = LessonExercises.Load(lesson)["cells"]!.AsArray();
        foreach (var exercise in LessonExercises.Of(lesson))
        {
            var markdown = LessonExercises.Source(cells[exercise.Cell + 1]!);
            Assert.StartsWith("<details>", markdown.TrimStart(), StringComparison.Ordinal);
            Assert.Contains("<summary>Hint", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("throw new NotAnswered", exercise.Solution, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_each_solution_in_its_region_every_check_passes()
    {
        var variants = LessonExercises.Lessons().Select(l => (Name: l.Replace(".ipynb", ".solved.ipynb", StringComparison.Ordinal),
            Document: LessonExercises.WithRegions(l, LessonExercises.Of(l).ToDictionary(e => e.Number, e => e.Solution)), Lesson: l)).ToList();
        var executed = await RunAsync(variants.Select(v => (v.Name, v.Document)).ToList());
        foreach (var (name, _, lesson) in variants)
        {
            var cells = executed[name]["cells"]!.AsArray();
            foreach (var exercise in LessonExercises.Of(lesson))
            {
                var verdicts = LessonExercises.Verdicts(cells[exercise.Cell]!);
                Assert.True(verdicts.Count > 0, $"{lesson}, exercise {exercise.Number}: no verdict shown with the solution in place");
                Assert.All(verdicts, v => Assert.True(v.State == "correct", $"{lesson}, exercise {exercise.Number} with its solution: {v.State}: {v.Html}"));
            }
        }
    }

    [Fact]
    public async Task Typical_wrong_answers_get_their_own_diagnosis()
    {
        var byLesson = WrongAnswers.All.GroupBy(w => w.Lesson).ToList();
        Assert.All(LessonExercises.Lessons(), lesson =>
        {
            var covered = WrongAnswers.All.Where(w => w.Lesson == lesson).Select(w => w.Exercise).ToHashSet();
            Assert.All(LessonExercises.Of(lesson), e => Assert.True(covered.Contains(e.Number), $"{lesson}, exercise {e.Number}: no typical wrong answer is tested"));
        });
        // Variant k puts the k-th wrong answer of every exercise in place at once: each check stands alone.
        var variants = new List<(string Name, JsonObject Document, string Lesson, IReadOnlyList<WrongAnswer> Answers)>();
        foreach (var group in byLesson)
        {
            var rounds = group.GroupBy(w => w.Exercise).Max(g => g.Count());
            for (var k = 0; k < rounds; k++)
            {
                var answers = group.GroupBy(w => w.Exercise).Where(g => g.Count() > k).Select(g => g.ElementAt(k)).ToList();
                variants.Add((group.Key.Replace(".ipynb", $".wrong{k + 1}.ipynb", StringComparison.Ordinal),
                    LessonExercises.WithRegions(group.Key, answers.ToDictionary(a => a.Exercise, a => a.Code)), group.Key, answers));
            }
        }
        var executed = await RunAsync(variants.Select(v => (v.Name, v.Document)).ToList());
        foreach (var (name, _, lesson, answers) in variants)
        {
            var cells = executed[name]["cells"]!.AsArray();
            var exercises = LessonExercises.Of(lesson);
            foreach (var answer in answers)
            {
                var verdicts = LessonExercises.Verdicts(cells[exercises[answer.Exercise - 1].Cell]!);
                Assert.Contains(verdicts, v => v.State == "wrong" && v.Html.Contains(answer.Diagnosis, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Runs the variants with the course runner, side by side, and returns each executed notebook.</summary>
    private static async Task<Dictionary<string, JsonObject>> RunAsync(IReadOnlyList<(string Name, JsonObject Document)> variants)
    {
        var root = LessonExercises.VariantFolder();
        try
        {
            var folder = Path.Combine(root, "notebooks");
            foreach (var (name, document) in variants)
                await File.WriteAllTextAsync(Path.Combine(folder, name), document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            var output = Path.Combine(root, "executed");
            var (exitCode, text) = await Repo.RunAsync(Repo.Root, "dotnet", Repo.RunnerDll, "run", folder, "--out", output);
            Assert.True(exitCode == 0, $"a variant failed to run (exit code {exitCode}): every exercise must let Run All go through\n{text}");
            return variants.ToDictionary(v => v.Name, v => JsonNode.Parse(File.ReadAllText(Path.Combine(output, v.Name)))!.AsObject());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>A typical wrong answer to one exercise, and words its diagnosis must contain.</summary>
/// <param name="Lesson">The lesson's file name.</param>
/// <param name="Exercise">The exercise's number in the lesson, from 1.</param>
/// <param name="Code">The wrong code, put into the region.</param>
/// <param name="Diagnosis">Words the check's verdict must contain.</param>
internal sealed record WrongAnswer(string Lesson, int Exercise, string Code, string Diagnosis);

/// <summary>The wrong answers each lesson's exercises are tested with; each lesson adds its own in a partial file.</summary>
internal static partial class WrongAnswers
{
    public static IReadOnlyList<WrongAnswer> All => [.. Lessons01To05, .. Lessons06On, .. BuildItYourself];
}
