namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// The reliability suites run alone: they drive accelerated clocks, host processes and thousands of messages, which
/// would stretch (and be stretched by) the other tests on two cores.
/// </summary>
[CollectionDefinition(nameof(ReliabilityCollection), DisableParallelization = true)]
public sealed class ReliabilityCollection;
