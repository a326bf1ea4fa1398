using Microsoft.Data.Sqlite;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Derived gas series per pouch. Each write also queues the InfluxDB lines of the readings and gas points it
/// covers, in the same transaction, so the mirror can never miss or half-see a write.
/// </summary>
public sealed class GasStore(SqliteDatabase database, Outbox outbox)
{
    private const string Columns = "time_ms, pressure_pa, temperature_c, dry_gas_ml_std, dry_gas_ml_std_per_g, swelling_ml, " +
        "swelling_ml_per_g, h2_percent, h2_ml_std, h2_ml_std_per_g, h2_basis, flags, vessel_dry_gas_ml_std";

    /// <summary>Stores points, replacing any at the same time, and queues the lines of them and of the new readings.</summary>
    public void Write(SeriesTags tags, IEnumerable<StoredReading> readings, IReadOnlyList<GasPoint> points)
    {
        ArgumentNullException.ThrowIfNull(tags);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Insert(connection, transaction, tags, points);
        outbox.Add(connection, transaction,
            readings.Select(r => LineProtocol.Reading(tags, r)).Concat(points.Select(p => LineProtocol.Gas(tags, p))));
        transaction.Commit();
    }

    /// <summary>The pouch's stored gas series in time order.</summary>
    public IReadOnlyList<GasPoint> Series(PouchKey pouch)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM gas WHERE experiment = $experiment AND pouch = $pouch ORDER BY time_ms";
        command.Parameters.AddWithValue("$experiment", pouch.Experiment);
        command.Parameters.AddWithValue("$pouch", pouch.Pouch);
        using var reader = command.ExecuteReader();
        var points = new List<GasPoint>();
        while (reader.Read())
        {
            points.Add(new GasPoint
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
            });
        }

        return points;
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, SeriesTags tags, IReadOnlyList<GasPoint> points)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT OR REPLACE INTO gas (experiment, pouch, {Columns}) VALUES ($experiment, $pouch, " +
            "$time, $p, $c, $gas, $gasPerG, $swelling, $swellingPerG, $h2Percent, $h2, $h2PerG, $basis, $flags, $vessel)";
        command.Parameters.AddWithValue("$experiment", tags.Experiment);
        command.Parameters.AddWithValue("$pouch", tags.Pouch);
        foreach (var point in points)
        {
            Set(command, "$time", point.Time.ToUnixTimeMilliseconds());
            Set(command, "$p", point.PressurePa);
            Set(command, "$c", point.TemperatureC);
            Set(command, "$gas", point.DryGasMlStd);
            Set(command, "$gasPerG", point.DryGasMlStdPerG);
            Set(command, "$swelling", point.SwellingMl);
            Set(command, "$swellingPerG", point.SwellingMlPerG);
            Set(command, "$h2Percent", point.H2Percent);
            Set(command, "$h2", point.H2MlStd);
            Set(command, "$h2PerG", point.H2MlStdPerG);
            Set(command, "$basis", point.H2Basis?.ToString());
            Set(command, "$flags", (long)point.Flags);
            Set(command, "$vessel", point.VesselDryGasMlStd);
            command.ExecuteNonQuery();
        }
    }

    private static void Set(SqliteCommand command, string name, object? value)
    {
        if (!command.Parameters.Contains(name))
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Parameters[name].Value = value ?? DBNull.Value;
    }

    private static double? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
