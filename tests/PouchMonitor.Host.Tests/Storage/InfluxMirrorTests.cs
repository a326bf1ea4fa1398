using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PouchMonitor.Host.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Storage;

public sealed class InfluxMirrorTests : IAsyncLifetime
{
    private const int PointCount = 500;
    private static readonly long FirstMs = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
    private readonly TempFolder _folder = new();
    private VictoriaMetricsServer _victoria = null!;
    private SqliteDatabase _database = null!;
    private Outbox _outbox = null!;

    public async ValueTask InitializeAsync()
    {
        _victoria = await VictoriaMetricsServer.StartNewAsync();
        _database = new SqliteDatabase(_folder.Path);
        _outbox = new Outbox(_database, Options.Create(MirrorOptions()));
    }

    public async ValueTask DisposeAsync()
    {
        await _victoria.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_DatabaseDownForTheWholeRun_LosesNothingOnceItReturns()
    {
        _victoria.Stop();
        var mirror = StartMirror();
        AddPoints();
        await Eventually.WaitAsync(() => mirror.LastError is not null, "a write fails");
        Assert.Equal(PointCount, _outbox.Count());

        await _victoria.StartAsync();
        await Eventually.WaitAsync(() => _outbox.Count() == 0, "the outbox drains");
        await mirror.StopAsync(TestContext.Current.CancellationToken);

        AssertAllPointsExported(await ExportAsync());
    }

    [Fact]
    public async Task ExecuteAsync_DatabaseDownThenLocalStoreLocked_KeepsRunningAndLosesNoLine()
    {
        _victoria.Stop();
        var mirror = StartMirror();
        AddPoints();
        await Eventually.WaitAsync(() => mirror.LastError is not null, "a write to the stopped database fails");

        using (var other = _database.Open())
        {
            // Another writer holds the store past its busy timeout: removing the written lines fails (SQLITE_BUSY).
            SqliteDatabase.Execute(other, "BEGIN EXCLUSIVE");
            await _victoria.StartAsync();
            await Eventually.WaitAsync(() => mirror.LastError?.Contains("locked", StringComparison.Ordinal) == true, "removing written lines fails on the lock");
            SqliteDatabase.Execute(other, "COMMIT");
        }

        await Eventually.WaitAsync(() => _outbox.Count() == 0, "the outbox drains");
        Assert.False(mirror.ExecuteTask!.IsCompleted);
        await Eventually.WaitAsync(() => mirror.LastError is null, "the mirror reports itself writing again");
        Assert.Equal(0, _outbox.Backlog);
        await mirror.StopAsync(TestContext.Current.CancellationToken);

        AssertAllPointsExported(await ExportAsync());
    }

    [Fact]
    public async Task ExecuteAsync_SamePointsWrittenTwice_StoresEachOnce()
    {
        var mirror = StartMirror();
        AddPoints();
        await Eventually.WaitAsync(() => _outbox.Count() == 0, "the outbox drains");
        AddPoints();
        await Eventually.WaitAsync(() => _outbox.Count() == 0, "the outbox drains");
        await mirror.StopAsync(TestContext.Current.CancellationToken);

        AssertAllPointsExported(await ExportAsync());
    }

    private InfluxMirror StartMirror()
    {
        var mirror = new InfluxMirror(_outbox, Options.Create(MirrorOptions()), TimeProvider.System, NullLogger<InfluxMirror>.Instance);
        mirror.StartAsync(TestContext.Current.CancellationToken);
        return mirror;
    }

    private InfluxOptions MirrorOptions() => new()
    {
        Url = _victoria.Url,
        Org = "lab",
        Bucket = "pouchmon",
        Token = "unused-by-victoria-metrics",
        BatchSize = 100,
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(400),
    };

    private void AddPoints()
    {
        var lines = Enumerable.Range(0, PointCount).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"pouch_gas,device=esp32-1,experiment=e1,pouch=P1,sample=mSi dry_gas_ml_std={i * 0.01} {FirstMs + (i * 60_000L)}"));
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        _outbox.Add(connection, transaction, lines);
        transaction.Commit();
    }

    private async Task<ExportedSeries> ExportAsync()
    {
        var series = await _victoria.ExportAsync("{__name__=\"pouch_gas_dry_gas_ml_std\"}", TestContext.Current.CancellationToken);
        return Assert.Single(series);
    }

    private static void AssertAllPointsExported(ExportedSeries series)
    {
        Assert.Equal("P1", series.Metric["pouch"]);
        Assert.Equal(Enumerable.Range(0, PointCount).Select(i => FirstMs + (i * 60_000L)), series.Timestamps.Order());
        Assert.Equal(PointCount * 0.01 * (PointCount - 1) / 2, series.Values.Sum(), 6);
    }
}
