// Compiled print() writes to one process-wide sink, so test classes must not run concurrently.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
