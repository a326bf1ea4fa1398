using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Tests.Storage;

public sealed class WriteQueueTests : IDisposable
{
    private const string InsertSql = "INSERT INTO quarantine (received_ms, topic, reason, payload) VALUES (0, $topic, 'test', x'')";
    private readonly TempFolder _folder = new();
    private readonly SqliteDatabase _database;
    private readonly WriteQueue _writer;

    public WriteQueueTests()
    {
        _database = new SqliteDatabase(_folder.Path);
        _writer = new WriteQueue(_database, TimeProvider.System, NullLogger<WriteQueue>.Instance);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task WriteAsync_WorkQueuedDuringACommit_CommittedTogetherInTheNextTransaction()
    {
        using var gate = new ManualResetEventSlim();
        var blocking = WriterHold.Until(_writer, gate);
        var queued = Enumerable.Range(0, 50).Select(i => _writer.WriteAsync(session => Insert(session, $"t{i}"))).ToList();

        gate.Set();
        await blocking;
        var transactions = await Task.WhenAll(queued);

        Assert.Single(transactions.Distinct());
        Assert.Equal(50, Topics().Count);
    }

    [Fact]
    public async Task WriteAsync_OneWorkOfAGroupThrows_OnlyItFailsAndTheOthersCommit()
    {
        using var gate = new ManualResetEventSlim();
        var blocking = WriterHold.Until(_writer, gate);
        var before = _writer.WriteAsync(session => Insert(session, "before"));
        var failing = _writer.WriteAsync(session =>
        {
            Insert(session, "failing");
            throw new InvalidOperationException("this message cannot be stored");
        });
        var after = _writer.WriteAsync(session => Insert(session, "after"));

        gate.Set();
        await Task.WhenAll(blocking, before, after);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(["after", "before"], Topics().Order(StringComparer.Ordinal));
        Assert.Null(_writer.Failure);
    }

    [Fact]
    public async Task WriteAsync_ConstraintErrorInOneWorkOfAGroup_OnlyItFailsAndTheOthersCommit()
    {
        using var gate = new ManualResetEventSlim();
        var blocking = WriterHold.Until(_writer, gate);
        var before = _writer.WriteAsync(session => Insert(session, "before"));
        var failing = _writer.WriteAsync(session => Insert(session, null));
        var after = _writer.WriteAsync(session => Insert(session, "after"));

        gate.Set();
        await Task.WhenAll(blocking, before, after);

        Assert.Equal(19, (await Assert.ThrowsAsync<SqliteException>(() => failing)).SqliteErrorCode);
        Assert.Equal(["after", "before"], Topics().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_StorageErrorInAWork_FailsTheWholeGroupAndRunsItsRollbackActions()
    {
        var rolledBack = false;
        var committed = false;
        using var gate = new ManualResetEventSlim();
        var blocking = WriterHold.Until(_writer, gate);
        var first = _writer.WriteAsync(session =>
        {
            Insert(session, "first");
            session.AfterCommit(() => committed = true);
        });
        var full = _writer.WriteAsync(session =>
        {
            session.OnRollback(() => rolledBack = true);
            throw new SqliteException("database or disk is full", 13);
        });

        gate.Set();
        await blocking;

        await Assert.ThrowsAsync<SqliteException>(() => first);
        await Assert.ThrowsAsync<SqliteException>(() => full);
        Assert.Equal((true, false), (rolledBack, committed));
        Assert.Empty(Topics());
        Assert.NotNull(_writer.Failure);
    }

    [Fact]
    public async Task WriteAsync_StoreLockedByAnotherWriter_ReportsTheFailureUntilACommitSucceeds()
    {
        using (var other = _database.Open())
        {
            SqliteDatabase.Execute(other, "BEGIN EXCLUSIVE");
            await Assert.ThrowsAsync<SqliteException>(() => _writer.WriteAsync(session => Insert(session, "locked out")));
            SqliteDatabase.Execute(other, "COMMIT");
        }

        Assert.Contains("locked", _writer.Failure?.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _writer.FailedCommits);

        await _writer.WriteAsync(session => Insert(session, "later"));

        Assert.Null(_writer.Failure);
        Assert.Equal(["later"], Topics());
    }

    private static SqliteTransaction Insert(WriteSession session, string? topic)
    {
        var command = session.Command(InsertSql);
        WriteSession.Bind(command, "$topic", topic);
        command.ExecuteNonQuery();
        return session.Transaction;
    }

    private List<string> Topics()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT topic FROM quarantine";
        using var reader = command.ExecuteReader();
        var topics = new List<string>();
        while (reader.Read())
        {
            topics.Add(reader.GetString(0));
        }

        return topics;
    }
}
