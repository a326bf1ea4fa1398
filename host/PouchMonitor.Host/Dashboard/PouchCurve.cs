using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Dashboard;

/// <summary>A pouch's whole stored curve against days since its baseline, before downsampling.</summary>
/// <param name="Key">Experiment and pouch.</param>
/// <param name="Sample">What is in it.</param>
/// <param name="Group">Its replicate group, or null.</param>
/// <param name="Index">Its index in the experiment file: its colour.</param>
/// <param name="Baseline">Day 0: its first point with evolved gas.</param>
/// <param name="Days">Days since <paramref name="Baseline"/>, increasing.</param>
/// <param name="Values">The value at each day, in the trend's unit.</param>
public sealed record PouchCurve(PouchKey Key, string Sample, string? Group, int Index, DateTimeOffset Baseline, double[] Days, double[] Values);
