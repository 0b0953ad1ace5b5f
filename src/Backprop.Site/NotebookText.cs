using System.Text.Json.Nodes;

namespace Backprop.Site;

/// <summary>Text as nbformat stores it: a "multiline string" is one string or an array of lines.</summary>
public static class NotebookText
{
    /// <summary>Joins an nbformat multiline string (a string or an array of strings); anything else is empty.</summary>
    public static string Join(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => "",
    };
}
