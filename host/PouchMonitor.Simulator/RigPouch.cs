namespace PouchMonitor.Simulator;

/// <summary>A pouch of a running rig: its spec, its vessel model and the sensor measuring it.</summary>
public sealed record RigPouch(RigPouchSpec Spec, SimulatedVessel Vessel, VirtualSensor Sensor);
