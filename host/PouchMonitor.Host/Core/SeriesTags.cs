using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Core;

/// <summary>The InfluxDB tags of every PouchMonitor series.</summary>
public sealed record SeriesTags(string Experiment, string Pouch, string Sample, string Device)
{
    /// <summary>The tags of a pouch of an experiment file; device is empty for a pouch with no source.</summary>
    public static SeriesTags Of(Experiment experiment, ExperimentPouch pouch)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(pouch);
        return new(experiment.Name, pouch.Spec.Id, pouch.Spec.Sample, pouch.Source?.Device ?? "");
    }
}
