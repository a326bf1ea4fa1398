using Microsoft.Data.Sqlite;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// What one unit of work of the <see cref="WriteQueue"/> sees: the write connection inside the open transaction,
/// with statements prepared once and kept for the connection's life, and the actions to run once the work is
/// committed or rolled back.
/// </summary>
public sealed class WriteSession
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);
    private List<Action> _beforeCommit = [];
    private List<Action> _afterCommit = [];
    private List<Action> _onRollback = [];

    internal WriteSession(SqliteConnection connection) => Connection = connection;

    /// <summary>The one write connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>The open transaction of the current group.</summary>
    public SqliteTransaction Transaction { get; private set; } = null!;

    /// <summary>
    /// The prepared command of <paramref name="sql"/>, bound to the current transaction. Its parameters keep their
    /// last values: set every one with <see cref="Bind"/> before executing.
    /// </summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        return command;
    }

    /// <summary>
    /// The prepared statement of <paramref name="sql"/>, for the ingest path's statements that run for every message:
    /// it runs inside the current transaction, and its parameters keep their last values, so set every one.
    /// </summary>
    internal PreparedStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new PreparedStatement(Connection, sql);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Sets a parameter of a kept command, adding it on first use.</summary>
    public static void Bind(SqliteCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var index = command.Parameters.IndexOf(name);
        var parameter = index >= 0 ? command.Parameters[index] : command.Parameters.Add(new SqliteParameter { ParameterName = name });
        parameter.Value = value ?? DBNull.Value;
    }

    /// <summary>
    /// Runs <paramref name="action"/> inside the transaction after every work of the group, before the commit: for
    /// what is done once per group rather than once per message. A failure fails the group.
    /// </summary>
    public void BeforeCommit(Action action) => _beforeCommit.Add(action);

    /// <summary>Runs <paramref name="action"/> on the writer thread once this work's transaction is committed.</summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    /// <summary>Runs <paramref name="action"/> when this work is rolled back, to undo what it changed in memory.</summary>
    public void OnRollback(Action action) => _onRollback.Add(action);

    internal void Begin(SqliteTransaction transaction) => Transaction = transaction;

    /// <summary>The actions the current work registered, handed over and cleared for the next work.</summary>
    internal (List<Action> BeforeCommit, List<Action> AfterCommit, List<Action> OnRollback) TakeActions()
    {
        var actions = (_beforeCommit, _afterCommit, _onRollback);
        _beforeCommit = [];
        _afterCommit = [];
        _onRollback = [];
        return actions;
    }

    internal void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
    }
}
