namespace PouchMonitor.Host.Ingestion;

/// <summary>Where an experiment is in its life: draft → running → stopped → archived (docs/dashboard.md, Experiments page).</summary>
public enum ExperimentState
{
    /// <summary>Being set up: editable; its sensors' readings are stored but make no gas points.</summary>
    Draft,

    /// <summary>Measuring: its sensors' readings make gas points; still editable (an edit recomputes its pouches).</summary>
    Running,

    /// <summary>Finished: no new gas points; its values are fixed; it can be archived.</summary>
    Stopped,

    /// <summary>Read-only, still viewable and exportable.</summary>
    Archived,
}
