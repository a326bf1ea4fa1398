using Microsoft.Extensions.Options;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Export;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Cli;

/// <summary>A host's data folder opened by a CLI verb to read one experiment (safe while the host serves: SQLite WAL).</summary>
internal sealed class StoreFolder
{
    private StoreFolder(SqliteDatabase database, StoredExperiment experiment)
    {
        var outbox = new Outbox(database, Options.Create(new InfluxOptions()));
        Experiment = experiment;
        Data = new ExperimentDataStore(database, new AuditTrail(database, TimeProvider.System));
        Gas = new GasStore(database, outbox);
        Readings = new ReadingStore(database);
        Export = new ExperimentExport(Data, Readings, Gas, new AlertStore(database, outbox));
    }

    public StoredExperiment Experiment { get; }

    public ExperimentDataStore Data { get; }

    public GasStore Gas { get; }

    public ExperimentExport Export { get; }

    public ReadingStore Readings { get; }

    /// <summary>Opens <paramref name="folder"/> and finds the experiment called <paramref name="name"/>.</summary>
    /// <exception cref="InputFileException">The folder holds no store, or the store no such experiment.</exception>
    public static StoreFolder Open(string folder, string name)
    {
        if (!File.Exists(Path.Combine(folder, SqliteDatabase.FileName)))
        {
            throw new InputFileException($"{folder}: not a data folder of the host (it has no {SqliteDatabase.FileName})");
        }

        var database = new SqliteDatabase(folder);
        var all = new ExperimentStore(database).All();
        var experiment = all.FirstOrDefault(e => e.Name == name) ?? throw new InputFileException(
            $"{folder}: there is no experiment '{name}' (the store has: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(e => e.Name)))})");
        return new StoreFolder(database, experiment);
    }
}
