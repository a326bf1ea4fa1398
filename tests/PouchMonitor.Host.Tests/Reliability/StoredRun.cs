using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>What the host's SQLite store holds, read from its data folder (while it runs, or after it was killed).</summary>
internal sealed class StoredRun(string dataFolder, string experiment)
{
    private readonly SqliteDatabase _database = new(dataFolder);

    public bool HasAll(IReadOnlyCollection<ReadingKey> expected)
    {
        var keys = Keys();
        return expected.All(keys.Contains);
    }

    /// <summary>Every (device, boot, seq) stored.</summary>
    public HashSet<ReadingKey> Keys()
    {
        var keys = new HashSet<ReadingKey>();
        Read("SELECT device, boot, seq FROM readings", r => keys.Add(new ReadingKey(r.GetString(0), (uint)r.GetInt64(1), (uint)r.GetInt64(2))));
        return keys;
    }

    public long Rows() => Scalar("SELECT COUNT(*) FROM readings");

    public long GasCount() => Scalar("SELECT COUNT(*) FROM gas");

    public long Conflicts() => Scalar("SELECT COUNT(*) FROM reading_conflicts");

    public long OutboxCount() => Scalar("SELECT COUNT(*) FROM outbox");

    /// <summary>Each pouch's gas curve: time (Unix ms) to dry gas in mL at standard conditions (null where there is none).</summary>
    public Dictionary<string, Dictionary<long, double?>> Gas()
    {
        var gas = new Dictionary<string, Dictionary<long, double?>>();
        Read($"SELECT pouch, time_ms, dry_gas_ml_std FROM gas WHERE experiment = '{experiment}'", r =>
        {
            var pouch = r.GetString(0);
            if (!gas.TryGetValue(pouch, out var curve))
            {
                gas[pouch] = curve = [];
            }

            curve[r.GetInt64(1)] = r.IsDBNull(2) ? null : r.GetDouble(2);
        });
        return gas;
    }

    private long Scalar(string sql)
    {
        long value = 0;
        Read(sql, r => value = r.GetInt64(0));
        return value;
    }

    private void Read(string sql, Action<SqliteDataReader> row)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }
}
