using System.Text.Json;
using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// The journal of lab entries (events, GC results, tares): every create, replace and delete with who, when and the old
/// and new value, written in the same transaction as the change itself.
/// </summary>
public sealed class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    /// <summary>Keeps the trail in the table <c>audit</c> of <paramref name="database"/>.</summary>
    public AuditTrail(SqliteDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _timeProvider = timeProvider;
    }

    /// <summary>Adds a row inside the caller's transaction; the action follows from which values are present.</summary>
    public void Record(SqliteConnection connection, SqliteTransaction transaction, PouchKey pouch, string user, string entity, object? oldValue, object? newValue)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit (at_ms, user, experiment, pouch, entity, action, old_json, new_json)
            VALUES ($at, $user, $experiment, $pouch, $entity, $action, $old, $new)
            """;
        command.Parameters.AddWithValue("$at", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$user", user);
        command.Parameters.AddWithValue("$experiment", pouch.Experiment);
        command.Parameters.AddWithValue("$pouch", pouch.Pouch);
        command.Parameters.AddWithValue("$entity", entity);
        command.Parameters.AddWithValue("$action", oldValue is null ? "create" : newValue is null ? "delete" : "replace");
        command.Parameters.AddWithValue("$old", oldValue is null ? DBNull.Value : JsonSerializer.Serialize(oldValue, Json));
        command.Parameters.AddWithValue("$new", newValue is null ? DBNull.Value : JsonSerializer.Serialize(newValue, Json));
        command.ExecuteNonQuery();
    }

    /// <summary>The experiment's journal, newest first.</summary>
    public IReadOnlyList<AuditEntry> Journal(string experiment)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at_ms, user, experiment, pouch, entity, action, old_json, new_json FROM audit
            WHERE experiment = $experiment ORDER BY id DESC
            """;
        command.Parameters.AddWithValue("$experiment", experiment);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return entries;
    }
}
