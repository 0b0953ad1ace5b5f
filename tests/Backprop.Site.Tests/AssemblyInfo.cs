// Exports start child processes and a browser; on a 2-core machine one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
