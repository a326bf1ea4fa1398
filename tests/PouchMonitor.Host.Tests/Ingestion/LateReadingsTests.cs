using System.Buffers;
using System.Text;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Ingestion;

public sealed class LateReadingsTests : IDisposable
{
    private const int BatchSize = 25;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task HandleAsync_EarlierBootFlushedWithinOneGroupCommit_RecomputesEachPouchOnceAndConvertsEveryReading()
    {
        var example = ExampleData.Create(_folder.Path);
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        settings["Experiments:Files:0"] = example.ExperimentPath;
        await using var host = await ServeHost.StartAsync(settings);
        var ingestor = host.Get<MessageIngestor>();
        var pipeline = host.Get<GasPipeline>();
        var half = example.Readings.Count / 2;
        foreach (var batch in example.Batches(2, [.. example.Readings.Skip(half)], BatchSize))
        {
            await ingestor.HandleAsync(Topics.Readings(ExampleData.DeviceId), Payload(batch));
        }

        var before = pipeline.RecomputeCount;
        using var gate = new ManualResetEventSlim();
        var holding = WriterHold.Until(host.Get<WriteQueue>(), gate);
        var flush = example.Batches(1, [.. example.Readings.Take(half)], BatchSize)
            .Select(batch => ingestor.HandleAsync(Topics.Readings(ExampleData.DeviceId), Payload(batch))).ToList();
        gate.Set();
        await holding;
        await Task.WhenAll(flush);

        var pouches = example.Experiment.Pouches.Select(p => p.Spec.Id).ToList();
        var gas = host.Get<GasStore>();
        Assert.True(flush.Count > pouches.Count);
        Assert.Equal(pouches.Count, pipeline.RecomputeCount - before);
        Assert.Equal(example.Readings.Count, pouches.Sum(p => gas.Series(new PouchKey(example.Experiment.Name, p)).Count));
    }

    private static ReadOnlySequence<byte> Payload(string batch) => new(Encoding.UTF8.GetBytes(batch));
}
