using Microsoft.Data.Sqlite;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Derived gas series per pouch. Each write also queues the InfluxDB lines of the readings and gas points it
/// covers, in the same transaction, so the mirror can never miss or half-see a write.
/// </summary>
public sealed class GasStore(SqliteDatabase database, Outbox outbox)
{
    private const string Columns = "time_ms, pressure_pa, temperature_c, dry_gas_ml_std, dry_gas_ml_std_per_g, swelling_ml, " +
        "swelling_ml_per_g, h2_percent, h2_ml_std, h2_ml_std_per_g, h2_basis, flags, vessel_dry_gas_ml_std";

    private const string InsertSql = $"INSERT OR REPLACE INTO gas (experiment, pouch, {Columns}) VALUES ($experiment, $pouch, " +
        "$time, $p, $c, $gas, $gasPerG, $swelling, $swellingPerG, $h2Percent, $h2, $h2PerG, $basis, $flags, $vessel)";

    /// <summary>
    /// Stores points inside the writer's transaction, replacing any at the same time, and queues the lines of them
    /// and of the new readings in that same transaction.
    /// </summary>
    public void Write(WriteSession session, SeriesTags tags, IEnumerable<StoredReading> readings, IReadOnlyList<GasPoint> points)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(tags);
        Insert(session, tags, points);
        outbox.Add(session, readings.Select(r => LineProtocol.Reading(tags, r)).Concat(points.Select(p => LineProtocol.Gas(tags, p))));
    }

    /// <summary>The pouch's stored gas series in time order.</summary>
    public IReadOnlyList<GasPoint> Series(PouchKey pouch) => [.. Stream(pouch)];

    /// <summary>The pouch's stored gas series in time order, read row by row as the caller enumerates (memory stays flat).</summary>
    public IEnumerable<GasPoint> Stream(PouchKey pouch)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM gas WHERE experiment = $experiment AND pouch = $pouch ORDER BY time_ms";
        command.Parameters.AddWithValue("$experiment", pouch.Experiment);
        command.Parameters.AddWithValue("$pouch", pouch.Pouch);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new GasPoint
            {
                Time = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                PressurePa = reader.GetDouble(1),
                TemperatureC = reader.GetDouble(2),
                DryGasMlStd = Nullable(reader, 3),
                DryGasMlStdPerG = Nullable(reader, 4),
                SwellingMl = Nullable(reader, 5),
                SwellingMlPerG = Nullable(reader, 6),
                H2Percent = Nullable(reader, 7),
                H2MlStd = Nullable(reader, 8),
                H2MlStdPerG = Nullable(reader, 9),
                H2Basis = reader.IsDBNull(10) ? null : Enum.Parse<H2Basis>(reader.GetString(10)),
                Flags = (GasFlags)reader.GetInt64(11),
                VesselDryGasMlStd = Nullable(reader, 12),
            };
        }
    }

    private static void Insert(WriteSession session, SeriesTags tags, IReadOnlyList<GasPoint> points)
    {
        var statement = session.Statement(InsertSql);
        statement.Bind("$experiment", tags.Experiment);
        statement.Bind("$pouch", tags.Pouch);
        foreach (var point in points)
        {
            statement.Bind("$time", point.Time.ToUnixTimeMilliseconds());
            statement.Bind("$p", point.PressurePa);
            statement.Bind("$c", point.TemperatureC);
            statement.Bind("$gas", point.DryGasMlStd);
            statement.Bind("$gasPerG", point.DryGasMlStdPerG);
            statement.Bind("$swelling", point.SwellingMl);
            statement.Bind("$swellingPerG", point.SwellingMlPerG);
            statement.Bind("$h2Percent", point.H2Percent);
            statement.Bind("$h2", point.H2MlStd);
            statement.Bind("$h2PerG", point.H2MlStdPerG);
            statement.Bind("$basis", point.H2Basis?.ToString());
            statement.Bind("$flags", (long)point.Flags);
            statement.Bind("$vessel", point.VesselDryGasMlStd);
            statement.Execute();
        }
    }

    private static double? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
