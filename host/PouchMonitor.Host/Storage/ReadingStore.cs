using Microsoft.Data.Sqlite;
using PouchMonitor.Contracts;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Raw readings, stored once per (device, boot, sequence). A reading made before the device's first time sync
/// waits without a time until a reading of the same boot carries both uptime and UTC time.
/// </summary>
public sealed class ReadingStore(SqliteDatabase database)
{
    private const string Columns = "device, boot, seq, sensor, time_ms, pressure_pa, temperature_c, fault";

    /// <summary>Places a boot's readings that wait for a time; visits only those, through the partial index <c>readings_unplaced</c>.</summary>
    internal const string PlaceUnsyncedSql =
        $"UPDATE readings SET time_ms = uptime_ms + $offset WHERE device = $device AND boot = $boot AND time_ms IS NULL RETURNING {Columns}";

    /// <summary>Stores a decoded batch in one transaction.</summary>
    public ReadingInsert Add(ReadingBatch batch, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var inserted = Insert(connection, transaction, batch, receivedAt);
        var offsetMs = batch.Readings.FirstOrDefault(r => r.Time is not null) is { } synced
            ? synced.Time!.Value.ToUnixTimeMilliseconds() - synced.UptimeMs
            : FindOffsetMs(connection, transaction, batch.DeviceId, batch.Boot);
        var placed = inserted.Where(r => r.Time is not null)
            .Select(r => ToStored(batch, r))
            .Concat(offsetMs is { } offset ? PlaceUnsynced(connection, transaction, batch.DeviceId, batch.Boot, offset) : [])
            .OrderBy(r => r.Time)
            .ToList();
        transaction.Commit();
        return new ReadingInsert(inserted.Count, batch.Readings.Count - inserted.Count, placed);
    }

    /// <summary>Every placed reading of one sensor, in time order.</summary>
    public IReadOnlyList<StoredReading> ForSensor(string deviceId, int sensorIndex)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM readings WHERE device = $device AND sensor = $sensor AND time_ms IS NOT NULL ORDER BY time_ms, boot, seq";
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$sensor", sensorIndex);
        return ReadAll(command);
    }

    /// <summary>How many readings are stored, placed or not.</summary>
    public long Count()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM readings";
        return (long)command.ExecuteScalar()!;
    }

    private static List<Reading> Insert(SqliteConnection connection, SqliteTransaction transaction, ReadingBatch batch, DateTimeOffset receivedAt)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO readings (device, boot, seq, sensor, uptime_ms, time_ms, pressure_pa, temperature_c, fault, received_ms)
            VALUES ($device, $boot, $seq, $sensor, $up, $time, $p, $c, $fault, $received)
            """;
        command.Parameters.AddWithValue("$device", batch.DeviceId);
        command.Parameters.AddWithValue("$boot", (long)batch.Boot);
        command.Parameters.AddWithValue("$received", receivedAt.ToUnixTimeMilliseconds());
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        var sensor = command.Parameters.Add("$sensor", SqliteType.Integer);
        var uptime = command.Parameters.Add("$up", SqliteType.Integer);
        var time = command.Parameters.Add("$time", SqliteType.Integer);
        var pressure = command.Parameters.Add("$p", SqliteType.Real);
        var temperature = command.Parameters.Add("$c", SqliteType.Real);
        var fault = command.Parameters.Add("$fault", SqliteType.Text);
        var inserted = new List<Reading>();
        foreach (var reading in batch.Readings)
        {
            seq.Value = (long)reading.Sequence;
            sensor.Value = reading.SensorIndex;
            uptime.Value = reading.UptimeMs;
            time.Value = (object?)reading.Time?.ToUnixTimeMilliseconds() ?? DBNull.Value;
            pressure.Value = (object?)reading.PressurePa ?? DBNull.Value;
            temperature.Value = (object?)reading.TemperatureC ?? DBNull.Value;
            fault.Value = reading.Fault is { } code ? SensorFaultCodes.ToCode(code) : DBNull.Value;
            if (command.ExecuteNonQuery() == 1)
            {
                inserted.Add(reading);
            }
        }

        return inserted;
    }

    private static long? FindOffsetMs(SqliteConnection connection, SqliteTransaction transaction, string deviceId, uint boot)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT time_ms - uptime_ms FROM readings WHERE device = $device AND boot = $boot AND time_ms IS NOT NULL LIMIT 1";
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$boot", (long)boot);
        return command.ExecuteScalar() is long offsetMs ? offsetMs : null;
    }

    private static List<StoredReading> PlaceUnsynced(SqliteConnection connection, SqliteTransaction transaction, string deviceId, uint boot, long offsetMs)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = PlaceUnsyncedSql;
        command.Parameters.AddWithValue("$offset", offsetMs);
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$boot", (long)boot);
        return ReadAll(command);
    }

    private static List<StoredReading> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var readings = new List<StoredReading>();
        while (reader.Read())
        {
            readings.Add(new StoredReading(
                reader.GetString(0),
                (uint)reader.GetInt64(1),
                (uint)reader.GetInt64(2),
                reader.GetInt32(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                reader.IsDBNull(7) ? null : SensorFaultCodes.TryParse(reader.GetString(7), out var fault) ? fault : null));
        }

        return readings;
    }

    private static StoredReading ToStored(ReadingBatch batch, Reading r) =>
        new(batch.DeviceId, batch.Boot, r.Sequence, r.SensorIndex, r.Time!.Value, r.PressurePa, r.TemperatureC, r.Fault);
}
