using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Dashboard;

/// <summary>
/// Reads of the <c>gas</c> table shaped for the dashboard: one or a few columns of a pouch, walked along the
/// table's (experiment, pouch, time) key, so a two-week 10-s series is read without sorting.
/// </summary>
public sealed class DashboardQueries(SqliteDatabase database)
{
    private static readonly HashSet<string> Columns =
    [
        "pressure_pa", "temperature_c", "vessel_dry_gas_ml_std", "dry_gas_ml_std", "dry_gas_ml_std_per_g", "h2_ml_std", "h2_ml_std_per_g",
    ];

    /// <summary>The non-empty values of <paramref name="column"/> of a pouch after <paramref name="afterMs"/> (Unix ms), in time order.</summary>
    public (double[] TimeMs, double[] Values) Series(PouchKey pouch, string column, long afterMs = long.MinValue)
    {
        if (!Columns.Contains(column))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "not a dashboard column");
        }

        using var connection = database.Open();
        using var command = Command(connection, pouch,
            $"SELECT time_ms, {column} FROM gas WHERE experiment = $experiment AND pouch = $pouch AND time_ms > $after AND {column} IS NOT NULL ORDER BY time_ms");
        command.Parameters.AddWithValue("$after", afterMs);
        using var reader = command.ExecuteReader();
        var times = new List<double>();
        var values = new List<double>();
        while (reader.Read())
        {
            times.Add(reader.GetInt64(0));
            values.Add(reader.GetDouble(1));
        }

        return ([.. times], [.. values]);
    }

    /// <summary>The pouch's baseline: the time of its first point with evolved gas, or null before it has one.</summary>
    public DateTimeOffset? Baseline(PouchKey pouch) =>
        Scalar(pouch, "SELECT time_ms FROM gas WHERE experiment = $experiment AND pouch = $pouch AND dry_gas_ml_std IS NOT NULL ORDER BY time_ms LIMIT 1");

    /// <summary>The pouch's newest point, or null when it has none.</summary>
    public LatestPoint? Latest(PouchKey pouch)
    {
        using var connection = database.Open();
        using var command = Command(connection, pouch,
            "SELECT time_ms, pressure_pa, temperature_c, dry_gas_ml_std_per_g, dry_gas_ml_std, h2_percent, h2_basis " +
            "FROM gas WHERE experiment = $experiment AND pouch = $pouch ORDER BY time_ms DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new LatestPoint(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetDouble(1), reader.GetDouble(2),
                Nullable(reader, 3), Nullable(reader, 4), Nullable(reader, 5), reader.IsDBNull(6) ? null : reader.GetString(6))
            : null;
    }

    /// <summary>Evolved gas per gram of slurry at the last point at or before <paramref name="time"/>, with that point's time.</summary>
    public (DateTimeOffset Time, double DryGasMlStdPerG)? GasPerGramAt(PouchKey pouch, DateTimeOffset time)
    {
        using var connection = database.Open();
        using var command = Command(connection, pouch,
            "SELECT time_ms, dry_gas_ml_std_per_g FROM gas WHERE experiment = $experiment AND pouch = $pouch " +
            "AND time_ms <= $time AND dry_gas_ml_std_per_g IS NOT NULL ORDER BY time_ms DESC LIMIT 1");
        command.Parameters.AddWithValue("$time", time.ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        return reader.Read() ? (DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetDouble(1)) : null;
    }

    private DateTimeOffset? Scalar(PouchKey pouch, string sql)
    {
        using var connection = database.Open();
        using var command = Command(connection, pouch, sql);
        return command.ExecuteScalar() is long timeMs ? DateTimeOffset.FromUnixTimeMilliseconds(timeMs) : null;
    }

    private static SqliteCommand Command(SqliteConnection connection, PouchKey pouch, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$experiment", pouch.Experiment);
        command.Parameters.AddWithValue("$pouch", pouch.Pouch);
        return command;
    }

    private static double? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
