using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// InfluxDB line-protocol lines waiting to be mirrored, kept in SQLite so nothing is lost while the
/// database is down or the host restarts. Lines are written in the same transaction as the data they mirror.
/// Without an InfluxDB configured nothing is queued. The backlog is counted in memory (counted in SQL once, at start).
/// </summary>
public sealed class Outbox
{
    private const string InsertSql = "INSERT INTO outbox (line) VALUES ($line)";

    // Holds at most one wake-up; further signals are dropped, never thrown.
    private readonly Channel<bool> _added = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SqliteDatabase _database;
    private readonly bool _isEnabled;
    private long _backlog;

    /// <summary>The outbox of <paramref name="database"/>; lines left by an earlier run are sent first.</summary>
    public Outbox(SqliteDatabase database, IOptions<InfluxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _isEnabled = options.Value.IsEnabled;
        Adjust(Count());
    }

    /// <summary>Lines waiting, as counted in memory.</summary>
    public long Backlog => Interlocked.Read(ref _backlog);

    /// <summary>Queues lines inside the writer's transaction; the mirror is woken once they are committed.</summary>
    public void Add(WriteSession session, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_isEnabled)
        {
            return;
        }

        var statement = session.Statement(InsertSql);
        var count = 0;
        foreach (var line in lines)
        {
            statement.Bind("$line", line);
            statement.Execute();
            count++;
        }

        if (count > 0)
        {
            session.AfterCommit(() => Added(count));
        }
    }

    /// <summary>Queues lines inside the caller's transaction, which the caller commits right after, and wakes the mirror.</summary>
    public void Add(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!_isEnabled)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        Added(Insert(command, lines));
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

    /// <summary>Removes the written <paramref name="lines"/>, every line up to and including the last one's id.</summary>
    public void Remove(IReadOnlyList<OutboxLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM outbox WHERE id <= $id";
        command.Parameters.AddWithValue("$id", lines[^1].Id);
        Adjust(-command.ExecuteNonQuery());
    }

    /// <summary>How many lines wait, counted in SQL.</summary>
    public long Count()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Waits until lines are added or <paramref name="timeout"/> passes on <paramref name="timeProvider"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(timeout, timeProvider);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, cancellationToken);
        try
        {
            await _added.Reader.ReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Idle poll: nothing signalled within the timeout.
        }
    }

    private static int Insert(SqliteCommand command, IEnumerable<string> lines)
    {
        var count = 0;
        foreach (var value in lines)
        {
            WriteSession.Bind(command, "$line", value);
            command.ExecuteNonQuery();
            count++;
        }

        return count;
    }

    private void Added(int count)
    {
        Adjust(count);
        _added.Writer.TryWrite(true);
    }

    private void Adjust(long delta) => PipelineMetrics.OutboxBacklog.Set(Interlocked.Add(ref _backlog, delta));
}
