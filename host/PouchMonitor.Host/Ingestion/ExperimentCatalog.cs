using Microsoft.Extensions.Options;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Ingestion;

/// <summary>
/// The loaded experiment files: the source of truth for pouches, masses, vessels and which device sensor
/// measures which pouch. Replaced as a whole on reload, so readers always see one consistent set.
/// </summary>
public sealed class ExperimentCatalog
{
    private readonly IReadOnlyList<string> _files;
    private Snapshot _snapshot;

    /// <summary>Loads every configured file.</summary>
    /// <exception cref="ExperimentFileException">A file is unusable, or two files share an experiment name or a sensor.</exception>
    public ExperimentCatalog(IOptions<ExperimentOptions> options)
    {
        _files = [.. options.Value.Files];
        _snapshot = Load(_files);
    }

    /// <summary>Every experiment, in file order.</summary>
    public IReadOnlyList<Experiment> Experiments => _snapshot.Experiments;

    /// <summary>Reads the files again; on error the previous set stays.</summary>
    public void Reload() => _snapshot = Load(_files);

    /// <summary>The experiment called <paramref name="name"/>.</summary>
    public Experiment? Find(string name) => _snapshot.Experiments.FirstOrDefault(e => e.Name == name);

    /// <summary>The pouch a device's sensor measures, if any.</summary>
    public bool TryFindBySource(string deviceId, int sensorIndex, out Experiment experiment, out ExperimentPouch pouch)
    {
        var found = _snapshot.BySource.TryGetValue(new PouchSource(deviceId, sensorIndex), out var match);
        (experiment, pouch) = match;
        return found;
    }

    private static Snapshot Load(IReadOnlyList<string> files)
    {
        var experiments = files.Select(ExperimentFile.Load).ToList();
        var duplicate = experiments.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ExperimentFileException($"experiment '{duplicate.Key}' is defined by more than one file");
        }

        var bySource = new Dictionary<PouchSource, (Experiment, ExperimentPouch)>();
        foreach (var experiment in experiments)
        {
            foreach (var pouch in experiment.Pouches.Where(p => p.Source is not null))
            {
                if (!bySource.TryAdd(pouch.Source!, (experiment, pouch)))
                {
                    throw new ExperimentFileException($"sensor {pouch.Source!.Sensor} of device '{pouch.Source.Device}' is mapped to more than one pouch");
                }
            }
        }

        return new Snapshot(experiments, bySource);
    }

    private sealed record Snapshot(IReadOnlyList<Experiment> Experiments, IReadOnlyDictionary<PouchSource, (Experiment, ExperimentPouch)> BySource);
}
