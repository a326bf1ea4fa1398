using Microsoft.Extensions.Options;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Ingestion;

/// <summary>
/// The experiments of the store (<see cref="ExperimentStore"/>): the source of truth for pouches, masses, vessels and
/// which device sensor measures which pouch. Only a running experiment takes readings: <see cref="TryFindBySource"/>
/// finds running experiments only. The configured experiment files are imported into the store at start and on
/// reload. The parsed set is replaced as a whole on every change, so readers always see one consistent set.
/// </summary>
public sealed class ExperimentCatalog
{
    private readonly IReadOnlyList<string> _files;
    private readonly ExperimentStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private Snapshot _snapshot;

    /// <summary>Imports every configured file into the store and loads the store.</summary>
    /// <exception cref="ExperimentFileException">A file is unusable, names an archived experiment, or two share a name or a sensor.</exception>
    public ExperimentCatalog(IOptions<ExperimentOptions> options, ExperimentStore store, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _files = [.. options.Value.Files];
        _store = store;
        _timeProvider = timeProvider;
        _snapshot = Build(store.All());
        Reload();
    }

    /// <summary>Every experiment of the store, whatever its state, oldest first.</summary>
    public IReadOnlyList<Experiment> Experiments => _snapshot.Experiments;

    /// <summary>The running experiments: the ones whose sensors make gas points and raise device alerts.</summary>
    public IReadOnlyList<Experiment> Running => _snapshot.Running;

    /// <summary>
    /// Imports the configured files again: an experiment new to the store is added as running (a file describes a live
    /// experiment), a known one takes the file's document and keeps its state. On error nothing changes.
    /// </summary>
    /// <exception cref="ExperimentFileException">A file is unusable, names an archived experiment, or two share a name or a sensor.</exception>
    public void Reload()
    {
        lock (_lock)
        {
            var files = _files.Select(path => (Path: path, Json: ExperimentFile.ReadText(path)))
                .Select(f => (f.Path, f.Json, Experiment: ExperimentFile.Parse(f.Json, f.Path)))
                .ToList();
            var duplicate = files.GroupBy(f => f.Experiment.Name).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ExperimentFileException($"experiment '{duplicate.Key}' is defined by more than one file");
            }

            var now = _timeProvider.GetUtcNow();
            var all = _store.All().ToDictionary(e => e.Name, StringComparer.Ordinal);
            var changed = new List<StoredExperiment>();
            foreach (var (path, json, experiment) in files)
            {
                if (!all.TryGetValue(experiment.Name, out var known))
                {
                    changed.Add(new StoredExperiment(experiment.Name, json, ExperimentState.Running, now, now, now, null));
                }
                else if (known.State == ExperimentState.Archived)
                {
                    throw new ExperimentFileException(
                        $"{path}: experiment '{experiment.Name}' is archived and read-only: take the file out of the configured experiments");
                }
                else if (known.Document != json)
                {
                    changed.Add(known with { Document = json, UpdatedAt = now });
                }
            }

            Commit(all, changed);
        }
    }

    /// <summary>The stored experiment called <paramref name="name"/>: document and lifecycle.</summary>
    public StoredExperiment? Stored(string name) => _snapshot.Stored.GetValueOrDefault(name);

    /// <summary>
    /// Writes a new or changed experiment. Its document must be valid; the set must stay consistent (a sensor feeds at most
    /// one pouch of the running experiments).
    /// </summary>
    /// <exception cref="ExperimentFileException">The document is invalid, or a sensor would feed two running pouches.</exception>
    public void Save(StoredExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        lock (_lock)
        {
            Commit(_store.All().ToDictionary(e => e.Name, StringComparer.Ordinal), [experiment]);
        }
    }

    /// <summary>The experiment called <paramref name="name"/>.</summary>
    public Experiment? Find(string name) => _snapshot.Experiments.FirstOrDefault(e => e.Name == name);

    /// <summary>The pouch of a running experiment that a device's sensor measures, if any.</summary>
    public bool TryFindBySource(string deviceId, int sensorIndex, out Experiment experiment, out ExperimentPouch pouch)
    {
        var found = _snapshot.BySource.TryGetValue(new PouchSource(deviceId, sensorIndex), out var match);
        (experiment, pouch) = match;
        return found;
    }

    private void Commit(Dictionary<string, StoredExperiment> all, IReadOnlyList<StoredExperiment> changed)
    {
        foreach (var experiment in changed)
        {
            all[experiment.Name] = experiment;
        }

        var next = Build([.. all.Values.OrderBy(e => e.CreatedAt).ThenBy(e => e.Name, StringComparer.Ordinal)]);
        _store.Save(changed);
        _snapshot = next;
    }

    private static Snapshot Build(IReadOnlyList<StoredExperiment> stored)
    {
        var experiments = stored.Select(e => ExperimentFile.Parse(e.Document, $"experiment '{e.Name}'")).ToList();
        var bySource = new Dictionary<PouchSource, (Experiment, ExperimentPouch)>();
        foreach (var (experiment, row) in experiments.Zip(stored).Where(e => e.Second.State == ExperimentState.Running))
        {
            foreach (var pouch in experiment.Pouches.Where(p => p.Source is not null))
            {
                if (!bySource.TryAdd(pouch.Source!, (experiment, pouch)))
                {
                    throw new ExperimentFileException(
                        $"sensor {pouch.Source!.Sensor} of device '{pouch.Source.Device}' is mapped to more than one pouch of the running experiments "
                        + $" ('{row.Name}' and '{bySource[pouch.Source].Item1.Name}')");
                }
            }
        }

        var running = experiments.Zip(stored).Where(e => e.Second.State == ExperimentState.Running).Select(e => e.First).ToList();
        return new Snapshot(experiments, running, stored.ToDictionary(e => e.Name, StringComparer.Ordinal), bySource);
    }

    private sealed record Snapshot(
        IReadOnlyList<Experiment> Experiments,
        IReadOnlyList<Experiment> Running,
        IReadOnlyDictionary<string, StoredExperiment> Stored,
        IReadOnlyDictionary<PouchSource, (Experiment, ExperimentPouch)> BySource);
}
