using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Experiments;

/// <summary>A pouch of an experiment: its physics and, for live data, the sensor that reads it.</summary>
/// <param name="Spec">Sample, masses, baseline and vessel.</param>
/// <param name="Source">The board and sensor, when the pouch is monitored live.</param>
public sealed record ExperimentPouch(PouchSpec Spec, PouchSource? Source);
