using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// One statement of the write connection, prepared once and run with SQLite's own calls. Microsoft.Data.Sqlite,
/// on every run of a kept command, looks each parameter up by its name (converted to UTF-8 each time), boxes its
/// value and makes a data reader; here each name is looked up once and values are bound as they are. The ingest
/// path runs about twenty statements per message, so this is a large share of its cost (docs/performance.md).
/// It runs inside whatever transaction the connection has open; an error is a <see cref="SqliteException"/> with
/// SQLite's result code, as from a command.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    /// <summary>Prepares <paramref name="sql"/> (one statement) on the open <paramref name="connection"/>.</summary>
    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>Sets parameter <paramref name="name"/> (with its <c>$</c>) for the next run.</summary>
    public void Bind(string name, long value) => Check(raw.sqlite3_bind_int64(_statement, Index(name), value));

    /// <inheritdoc cref="Bind(string, long)"/>
    public void Bind(string name, long? value) => Check(value is { } v
        ? raw.sqlite3_bind_int64(_statement, Index(name), v)
        : raw.sqlite3_bind_null(_statement, Index(name)));

    /// <inheritdoc cref="Bind(string, long)"/>
    public void Bind(string name, double? value) => Check(value is { } v
        ? raw.sqlite3_bind_double(_statement, Index(name), v)
        : raw.sqlite3_bind_null(_statement, Index(name)));

    /// <inheritdoc cref="Bind(string, long)"/>
    public void Bind(string name, string? value) => Check(value is null
        ? raw.sqlite3_bind_null(_statement, Index(name))
        : raw.sqlite3_bind_text16(_statement, Index(name), value.AsSpan()));

    /// <summary>Runs a statement that returns no rows; the number of rows it inserted, updated or deleted.</summary>
    public int Execute()
    {
        try
        {
            while (Step())
            {
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs the statement and reads each row it returns with <paramref name="read"/>.</summary>
    public List<T> Query<T>(Func<PreparedStatement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var rows = new List<T>();
        try
        {
            while (Step())
            {
                rows.Add(read(this));
            }

            return rows;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>True when column <paramref name="ordinal"/> of the current row is NULL.</summary>
    public bool IsNull(int ordinal) => raw.sqlite3_column_type(_statement, ordinal) == raw.SQLITE_NULL;

    /// <summary>Column <paramref name="ordinal"/> of the current row as an integer.</summary>
    public long GetInt64(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal);

    /// <summary>Column <paramref name="ordinal"/> of the current row as a number, or null.</summary>
    public double? GetNullableDouble(int ordinal) => IsNull(ordinal) ? null : raw.sqlite3_column_double(_statement, ordinal);

    /// <summary>Column <paramref name="ordinal"/> of the current row as text, or null.</summary>
    public string? GetNullableString(int ordinal) => IsNull(ordinal) ? null : raw.sqlite3_column_text(_statement, ordinal).utf8_to_string();

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    private bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        Check(result == raw.SQLITE_DONE ? raw.SQLITE_OK : result);
        return false;
    }

    private int Index(string name)
    {
        if (!_indexes.TryGetValue(name, out var index))
        {
            index = raw.sqlite3_bind_parameter_index(_statement, name);
            if (index == 0)
            {
                throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
            }

            _indexes.Add(name, index);
        }

        return index;
    }

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
