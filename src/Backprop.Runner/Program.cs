using Backprop.Runner.CommandLine;

return await RunnerCommandLine.Build().Parse(args).InvokeAsync();
