using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Open_Stop7StoreMadeBeforeTheUnplacedIndex_GetsTheIndex()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "stop7", SqliteDatabase.FileName), Path.Combine(_folder.Path, SqliteDatabase.FileName));

        using var reopened = new SqliteDatabase(_folder.Path).Open();
        using var command = reopened.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'readings_unplaced'";
        Assert.Contains("WHERE time_ms IS NULL", (string)command.ExecuteScalar()!, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaceUnsynced_QueryPlan_SearchesThePartialIndexNotTheBoot()
    {
        using var connection = new SqliteDatabase(_folder.Path).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ReadingStore.PlaceUnsyncedSql;
        command.Parameters.AddWithValue("$offset", 0L);
        command.Parameters.AddWithValue("$device", "dev-a");
        command.Parameters.AddWithValue("$boot", 1L);
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("USING INDEX readings_unplaced", StringComparison.Ordinal));
    }
}
