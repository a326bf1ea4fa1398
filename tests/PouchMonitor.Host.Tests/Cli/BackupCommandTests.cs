using Microsoft.Data.Sqlite;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Cli;

public sealed class BackupCommandTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _data = new();
    private readonly TempFolder _backup = new();
    private readonly TempFolder _restored = new();

    public void Dispose()
    {
        _data.Dispose();
        _backup.Dispose();
        _restored.Dispose();
    }

    [Fact]
    public async Task BackupThenRestore_WhileTheHostServes_RestoredStoreHoldsEveryStoredReading()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _data.Path;
        using var host = await HostProcess.StartAsync(settings);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");
        for (var i = 0u; i < 10; i++)
        {
            await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, i * 10, 10, Start));
        }

        await Eventually.WaitAsync(() => ReadingCount(_data.Path) == 100, "the host stored all 100 readings");

        var backup = await PouchmonProcess.Run("backup", "--data", _data.Path, "--out", _backup.Path);
        // The host goes on storing while and after the backup runs.
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 100, 10, Start));
        var restore = await PouchmonProcess.Run("restore", "--from", _backup.Path, "--data", _restored.Path);

        Assert.True(backup.ExitCode == 0, backup.Stderr);
        Assert.True(restore.ExitCode == 0, restore.Stderr);
        Assert.Equal(100, ReadingCount(_restored.Path));
    }

    [Fact]
    public async Task Restore_DatabaseExistsWithoutReplace_RefusesAndKeepsIt()
    {
        WriteDatabase(_backup.Path, readings: 1);
        WriteDatabase(_restored.Path, readings: 3);

        var refused = await PouchmonProcess.Run("restore", "--from", _backup.Path, "--data", _restored.Path);
        var replaced = await PouchmonProcess.Run("restore", "--from", _backup.Path, "--data", _restored.Path, "--replace");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--replace", Assert.Single(Lines(refused.Stderr)), StringComparison.Ordinal);
        Assert.True(replaced.ExitCode == 0, replaced.Stderr);
        Assert.Equal(1, ReadingCount(_restored.Path));
    }

    [Fact]
    public async Task Restore_DamagedBackup_RefusesWithOneLineNamingTheFile()
    {
        WriteDatabase(_restored.Path, readings: 3);
        var damaged = Path.Combine(_backup.Path, "pouchmon.db");
        await File.WriteAllTextAsync(damaged, "not a database, only text of the right name", TestContext.Current.CancellationToken);

        var result = await PouchmonProcess.Run("restore", "--from", _backup.Path, "--data", _restored.Path, "--replace");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(damaged, Assert.Single(Lines(result.Stderr)), StringComparison.Ordinal);
        Assert.Equal(3, ReadingCount(_restored.Path));
    }

    [Fact]
    public async Task Backup_FolderWithoutDatabase_RefusesWithOneLine()
    {
        var result = await PouchmonProcess.Run("backup", "--data", _data.Path, "--out", _backup.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(_data.Path, Assert.Single(Lines(result.Stderr)), StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static long ReadingCount(string folder)
    {
        var path = Path.Combine(folder, "pouchmon.db");
        if (!File.Exists(path))
        {
            return 0;
        }

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM readings";
        return (long)command.ExecuteScalar()!;
    }

    private static void WriteDatabase(string folder, int readings)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "pouchmon.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE readings (seq INTEGER); " +
            string.Concat(Enumerable.Range(0, readings).Select(i => $"INSERT INTO readings VALUES ({i});"));
        command.ExecuteNonQuery();
    }
}
