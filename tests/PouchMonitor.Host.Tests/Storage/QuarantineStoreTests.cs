using System.Buffers;
using Microsoft.Extensions.Logging.Abstractions;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Tests.Storage;

public sealed class QuarantineStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteDatabase _database;
    private readonly QuarantineStore _store;
    private readonly WriteQueue _writer;

    public QuarantineStoreTests()
    {
        _database = new SqliteDatabase(_folder.Path);
        _store = new QuarantineStore(_database);
        _writer = new WriteQueue(_database, TimeProvider.System, NullLogger<WriteQueue>.Instance);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Add_OneMebibytePayload_KeepsBoundedPrefixAndRecordsLength()
    {
        var payload = new byte[1024 * 1024];
        payload.AsSpan().Fill((byte)'x');

        await _writer.WriteAsync(QuarantineStore.Add(DateTimeOffset.UnixEpoch, "pouchmon/v1/dev-a/readings", new ReadOnlySequence<byte>(payload), "too big"));

        Assert.Equal((long)QuarantineStore.MaxKeptPayloadBytes, KeptPayloadBytes());
        Assert.Equal(["too big (payload 1048576 bytes, the first 4096 kept)"], _store.Reasons());
    }

    [Fact]
    public async Task Add_SmallPayload_KeepsItWhole()
    {
        await _writer.WriteAsync(QuarantineStore.Add(DateTimeOffset.UnixEpoch, "pouchmon/v1/dev-a/readings", new ReadOnlySequence<byte>("{]"u8.ToArray()), "not JSON"));

        Assert.Equal(2L, KeptPayloadBytes());
        Assert.Equal(["not JSON"], _store.Reasons());
    }

    private long KeptPayloadBytes()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(payload) FROM quarantine";
        return (long)command.ExecuteScalar()!;
    }
}
