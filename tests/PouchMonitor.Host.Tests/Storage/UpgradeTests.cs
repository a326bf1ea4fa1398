using Microsoft.Data.Sqlite;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Storage;

/// <summary>
/// A store written by the previous release (stop 7: <c>Fixtures/stop7</c>, four rig pouches, a GC sample and result
/// on P1, a vent on P2, a tare on P3) opened by this build.
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private const string Experiment = "seed-replay";
    private readonly TempFolder _folder = new();

    public UpgradeTests()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "stop7");
        File.Copy(Path.Combine(fixture, SqliteDatabase.FileName), Path.Combine(_folder.Path, SqliteDatabase.FileName));
        File.Copy(Path.Combine(fixture, "experiment.json"), ExperimentPath);
    }

    private string ExperimentPath => Path.Combine(_folder.Path, "experiment.json");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Open_Stop7Store_KeepsEveryRowAndRecordsEveryStep()
    {
        var database = new SqliteDatabase(_folder.Path);

        using var connection = database.Open();
        Assert.Equal(292, Count(connection, "readings"));
        Assert.Equal(292, Count(connection, "gas"));
        Assert.Equal(2, Count(connection, "events"));
        Assert.Equal(1, Count(connection, "gc_results"));
        Assert.Equal(1, Count(connection, "tares"));
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.Latest), Versions(connection));
        // Stop 7 spelled event kinds as the enum does ("Sample"); events.csv and this build spell them "sample".
        Assert.Equal(["sample", "vent"], Strings(connection, "SELECT kind FROM events ORDER BY id"));
    }

    [Fact]
    public void Open_StoreOfANewerBuild_RefusesNamingTheFileAndVersions()
    {
        using (var connection = new SqliteDatabase(_folder.Path).Open())
        {
            SqliteDatabase.Execute(connection, $"INSERT INTO schema_version VALUES ({SchemaMigrations.Latest + 1}, 0, 'from the future')");
        }

        var error = Assert.Throws<IOException>(() => new SqliteDatabase(_folder.Path));

        Assert.Contains(SqliteDatabase.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {SchemaMigrations.Latest + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Stop7Store_GoesOnWithTheRunningExperiment()
    {
        const string device = "esp32-rig-a";
        const string password = "rig-a-secret";
        var port = FreePort.Next();
        var (lastTime, lastPressurePa) = LastReading(device);
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path,
            ["Experiments:Files:0"] = ExperimentPath,
            ["Mqtt:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Mqtt:Devices:{device}"] = password,
        });
        var p1 = new PouchKey(Experiment, "P1");
        var gas = host.Get<GasStore>();
        var before = gas.Series(p1).Count;

        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(device).WithCredentials(device, password)
                .WithProtocolVersion(MqttProtocolVersion.V500).Build(),
            TestContext.Current.CancellationToken);
        // The board rebooted after the upgrade: a new boot, its readings after the stored ones.
        await client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(Topics.Readings(device))
                .WithPayload(TestDevice.Batch(device, 9, 0, 10, lastTime.AddMinutes(10), _ => lastPressurePa))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            TestContext.Current.CancellationToken);

        await Eventually.WaitAsync(() => gas.Series(p1).Count == before + 10, "the new boot's 10 readings become gas points of P1");
        Assert.Equal(73, before);
        Assert.Single(host.Get<ExperimentDataStore>().GcResults(p1));
        Assert.Single(host.Get<ExperimentDataStore>().Events(new PouchKey(Experiment, "P2")));
    }

    private (DateTimeOffset Time, double PressurePa) LastReading(string device)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, SqliteDatabase.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT time_ms, pressure_pa FROM readings WHERE device = $device ORDER BY time_ms DESC LIMIT 1";
        command.Parameters.AddWithValue("$device", device);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetDouble(1));
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static List<int> Versions(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version";
        using var reader = command.ExecuteReader();
        var versions = new List<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
