using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Ingestion;

/// <summary>
/// The experiments table of pouchmon.db: each experiment's experiment.json document and lifecycle state, by name.
/// </summary>
public sealed class ExperimentStore
{
    private const string Columns = "name, document, state, created_ms, updated_ms, started_ms, stopped_ms";
    private readonly SqliteDatabase _database;

    /// <summary>Keeps experiments in the table <c>experiments</c> of <paramref name="database"/>.</summary>
    public ExperimentStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>Every experiment, oldest first.</summary>
    public IReadOnlyList<StoredExperiment> All()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM experiments ORDER BY created_ms, name";
        using var reader = command.ExecuteReader();
        var result = new List<StoredExperiment>();
        while (reader.Read())
        {
            result.Add(new StoredExperiment(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<ExperimentState>(reader.GetString(2)),
                Time(reader, 3)!.Value,
                Time(reader, 4)!.Value,
                Time(reader, 5),
                Time(reader, 6)));
        }

        return result;
    }

    /// <summary>Writes every row of <paramref name="experiments"/> (insert or replace by name) in one transaction.</summary>
    public void Save(IEnumerable<StoredExperiment> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var e in experiments)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"INSERT OR REPLACE INTO experiments ({Columns}) VALUES ($name, $document, $state, $created, $updated, $started, $stopped)";
            command.Parameters.AddWithValue("$name", e.Name);
            command.Parameters.AddWithValue("$document", e.Document);
            command.Parameters.AddWithValue("$state", e.State.ToString());
            command.Parameters.AddWithValue("$created", e.CreatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$updated", e.UpdatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$started", (object?)e.StartedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.Parameters.AddWithValue("$stopped", (object?)e.StoppedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));
}
