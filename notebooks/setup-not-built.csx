#error Backprop.Notebooks.dll not found: run `dotnet build` in the repository root first.
