using Microsoft.Data.Sqlite;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Raw readings, stored once per (device, boot, sequence). A reading made before the device's first time sync
/// waits without a time until a reading of the same boot carries both uptime and UTC time. A reading whose key is
/// stored with other values is kept in <c>reading_conflicts</c>; an identical repeat is a silent duplicate.
/// </summary>
public sealed class ReadingStore(SqliteDatabase database)
{
    private const string Columns = "device, boot, seq, sensor, time_ms, pressure_pa, temperature_c, fault";

    /// <summary>Places a boot's readings that wait for a time; visits only those, through the partial index <c>readings_unplaced</c>.</summary>
    internal const string PlaceUnsyncedSql =
        $"UPDATE readings SET time_ms = uptime_ms + $offset WHERE device = $device AND boot = $boot AND time_ms IS NULL RETURNING {Columns}";

    private const string InsertSql = """
        INSERT OR IGNORE INTO readings (device, boot, seq, sensor, uptime_ms, time_ms, pressure_pa, temperature_c, fault, received_ms)
        VALUES ($device, $boot, $seq, $sensor, $up, $time, $p, $c, $fault, $received)
        """;

    private const string StoredSql =
        "SELECT sensor, uptime_ms, time_ms, pressure_pa, temperature_c, fault FROM readings WHERE device = $device AND boot = $boot AND seq = $seq";

    private const string ConflictSql = """
        INSERT INTO reading_conflicts (device, boot, seq, sensor, uptime_ms, time_ms, pressure_pa, temperature_c, fault, received_ms)
        VALUES ($device, $boot, $seq, $sensor, $up, $time, $p, $c, $fault, $received)
        """;

    private const string OffsetSql =
        "SELECT time_ms - uptime_ms FROM readings WHERE device = $device AND boot = $boot AND time_ms IS NOT NULL LIMIT 1";

    private const string ForSensorSql =
        $"SELECT {Columns} FROM readings WHERE device = $device AND sensor = $sensor AND time_ms IS NOT NULL ORDER BY time_ms, boot, seq";

    /// <summary>Stores a decoded batch inside the writer's transaction.</summary>
    public static ReadingInsert Add(WriteSession session, ReadingBatch batch, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(batch);
        var inserted = new List<Reading>();
        var conflicts = 0;
        foreach (var reading in batch.Readings)
        {
            if (Insert(session, InsertSql, batch, reading, receivedAt))
            {
                inserted.Add(reading);
            }
            else if (!IsStoredAs(session, batch, reading))
            {
                Insert(session, ConflictSql, batch, reading, receivedAt);
                conflicts++;
            }
        }

        var offsetMs = batch.Readings.FirstOrDefault(r => r.Time is not null) is { } synced
            ? synced.Time!.Value.ToUnixTimeMilliseconds() - synced.UptimeMs
            : FindOffsetMs(session, batch.DeviceId, batch.Boot);
        var placed = inserted.Where(r => r.Time is not null)
            .Select(r => ToStored(batch, r))
            .Concat(offsetMs is { } offset ? PlaceUnsynced(session, batch.DeviceId, batch.Boot, offset) : [])
            .OrderBy(r => r.Time)
            .ToList();
        return new ReadingInsert(inserted.Count, batch.Readings.Count - inserted.Count - conflicts, conflicts, placed);
    }

