using System.Text.Json.Nodes;

namespace Backprop.Site.Tests;

/// <summary>The pieces of a page, in process: highlighting, chart rewriting, escaping, safe paths.</summary>
public class RendererTests
{
    [Fact]
    public void Html_escaping_replaces_exactly_the_five_special_characters_and_nothing_else()
    {
        // The notebooks' stored outputs were written with this set; any other escaping changes them.
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var expected = c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => c.ToString() };
            Assert.Equal(expected, Backprop.Shared.HtmlEscape.Text("" + c));
        }

        Assert.Equal("(8×2) &lt;b&gt; &amp;amp; &quot;∂L&quot; &#39;α&#39; 𝛼", Backprop.Shared.HtmlEscape.Text("(8×2) <b> &amp; \"∂L\" 'α' 𝛼"));
        Assert.Equal("", Backprop.Shared.HtmlEscape.Text(null));
    }

    [Fact]
    public void Highlighted_code_is_escaped_and_tokenized()
    {
        var html = CSharpHighlighter.ToHtml("#!import setup.dib\nvar s = \"<b>\"; // α < 1\nint n = 42;");
        Assert.Equal(
            "<span class=\"tok-directive\">#!import setup.dib</span>\n<span class=\"tok-keyword\">var</span> s = <span class=\"tok-string\">&quot;&lt;b&gt;&quot;</span>; " +
            "<span class=\"tok-comment\">// α &lt; 1</span>\n<span class=\"tok-keyword\">int</span> n = <span class=\"tok-number\">42</span>;",
            html);
    }

    [Fact]
    public void Highlighting_never_loses_text()
    {
        const string code = "var v = @\"a\"\"b\" + $\"{x}\" + \"\"\"raw\"\"\" + 'c' + '\\n'; /* open";
        var text = System.Text.RegularExpressions.Regex.Replace(CSharpHighlighter.ToHtml(code), "<[^>]+>", "");
        Assert.Equal(code, System.Net.WebUtility.HtmlDecode(text));
    }

    [Fact]
    public void Highlighting_marks_types_numbers_verbatim_strings_and_block_comments()
    {
        var html = CSharpHighlighter.ToHtml("Console.WriteLine(0.25 * 1e-4);\nvar p = @\"C:\\x\"\"y\";\n/* two\nlines */ if (a && b > c) { }");
        Assert.Contains("<span class=\"tok-type\">Console</span>.<span class=\"tok-type\">WriteLine</span>(", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tok-number\">0.25</span> * <span class=\"tok-number\">1e-4</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tok-string\">@&quot;C:\\x&quot;&quot;y&quot;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tok-comment\">/* two\nlines */</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tok-keyword\">if</span> (a &amp;&amp; b &gt; c)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var s = \"</code></pre><script>window.__pwned = 1;</script>\";")]
    [InlineData("// </pre><img src=x onerror=\"window.__pwned=2\">")]
    [InlineData("/* <script> */ char c = '<'; var t = $\"{a}</code>\" + \"\"\"<b>\"\"\";")]
    [InlineData("#r \"</pre><script>x()</script>\"\n\"unterminated <script>")]
    public void Code_that_holds_markup_stays_text(string code)
    {
        var html = CSharpHighlighter.ToHtml(code);
        // The only tags are the highlighter's own spans; everything else is escaped text.
        Assert.Empty(System.Text.RegularExpressions.Regex.Matches(html, "<(?!/?span\\b)[^>]*>"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var text = System.Text.RegularExpressions.Regex.Replace(html, "</?span[^>]*>", "");
        Assert.Equal(code, System.Net.WebUtility.HtmlDecode(text));
    }

    [Fact]
    public void A_course_chart_script_is_replaced_by_a_local_draw_call_and_keeps_its_fallback()
    {
        var html = "<div class=\"bp-chart\" id=\"bp-chart-1\"><div class=\"bp-static-fallback\"><svg></svg></div></div>" +
                   "<script type=\"text/javascript\">(function(){var figure={\"data\":[{\"y\":[1,2],\"name\":\"<b>&\"}],\"layout\":{}};" +
                   "var draw=function(){var r=requirejs.config({paths:{plotly:'https://cdn.plot.ly/plotly-2.27.1.min'}})||require;" +
                   "r(['plotly'],function(Plotly){var el=document.getElementById('bp-chart-1');el.innerHTML='';Plotly.newPlot(el,figure.data,figure.layout,{responsive:true});});};})();</script>";
        var rewritten = PlotlyRewriter.Rewrite(html, out var charts);
        Assert.Equal(1, charts);
        Assert.StartsWith("<div class=\"bp-chart\" id=\"bp-chart-1\"><div class=\"bp-static-fallback\"><svg></svg></div></div><script>bpPlot(\"bp-chart-1\", {\"data\":[{\"y\":[1,2],\"name\":\"\\u003Cb\\u003E\\u0026\"}]", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("requirejs", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plotly_formatter_chart_keeps_its_data_layout_and_config()
    {
        const string script = "var renderPlotly_1 = function() {\n var fsharpPlotlyRequire = requirejs.config({context:'fsharp-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}}) || require;\n" +
                              " fsharpPlotlyRequire(['plotly'], function(Plotly) {\n  var data = [{\"type\":\"scatter\",\"y\":[0.5]}];\n  var layout = {\"width\":600};\n  var config = {\"responsive\":true};\n" +
                              "  Plotly.newPlot('4930e4ac', data, layout, config);\n });\n};";
        var chart = PlotlyFigure.Read(script)!;
        Assert.Equal("4930e4ac", chart.ElementId);
        Assert.Equal("{\"data\":[{\"type\":\"scatter\",\"y\":[0.5]}],\"layout\":{\"width\":600},\"config\":{\"responsive\":true}}", chart.Figure.ToJsonString());
    }

    [Fact]
    public void Outputs_are_escaped_by_mime_type()
    {
        var site = new SiteFolder(Path.Combine(Path.GetTempPath(), "renderer-" + Guid.NewGuid().ToString("N")));
        try
        {
            var outputs = new OutputRenderer(new SiteImages(site));
            string Render(string json) => outputs.ToHtml((JsonObject)JsonNode.Parse(json)!);
            Assert.Equal("<pre class=\"output-text\">&lt;b&gt;(8×2)&lt;/b&gt;</pre>", Render("{\"output_type\":\"execute_result\",\"data\":{\"text/plain\":[\"<b>(8×2)</b>\"]}}"));
            Assert.Equal("<div class=\"output-html\"><b>bold</b></div>", Render("{\"output_type\":\"display_data\",\"data\":{\"text/html\":\"<b>bold</b>\",\"text/plain\":\"bold\"}}"));
            Assert.Equal("<pre class=\"output-text\">fallback</pre>", Render("{\"output_type\":\"display_data\",\"data\":{\"image/png\":\"\\\"><script>\",\"text/plain\":\"fallback\"}}"));
            Assert.Equal("<pre class=\"output-stream stderr\">&lt;warn&gt;</pre>", Render("{\"output_type\":\"stream\",\"name\":\"stderr\",\"text\":\"<warn>\\n\"}"));
        }
        finally
        {
            site.Dispose();
        }
    }

    [Fact]
    public void Formulas_stay_escaped_tex_between_katex_delimiters()
    {
        using var site = new SiteFolder(Path.Combine(Path.GetTempPath(), "math-" + Guid.NewGuid().ToString("N")));
        var html = new MarkdownRenderer(new SiteImages(site)).ToHtml("If $a < b$ then\n$$\\frac{a}{b} < 1 </script>$$", null);
        Assert.Equal("<p>If <span class=\"math\">\\(a &lt; b\\)</span> then\n<span class=\"math math-display\">\\[\\frac{a}{b} &lt; 1 &lt;/script&gt;\\]</span></p>\n", html);
    }

    [Theory]
    [InlineData(@"\frac{\partial L}{\partial W_{L97}} = O_{L96}^\top \, \delta_{L97}")]
    [InlineData(@"\delta_{L99} = \left(\delta_{L100} \, W_{L100}^\top\right) \odot g'(Z_{L99})")]
    [InlineData(@"a * b * c + x_1 + x_2 + y_* + \sum_n \delta_{n,j} \cdot \mathbf{1}_{(n \times 1)}")]
    [InlineData(@"\text{if } a < b \;\&\; c > d \quad \#\{n\} \\ W^{\top}_{\!*}")]
    public void Tex_reaches_katex_exactly_as_written_inline_in_a_paragraph_and_in_a_block(string tex)
    {
        using var site = new SiteFolder(Path.Combine(Path.GetTempPath(), "tex-" + Guid.NewGuid().ToString("N")));
        var renderer = new MarkdownRenderer(new SiteImages(site));
        string Formula(string markdown, string pattern)
        {
            var match = System.Text.RegularExpressions.Regex.Match(renderer.ToHtml(markdown, null), pattern, System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(match.Success, $"{pattern} not in the HTML of {markdown}");
            Assert.True(MarkdownRenderer.HasFormulas(match.Value));
            return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value); // what the browser gives KaTeX (textContent)
        }

        Assert.Equal(tex, Formula($"Before ${tex}$ after.", @"<span class=""math"">\\\((.*?)\\\)</span>"));
        Assert.Equal(tex, Formula($"Before $${tex}$$ after.", @"<span class=""math math-display"">\\\[(.*?)\\\]</span>"));
        Assert.Equal(tex, Formula($"Before:\n\n$$\n{tex}\n$$\n\nAfter.", @"<div class=""math"">\s*\\\[\s*(.*?)\s*\\\]\s*</div>"));
    }

    [Fact]
    public void Only_markdigs_math_extension_makes_formulas_so_other_dollars_stay_text()
    {
        using var site = new SiteFolder(Path.Combine(Path.GetTempPath(), "dollars-" + Guid.NewGuid().ToString("N")));
        var html = new MarkdownRenderer(new SiteImages(site)).ToHtml("A price of \\$5 and \\$6, `$\"{a}\"` in code, and $x_1$.", null);
        Assert.Equal("<p>A price of $5 and $6, <code>$&quot;{a}&quot;</code> in code, and <span class=\"math\">\\(x_1\\)</span>.</p>\n", html);
        Assert.False(MarkdownRenderer.HasFormulas(new MarkdownRenderer(new SiteImages(site)).ToHtml("No formula: \\$5, `$x$`.", null)));
    }

    [Fact]
    public void Line_breaks_follow_commonmark_as_vs_code_and_jupyter_do()
    {
        // Two trailing spaces or a trailing backslash break the line; a plain newline is a soft break
        // (shown as a space), which is why lesson text that wants two lines must use one of those.
        using var site = new SiteFolder(Path.Combine(Path.GetTempPath(), "breaks-" + Guid.NewGuid().ToString("N")));
        var html = new MarkdownRenderer(new SiteImages(site)).ToHtml("Z = O_prev @ W: (1×k) @ (k×j)  \nO = σ(Z): (1×j)\\\nthe next line\na soft\nbreak", null);
        Assert.Equal("<p>Z = O_prev @ W: (1×k) @ (k×j)<br />\nO = σ(Z): (1×j)<br />\nthe next line\na soft\nbreak</p>\n", html);
    }

    [Fact]
    public void KaTeX_is_vendored_with_its_licence_and_every_font_its_stylesheet_names()
    {
        var folder = Path.Combine(Repo.Root, "src", "Backprop.Site", "katex");
        var onDisk = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Where(f => f != "README.md").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, SiteAssets.KaTeXFiles); // every vendored file is embedded, and nothing else
        Assert.All(onDisk, f => Assert.Equal(File.ReadAllBytes(Path.Combine(folder, f)), SiteAssets.KaTeXFile(f)));

        Assert.Subset(onDisk.ToHashSet(), new HashSet<string> { "katex.min.js", "katex.min.css", "contrib/auto-render.min.js", "LICENSE" });
        var license = File.ReadAllText(Path.Combine(folder, "LICENSE"));
        Assert.Contains("The MIT License", license, StringComparison.Ordinal);
        Assert.Contains("Khan Academy", license, StringComparison.Ordinal);
        Assert.Contains($"version:\"{SiteAssets.KaTeXVersion}\"", File.ReadAllText(Path.Combine(folder, "katex.min.js")), StringComparison.Ordinal);
        Assert.Contains("renderMathInElement", File.ReadAllText(Path.Combine(folder, "contrib", "auto-render.min.js")), StringComparison.Ordinal);
        Assert.Contains(SiteAssets.KaTeXVersion, File.ReadAllText(Path.Combine(folder, "README.md")), StringComparison.Ordinal);

        // The stylesheet lists woff2, woff and ttf for each font: all are here, so no font request can fail.
        var fonts = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(folder, "katex.min.css")), @"url\(([^)]+)\)")
            .Select(m => m.Groups[1].Value.Trim('"', '\'')).Distinct().ToList();
        Assert.Equal(60, fonts.Count);
        Assert.All(fonts, f => Assert.Contains(f, onDisk));
    }

    [Fact]
    public void Links_to_lessons_and_the_cheat_sheet_point_at_their_site_pages()
    {
        using var site = new SiteFolder(Path.Combine(Path.GetTempPath(), "links-" + Guid.NewGuid().ToString("N")));
        var html = new MarkdownRenderer(new SiteImages(site)).ToHtml(
            "[cheat sheet](cheat-sheet.md), [lesson 07](07-recursion.ipynb#calls), [data](data/README.md), [web](https://example.org/a.md)", null);
        Assert.Contains("<a href=\"cheat-sheet.html\">cheat sheet</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"07-recursion.html#calls\">lesson 07</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"data/README.md\">data</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a.md\">web</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_markdown_page_the_lessons_link_to_is_written_as_a_page_and_listed_in_the_contents()
    {
        var work = Directory.CreateTempSubdirectory("pages-").FullName;
        try
        {
            var sheet = Path.Combine(work, "cheat-sheet.md");
            await File.WriteAllTextAsync(sheet, "# Cheat sheet\n\n| symbol | MathNet |\n|---|---|\n| Aᵀ @ B | `A.TransposeThisAndMultiply(B)` |\n");
            var exporter = new CourseExporter(new ExportOptions(Path.Combine(work, "site"), "Course") { Pages = [sheet] });
            await exporter.ExportAsync([Path.Combine(Repo.Fixtures, "static", "02-second.ipynb")], CancellationToken.None);
            var page = await File.ReadAllTextAsync(Path.Combine(work, "site", "cheat-sheet.html"));
            Assert.Contains("<title>Cheat sheet · Course</title>", page, StringComparison.Ordinal);
            Assert.Contains("<td><code>A.TransposeThisAndMultiply(B)</code></td>", page, StringComparison.Ordinal);
            Assert.Contains("<a href=\"cheat-sheet.html\">Cheat sheet</a>", await File.ReadAllTextAsync(Path.Combine(work, "site", "index.html")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("images/../../escape.png")]
    [InlineData("/tmp/absolute.png")]
    public void The_site_folder_refuses_paths_that_leave_it(string relative)
    {
        using var site = new SiteFolder(Path.Combine(Path.GetTempPath(), "paths-" + Guid.NewGuid().ToString("N")));
        Assert.Throws<InvalidOperationException>(() => site.PathOf(relative));
    }

    [Theory]
    [InlineData("01-perceptron", "01-perceptron")]
    [InlineData("..hidden name!", "hidden-name")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("...", "lesson")]
    public void Page_names_are_made_of_safe_characters(string name, string slug) => Assert.Equal(slug, Lesson.SlugOf(name));

    [Fact]
    public void Plotly_js_comes_from_the_plotly_net_assembly()
    {
        var (name, script, license) = PlotlyJs.Read(PlotlyJs.DefaultAssemblyPath);
        Assert.Matches(@"^plotly-\d+\.\d+\.\d+\.min\.js$", name);
        Assert.True(script.Length > 1_000_000);
        Assert.Contains("plotly.js", System.Text.Encoding.UTF8.GetString(script, 0, 200), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(license);
    }
}
