namespace PouchMonitor.Simulator;

/// <summary>
/// Temperature of the oven over a run: the setpoint, the controller's sinusoidal ripple, door openings (a drop that
/// recovers with <see cref="RecoveryTime"/>) and an over-temperature fault that adds <see cref="OverTemperatureC"/>.
/// </summary>
public sealed class OvenProfile
{
    /// <summary>An oven at <paramref name="setpointC"/> with a ripple of ± <paramref name="rippleC"/> over <paramref name="ripplePeriod"/>.</summary>
    public OvenProfile(double setpointC, double rippleC, TimeSpan ripplePeriod, IReadOnlyList<DoorOpening>? doorOpenings = null)
    {
        SetpointC = setpointC;
        RippleC = rippleC;
        RipplePeriod = ripplePeriod;
        DoorOpenings = doorOpenings ?? [];
    }

    /// <summary>Controller setpoint, in °C.</summary>
    public double SetpointC { get; }

    /// <summary>Amplitude of the ripple, in °C.</summary>
    public double RippleC { get; }

    /// <summary>Period of the ripple.</summary>
    public TimeSpan RipplePeriod { get; }

    /// <summary>Scheduled door openings.</summary>
    public IReadOnlyList<DoorOpening> DoorOpenings { get; }

    /// <summary>Time constant of the recovery after a door closes.</summary>
    public TimeSpan RecoveryTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Extra temperature of a runaway controller, in °C (0 normally; a fault sets it).</summary>
    public double OverTemperatureC { get; set; }

    /// <summary>Temperature of the vessels at <paramref name="elapsed"/> from the start of the run, in °C.</summary>
    public double TemperatureC(TimeSpan elapsed) =>
        SetpointC + OverTemperatureC + (RippleC * Math.Sin(2 * Math.PI * elapsed / RipplePeriod)) - DoorDropC(elapsed);

    private double DoorDropC(TimeSpan elapsed)
    {
        var dropC = 0.0;
        foreach (var door in DoorOpenings)
        {
            var since = elapsed - door.At;
            if (since < TimeSpan.Zero)
            {
                continue;
            }

            dropC += since <= door.Duration ? door.DropC : door.DropC * Math.Exp(-(since - door.Duration) / RecoveryTime);
        }

        return dropC;
    }
}
