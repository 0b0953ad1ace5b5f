// Imported by setup.dib once the solution is built: the engine, its fast path, the presentation library and
// their dependencies, all from the presentation library's build folder, then the usings that
// every later cell keeps, then the formatters (and the FSharp.Core fix that Plotly.NET needs).
#r "../src/Backprop.Notebooks/bin/Debug/net10.0/MathNet.Numerics.dll"
#r "../src/Backprop.Notebooks/bin/Debug/net10.0/Backprop.dll"
#r "../src/Backprop.Notebooks/bin/Debug/net10.0/Backprop.Fast.dll"
#r "../src/Backprop.Notebooks/bin/Debug/net10.0/Plotly.NET.dll"
#r "../src/Backprop.Notebooks/bin/Debug/net10.0/Backprop.Notebooks.dll"
using MathNet.Numerics.LinearAlgebra;
using Backprop;
using Backprop.Data;
using Backprop.Notebooks;

NotebookSetup.Initialize();
