using System.Text.Json.Nodes;
using Backprop.Runner.Comparison;

namespace Backprop.Runner.Tests;

public class OutputNormalizerTests
{
    private static JsonArray Html(string html) =>
    [
        new JsonObject { ["data"] = new JsonObject { ["text/html"] = html }, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" },
    ];

    private static string? Diff(JsonArray stored, JsonArray fresh) =>
        OutputComparer.FirstDifference(OutputNormalizer.Normalize(stored), OutputNormalizer.Normalize(fresh));

    [Fact]
    public void Generated_ids_are_numbered_by_first_appearance()
    {
        var text = "<div id=\"78c653c2-e03d-4f07-b43c-43066534f064\"></div><script>render_78c653c2e03d4f07b43c43066534f064(); other('0123456789abcdef0123456789abcdef')</script>";
        Assert.Equal("<div id=\"{id1}\"></div><script>render_{id1}(); other('{id2}')</script>", OutputNormalizer.Ids(text));
    }

    [Fact]
    public void Html_that_differs_only_in_generated_ids_matches()
    {
        Assert.Null(Diff(Html("<details id=\"aaaaaaaa-0000-4000-8000-000000000001\">x</details>"),
                         Html("<details id=\"bbbbbbbb-0000-4000-8000-000000000002\">x</details>")));
    }

    [Fact]
    public void Html_whose_ids_are_used_differently_does_not_match()
    {
        // Same id twice versus two different ids: the structure of references is part of the output.
        var same = "<a id=\"aaaaaaaa-0000-4000-8000-000000000001\"/><b for=\"aaaaaaaa-0000-4000-8000-000000000001\"/>";
        var different = "<a id=\"aaaaaaaa-0000-4000-8000-000000000001\"/><b for=\"bbbbbbbb-0000-4000-8000-000000000002\"/>";
        Assert.NotNull(Diff(Html(same), Html(different)));
    }

    [Fact]
    public void Volatile_spans_compare_as_placeholders_but_their_surroundings_still_count()
    {
        Assert.Null(Diff(Html("100 epochs in <span data-volatile>152 ms</span>"), Html("100 epochs in <span data-volatile>1.20 s</span>")));
        Assert.NotNull(Diff(Html("100 epochs in <span data-volatile>152 ms</span>"), Html("200 epochs in <span data-volatile>152 ms</span>")));
        Assert.NotNull(Diff(Html("in <span>152 ms</span>"), Html("in <span>153 ms</span>"))); // unmarked text is not masked
    }

    [Fact]
    public void A_difference_deep_in_a_long_line_is_shown_where_it_is()
    {
        var prefix = new string('x', 500);
        var diff = Diff(Html(prefix + "<td>0.1234</td>" + new string('y', 300)), Html(prefix + "<td>0.1235</td>" + new string('y', 300)));
        Assert.Contains("(they part at column 510)", diff);
        Assert.Contains("0.1234", diff);
        Assert.Contains("0.1235", diff);
        Assert.Contains("was \"…", diff); // the shared start is elided
    }

    [Fact]
    public void Html_that_differs_in_anything_else_does_not_match()
    {
        Assert.Contains("line 1 was \"<pre>3</pre>\", now \"<pre>4</pre>\"", Diff(Html("<pre>3</pre>"), Html("<pre>4</pre>")));
    }

    [Fact]
    public void Plotly_charts_compare_by_their_json_not_their_div_ids()
    {
        static string Chart(string id, string y) =>
            $"<div id=\"{id}\"></div><script>var renderPlotly_x = function() {{\n  var data = [{{\"type\": \"scatter\", \"y\": [{y}]}}];\n  var layout = {{\"width\":600}};\n  var config = {{}};\n  Plotly.newPlot('{id}', data, layout, config);\n}};</script>";
        Assert.Null(Diff(Html(Chart("chart-one", "1,2")), Html(Chart("chart-two", "1, 2"))));
        Assert.Contains("was \"data[0].y[1] = 2\", now \"data[0].y[1] = 3\"", Diff(Html(Chart("a", "1,2")), Html(Chart("a", "1,3"))));
    }

    [Fact]
    public void Line_endings_and_how_a_stream_was_split_do_not_matter()
    {
        JsonArray stored = [new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = new JsonArray("a\r\n", "b\r\n") }];
        JsonArray fresh =
        [
            new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = "a\n" },
            new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = new JsonArray("b\n") },
        ];
        Assert.Null(Diff(stored, fresh));
    }

    [Fact]
    public void A_missing_or_extra_output_is_named()
    {
        JsonArray one = [new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = "a\n" }];
        Assert.Equal("output 1 (stream: stdout) is no longer produced", Diff(one, []));
        Assert.Equal("output 1 is new (stream: stdout)", Diff([], one));
    }
}
