using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// InfluxDB line-protocol lines waiting to be mirrored, kept in SQLite so nothing is lost while the
/// database is down or the host restarts. Lines are written in the same transaction as the data they mirror.
/// </summary>
public sealed class Outbox
{
    private readonly SemaphoreSlim _added = new(0, 1);
    private readonly SqliteDatabase _database;

    /// <summary>The outbox of <paramref name="database"/>; lines left by an earlier run are sent first.</summary>
    public Outbox(SqliteDatabase database)
    {
        _database = database;
        PipelineMetrics.OutboxBacklog.Set(Count());
    }

    /// <summary>Queues lines inside the caller's transaction and wakes the mirror.</summary>
    public void Add(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> lines)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO outbox (line) VALUES ($line)";
        var line = command.Parameters.Add("$line", SqliteType.Text);
        foreach (var value in lines)
        {
            line.Value = value;
            command.ExecuteNonQuery();
            PipelineMetrics.OutboxBacklog.Inc();
        }

        Signal();
    }

    /// <summary>The oldest lines, at most <paramref name="maxCount"/>.</summary>
    public IReadOnlyList<OutboxLine> Peek(int maxCount)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, line FROM outbox ORDER BY id LIMIT $max";
        command.Parameters.AddWithValue("$max", maxCount);
        using var reader = command.ExecuteReader();
        var lines = new List<OutboxLine>();
        while (reader.Read())
        {
            lines.Add(new OutboxLine(reader.GetInt64(0), reader.GetString(1)));
        }

        return lines;
    }

    /// <summary>Removes every line up to and including <paramref name="lastId"/> once they are written.</summary>
    public void RemoveThrough(long lastId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM outbox WHERE id <= $id";
        command.Parameters.AddWithValue("$id", lastId);
        command.ExecuteNonQuery();
        PipelineMetrics.OutboxBacklog.Set(Count());
    }

    /// <summary>How many lines wait.</summary>
    public long Count()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Waits until lines are added or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _added.WaitAsync(timeout, cancellationToken);

    private void Signal()
    {
        try
        {
            _added.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the mirror will see every line on its next read.
        }
    }
}