    /// <summary>Every placed reading of one sensor, in time order.</summary>
    public IReadOnlyList<StoredReading> ForSensor(string deviceId, int sensorIndex)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ForSensorSql;
        return ForSensor(command, deviceId, sensorIndex);
    }

    /// <summary>Every placed reading of one sensor in time order, read row by row as the caller enumerates (memory stays flat).</summary>
    public IEnumerable<StoredReading> StreamForSensor(string deviceId, int sensorIndex)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ForSensorSql;
        WriteSession.Bind(command, "$device", deviceId);
        WriteSession.Bind(command, "$sensor", sensorIndex);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return Read(reader);
        }
    }

    /// <summary>Every placed reading of one sensor as the writer's open transaction sees them, in time order.</summary>
    public static IReadOnlyList<StoredReading> ForSensor(WriteSession session, string deviceId, int sensorIndex)
    {
        ArgumentNullException.ThrowIfNull(session);
        var statement = session.Statement(ForSensorSql);
        statement.Bind("$device", deviceId);
        statement.Bind("$sensor", sensorIndex);
        return statement.Query(Read);
    }

    /// <summary>How many readings are stored, placed or not.</summary>
    public long Count() => Scalar("SELECT COUNT(*) FROM readings");

    /// <summary>How many readings of <paramref name="deviceId"/> are stored, placed or not.</summary>
    public long Count(string deviceId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM readings WHERE device = $device";
        WriteSession.Bind(command, "$device", deviceId);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>How many readings arrived again with other values than the stored ones.</summary>
    public long ConflictCount() => Scalar("SELECT COUNT(*) FROM reading_conflicts");

    private long Scalar(string sql)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static IReadOnlyList<StoredReading> ForSensor(SqliteCommand command, string deviceId, int sensorIndex)
    {
        WriteSession.Bind(command, "$device", deviceId);
        WriteSession.Bind(command, "$sensor", sensorIndex);
        return ReadAll(command);
    }

    /// <summary>Inserts one reading with <paramref name="sql"/>; true when a row was added.</summary>
    private static bool Insert(WriteSession session, string sql, ReadingBatch batch, Reading reading, DateTimeOffset receivedAt)
    {
        var statement = session.Statement(sql);
        BindKey(statement, batch, reading);
        statement.Bind("$sensor", reading.SensorIndex);
        statement.Bind("$up", reading.UptimeMs);
        statement.Bind("$time", reading.Time?.ToUnixTimeMilliseconds());
        statement.Bind("$p", reading.PressurePa);
        statement.Bind("$c", reading.TemperatureC);
        statement.Bind("$fault", reading.Fault is { } code ? SensorFaultCodes.ToCode(code) : null);
        statement.Bind("$received", receivedAt.ToUnixTimeMilliseconds());
        return statement.Execute() == 1;
    }

    /// <summary>True when the stored reading of the same key has the same values (a time only when this one has one).</summary>
    private static bool IsStoredAs(WriteSession session, ReadingBatch batch, Reading reading)
    {
        var statement = session.Statement(StoredSql);
        BindKey(statement, batch, reading);
        return statement.Query(stored => stored.GetInt64(0) == reading.SensorIndex
            && stored.GetInt64(1) == reading.UptimeMs
            && (reading.Time is null || (!stored.IsNull(2) && stored.GetInt64(2) == reading.Time.Value.ToUnixTimeMilliseconds()))
            && stored.GetNullableDouble(3) == reading.PressurePa
            && stored.GetNullableDouble(4) == reading.TemperatureC
            && stored.GetNullableString(5) == (reading.Fault is { } code ? SensorFaultCodes.ToCode(code) : null))[0];
    }

    private static void BindKey(PreparedStatement statement, ReadingBatch batch, Reading reading)
    {
        statement.Bind("$device", batch.DeviceId);
        statement.Bind("$boot", (long)batch.Boot);
        statement.Bind("$seq", (long)reading.Sequence);
    }

    private static long? FindOffsetMs(WriteSession session, string deviceId, uint boot)
    {
        var statement = session.Statement(OffsetSql);
        statement.Bind("$device", deviceId);
        statement.Bind("$boot", (long)boot);
        return statement.Query(row => row.GetInt64(0)) is [var offsetMs, ..] ? offsetMs : null;
    }

    private static List<StoredReading> PlaceUnsynced(WriteSession session, string deviceId, uint boot, long offsetMs)
    {
        var statement = session.Statement(PlaceUnsyncedSql);
        statement.Bind("$offset", offsetMs);
        statement.Bind("$device", deviceId);
        statement.Bind("$boot", (long)boot);
        return statement.Query(Read);
    }

    private static List<StoredReading> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var readings = new List<StoredReading>();
        while (reader.Read())
        {
            readings.Add(Read(reader));
        }

        return readings;
    }

    private static StoredReading Read(PreparedStatement row) => new(
        row.GetNullableString(0)!,
        (uint)row.GetInt64(1),
        (uint)row.GetInt64(2),
        (int)row.GetInt64(3),
        DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(4)),
        row.GetNullableDouble(5),
        row.GetNullableDouble(6),
        row.GetNullableString(7) is { } code && SensorFaultCodes.TryParse(code, out var fault) ? fault : null);

    private static StoredReading Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        (uint)reader.GetInt64(1),
        (uint)reader.GetInt64(2),
        reader.GetInt32(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        NullableDouble(reader, 5),
        NullableDouble(reader, 6),
        reader.IsDBNull(7) ? null : SensorFaultCodes.TryParse(reader.GetString(7), out var fault) ? fault : null);

    private static double? NullableDouble(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static StoredReading ToStored(ReadingBatch batch, Reading r) =>
        new(batch.DeviceId, batch.Boot, r.Sequence, r.SensorIndex, r.Time!.Value, r.PressurePa, r.TemperatureC, r.Fault);
}
