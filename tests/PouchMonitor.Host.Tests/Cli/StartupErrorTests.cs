using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Cli;

/// <summary>`pouchmon serve` and `pouchmon db` through their real command line: one line, exit 2, no stack trace.</summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_UnknownConfigurationKey_NamesTheKey()
    {
        var (exitCode, stderr, _) = await Serve("--Mqtt:Prot=1");

        AssertOneLine(exitCode, stderr, "Mqtt:Prot is not a configuration key");
    }

    [Fact]
    public async Task Serve_DataFolderUnderAFile_NamesTheFolder()
    {
        var file = Path.Combine(_folder.Path, "file");
        await File.WriteAllTextAsync(file, "", TestContext.Current.CancellationToken);

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "serve", "--data", Path.Combine(file, "data"), $"--urls=http://127.0.0.1:{FreePort.Next()}", $"--Mqtt:Port={FreePort.Next()}");

        AssertOneLine(exitCode, stderr, $"Storage:DataFolder '{Path.Combine(file, "data")}' is not a writable folder");
    }

    [Fact]
    public async Task Serve_DatabaseNotSqlite_SaysDamagedAndPointsToDbCheck()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "pouchmon.db"), "not a database", TestContext.Current.CancellationToken);

        var (exitCode, stderr, _) = await Serve();

        AssertOneLine(exitCode, stderr, "is damaged (SQLite Error 26");
    }

    [Fact]
    public async Task Serve_CorruptMiddlePage_RefusesToStart()
    {
        CorruptMiddlePage();

        var (exitCode, stderr, _) = await Serve();

        AssertOneLine(exitCode, stderr, "pouchmon.db' is damaged");
    }

    [Fact]
    public async Task Serve_HttpPortBusy_NamesTheAddress()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "serve", "--data", _folder.Path, $"--urls=http://127.0.0.1:{port}", $"--Mqtt:Port={FreePort.Next()}");

        AssertOneLine(exitCode, stderr, $"http://127.0.0.1:{port}: address already in use");
    }

    [Fact]
    public async Task Serve_MqttPortBusy_NamesTheKey()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "serve", "--data", _folder.Path, $"--urls=http://127.0.0.1:{FreePort.Next()}", $"--Mqtt:Port={port}");

        AssertOneLine(exitCode, stderr, $"Mqtt:Port: 127.0.0.1 port {port} is already in use");
    }

    [Fact]
    public async Task DbCheck_SoundDatabase_PrintsOkAndExits0()
    {
        _ = new SqliteDatabase(_folder.Path);
        SqliteConnection.ClearAllPools();

        var (exitCode, stderr, stdout) = await PouchmonProcess.Run("db", "check", "--data", _folder.Path);

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.EndsWith("pouchmon.db: ok", stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbCheck_CorruptMiddlePage_PrintsProblemsAndExits2()
    {
        CorruptMiddlePage();

        var (exitCode, stderr, stdout) = await PouchmonProcess.Run("db", "check", "--data", _folder.Path);

        AssertOneLine(exitCode, stderr, "is damaged");
        Assert.NotEmpty(stdout);
    }

    [Fact]
    public async Task DbRecover_SoundDatabase_WritesACopyWithEveryRow()
    {
        Fill(new SqliteDatabase(_folder.Path));
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(_folder.Path, "copy.db");

        var (exitCode, _, _) = await PouchmonProcess.Run("db", "recover", "--data", _folder.Path, "--out", copy);

        Assert.Equal(0, exitCode);
        using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM quarantine";
        Assert.Equal(2000L, (long)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task DbRecover_OutExists_RefusesNamingIt()
    {
        _ = new SqliteDatabase(_folder.Path);
        SqliteConnection.ClearAllPools();

        var (exitCode, stderr, _) = await PouchmonProcess.Run("db", "recover", "--data", _folder.Path, "--out", _folder.Path);

        AssertOneLine(exitCode, stderr, $"--out '{_folder.Path}' already exists");
    }

    private Task<(int ExitCode, string Stderr, string Stdout)> Serve(params string[] extra) =>
        PouchmonProcess.Run(
            ["serve", "--data", _folder.Path, $"--urls=http://127.0.0.1:{FreePort.Next()}", $"--Mqtt:Port={FreePort.Next()}", .. extra]);

    private static void AssertOneLine(int exitCode, string stderr, string expected)
    {
        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    private static void Fill(SqliteDatabase database)
    {
        using (var writer = new WriteQueue(database, TimeProvider.System, NullLogger<WriteQueue>.Instance))
        {
            for (var i = 0; i < 2000; i++)
            {
                writer.WriteAsync(QuarantineStore.Add(DateTimeOffset.UnixEpoch, "pouchmon/v1/dev-a/readings", new(new byte[200]), $"reason {i}"))
                    .GetAwaiter().GetResult();
            }
        }

        using var connection = database.Open();
        SqliteDatabase.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    // A page in the middle of the quarantine table's B-tree, overwritten with garbage after the WAL is checkpointed.
    private void CorruptMiddlePage()
    {
        Fill(new SqliteDatabase(_folder.Path));
        SqliteConnection.ClearAllPools();
        var path = Path.Combine(_folder.Path, "pouchmon.db");
        using var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        const int pageBytes = 4096;
        file.Position = file.Length / pageBytes / 2 * pageBytes;
        file.Write(Enumerable.Repeat((byte)0xA5, pageBytes).ToArray());
    }
}
