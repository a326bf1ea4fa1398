using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// The one writer of the ingest path: a long-lived connection with its prepared statements, on a thread of its own.
/// Work queued while a commit is under way is committed together in the next transaction (group commit); the task of
/// each piece of work completes only after that commit, and that is when the message it stores may be acknowledged.
/// A failure of the store as a whole (locked, full, I/O) fails the whole group (every message of it is delivered
/// again); any other failure of one piece redoes the group's pieces one by one, so only that piece fails.
/// </summary>
public sealed partial class WriteQueue : IDisposable
{
    private const int MaxGroupSize = 512;
    private readonly BlockingCollection<Work> _queue = new(boundedCapacity: 8192);
    private readonly SqliteConnection _connection;
    private readonly WriteSession _session;
    private readonly Thread _thread;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<WriteQueue> _logger;
    private StorageFailure? _failure;
    private long _failedCommits;

    /// <summary>Opens the write connection of <paramref name="database"/> and starts the writer thread.</summary>
    public WriteQueue(SqliteDatabase database, TimeProvider timeProvider, ILogger<WriteQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        _timeProvider = timeProvider;
        _logger = logger;
        _connection = database.Open();
        SqliteDatabase.Execute(_connection, "PRAGMA cache_size=-65536;");
        _session = new WriteSession(_connection);
        _thread = new Thread(Run) { IsBackground = true, Name = "pouchmon-writer" };
        _thread.Start();
    }

    /// <summary>The failure of the store as a whole while commits fail so; null once one succeeds.</summary>
    public StorageFailure? Failure => Volatile.Read(ref _failure);

    /// <summary>Commits that failed since the start.</summary>
    public long FailedCommits => Interlocked.Read(ref _failedCommits);

    /// <summary>Queues <paramref name="work"/>; the task ends with its result once it is committed.</summary>
    public Task<T> WriteAsync<T>(Func<WriteSession, T> work)
    {
        var item = new Work<T>(work);
        _queue.Add(item);
        return item.Task;
    }

    /// <summary>Queues <paramref name="work"/>; the task ends once it is committed.</summary>
    public Task WriteAsync(Action<WriteSession> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(session =>
        {
            work(session);
            return true;
        });
    }

    /// <summary>Runs <paramref name="work"/> in the writer and waits until it is committed.</summary>
    public T Write<T>(Func<WriteSession, T> work) => WriteAsync(work).GetAwaiter().GetResult();

    /// <summary>Finishes the queued work, then closes the write connection.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _session.DisposeCommands();
        _connection.Dispose();
        _queue.Dispose();
    }

    private void Run()
    {
        var group = new List<Work>(MaxGroupSize);
        while (_queue.TryTake(out var first, Timeout.Infinite))
        {
            group.Add(first);
            while (group.Count < MaxGroupSize && _queue.TryTake(out var next))
            {
                group.Add(next);
            }

            Commit(group);
            group.Clear();
        }
    }

    private void Commit(List<Work> group)
    {
        var failure = TryCommit(group);
        if (failure is null)
        {
            return;
        }

        if (IsStorageWide(failure) || group.Count == 1)
        {
            group.ForEach(work => work.Fail(failure));
            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (TryCommit([group[i]]) is not { } own)
            {
                continue;
            }

            group[i].Fail(own);
            if (IsStorageWide(own))
            {
                // The store itself fails now: the rest would only wait for it one by one.
                foreach (var rest in group.Skip(i + 1))
                {
                    rest.Fail(own);
                }

                return;
            }
        }
    }

    /// <summary>
    /// True for failures of the store as a whole (busy, locked, read-only, I/O, corrupt, full, cannot open, not a
    /// database), as opposed to one message's own (a constraint, or an error outside SQLite).
    /// </summary>
    private static bool IsStorageWide(Exception failure) =>
        failure is SqliteException { SqliteErrorCode: 5 or 6 or 8 or 10 or 11 or 13 or 14 or 26 };

    /// <summary>Runs and commits the group in one transaction; the exception that stopped it, or null.</summary>
    private Exception? TryCommit(List<Work> group)
    {
        var beforeCommit = new List<Action>();
        var afterCommit = new List<Action>();
        var onRollback = new List<Action>();
        SqliteTransaction? transaction = null;
        try
        {
            transaction = _connection.BeginTransaction();
            _session.Begin(transaction);
            foreach (var work in group)
            {
                try
                {
                    work.Run(_session);
                }
                finally
                {
                    Collect(beforeCommit, afterCommit, onRollback);
                }
            }

            // Work done once per group may register more actions of its own (after-commit, rollback).
            for (var i = 0; i < beforeCommit.Count; i++)
            {
                try
                {
                    beforeCommit[i]();
                }
                finally
                {
                    Collect(beforeCommit, afterCommit, onRollback);
                }
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            RollBack(transaction, onRollback);
            Interlocked.Increment(ref _failedCommits);
            PipelineMetrics.StorageCommitsFailed.Inc();
            if (IsStorageWide(ex))
            {
                RecordFailure(ex);
            }
            else
            {
                LogWorkFailed(ex);
            }

            return ex;
        }
        finally
        {
            transaction?.Dispose();
        }

        RecordSuccess();
        group.ForEach(work => work.Complete());
        foreach (var action in afterCommit)
        {
            RunGuarded(action);
        }

        return null;
    }

    private void Collect(List<Action> beforeCommit, List<Action> afterCommit, List<Action> onRollback)
    {
        var actions = _session.TakeActions();
        beforeCommit.AddRange(actions.BeforeCommit);
        afterCommit.AddRange(actions.AfterCommit);
        onRollback.AddRange(actions.OnRollback);
    }

    private void RollBack(SqliteTransaction? transaction, List<Action> onRollback)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (SqliteException ex)
        {
            // SQLite rolls back by itself on some errors (disk full, I/O); nothing is left to undo then.
            LogRollbackFailed(ex.Message);
        }

        for (var i = onRollback.Count - 1; i >= 0; i--)
        {
            RunGuarded(onRollback[i]);
        }
    }

    private void RunGuarded(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            // What follows a commit (alerts, live feed) must not fail the messages already stored.
            LogActionFailed(ex);
        }
    }

    private void RecordFailure(Exception ex)
    {
        var previous = Volatile.Read(ref _failure);
        Volatile.Write(ref _failure, new StorageFailure(previous?.Since ?? _timeProvider.GetUtcNow(), ex.Message));
        if (previous is null)
        {
            LogCommitsFailing(ex.Message);
        }
    }

    private void RecordSuccess()
    {
        if (Interlocked.Exchange(ref _failure, null) is { } ended)
        {
            LogCommitsRecovered(ended.Since);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite commits fail; their messages are not acknowledged and are delivered again: {Reason}")]
    private partial void LogCommitsFailing(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite commits succeed again (failing since {Since:o})")]
    private partial void LogCommitsRecovered(DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message's own write failed; it is not acknowledged")]
    private partial void LogWorkFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rolling back a failed write: {Reason}")]
    private partial void LogRollbackFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "An action after a commit failed")]
    private partial void LogActionFailed(Exception ex);

    private abstract class Work
    {
        public abstract void Run(WriteSession session);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Work<T>(Func<WriteSession, T> work) : Work
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public override void Run(WriteSession session) => _result = work(session);

        public override void Complete() => _done.TrySetResult(_result);

        public override void Fail(Exception exception) => _done.TrySetException(exception);
    }
}
