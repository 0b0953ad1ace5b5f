namespace Backprop.Notebooks;

/// <summary>
/// The script that draws a Plotly figure into a chart's element: it loads plotly.js through
/// require.js from the CDNs, the way Plotly.NET's own notebook output does, and only then
/// clears the static drawing. With no network the script fails quietly and the drawing stays.
/// </summary>
internal static class PlotlyLoader
{
    public const string PlotlyCdn = "https://cdn.plot.ly/plotly-2.27.1.min";
    public const string RequireCdn = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";

    public static string Script(string elementId, string figureJson) =>
        "<script type=\"text/javascript\">(function(){" +
        $"var figure={figureJson};" +
        "var draw=function(){var r=requirejs.config({context:'backprop-plotly',paths:{plotly:'" + PlotlyCdn + "'}})||require;" +
        "r(['plotly'],function(Plotly){var el=document.getElementById('" + elementId + "');if(!el)return;" +
        "el.innerHTML='';Plotly.newPlot(el,figure.data,figure.layout,{responsive:true});});};" +
        "if(typeof requirejs!=='function'||typeof requirejs.config!=='function'){" +
        "var s=document.createElement('script');s.setAttribute('src','" + RequireCdn + "');s.onload=draw;" +
        "document.getElementsByTagName('head')[0].appendChild(s);}else{draw();}})();</script>";
}
