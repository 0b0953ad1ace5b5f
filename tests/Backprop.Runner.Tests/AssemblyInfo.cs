// Runner tests start child processes with per-cell timeouts; on a 2-core machine running them
// one at a time keeps a slow kernel start from looking like a timeout.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
