using System.Text.Json;
using PouchMonitor.Analysis;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>
/// A virtual oven full of pouches: vessel models, the boards whose sensors measure them, one accelerated clock, and
/// the faults a script or a test can switch on and off.
/// </summary>
public sealed class Rig : IDisposable
{
    /// <summary>Ambient pressure the vessels are sealed at (at oven temperature, as the measurement model asks), in Pa.</summary>
    public const double SealPressurePa = 100_000;

    /// <summary>Air trapped in a pouch when it is sealed, in mL g⁻¹ slurry at standard conditions (our fit to the seed paper).</summary>
    public const double TrappedAirMlStdPerG = 1.33;

    private static readonly JsonSerializerOptions JsonOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly Dictionary<string, VirtualBoard> _boards;

    private Rig(AcceleratedTimeProvider time, OvenProfile oven, IReadOnlyList<RigPouch> pouches, Dictionary<string, VirtualBoard> boards)
    {
        Time = time;
        Oven = oven;
        Pouches = pouches;
        _boards = boards;
    }

    /// <summary>The clock boards and host share.</summary>
    public AcceleratedTimeProvider Time { get; }

    /// <summary>The oven.</summary>
    public OvenProfile Oven { get; }

    /// <summary>The pouches.</summary>
    public IReadOnlyList<RigPouch> Pouches { get; }

    /// <summary>The boards.</summary>
    public IReadOnlyCollection<VirtualBoard> Boards => _boards.Values;

    /// <summary>When the run (and the kinetics) started: the vessels were sealed then.</summary>
    public DateTimeOffset StartedAt => Time.Start;

    /// <summary>Simulated time since the run started.</summary>
    public TimeSpan Elapsed => Time.GetUtcNow() - StartedAt;

    /// <summary>
    /// Builds the rig: one vessel and sensor per pouch, one board per device id (sensors in index order), each with the
    /// transport <paramref name="transportFor"/> gives for its id; the sensors follow <paramref name="sensor"/> (default: ideal).
    /// </summary>
    public static Rig Create(IReadOnlyList<RigPouchSpec> pouches, OvenProfile oven, AcceleratedTimeProvider time,
        Func<string, IMqttTransport> transportFor, int intervalS, int publishIntervalS, SensorModel? sensor = null)
    {
        ArgumentNullException.ThrowIfNull(pouches);
        ArgumentNullException.ThrowIfNull(transportFor);
        var rigPouches = pouches.Select((spec, i) =>
        {
            var vessel = NewVessel(spec, oven);
            return new RigPouch(spec, vessel, new VirtualSensor(spec.SensorIndex, vessel, oven, () => time.GetUtcNow() - time.Start, noiseSeed: i + 1, sensor));
        }).ToList();
        var boards = rigPouches.GroupBy(p => p.Spec.DeviceId).ToDictionary(
            g => g.Key,
            g => new VirtualBoard(g.Key, [.. g.OrderBy(p => p.Spec.SensorIndex).Select(p => p.Sensor)], transportFor(g.Key), time, intervalS, publishIntervalS));
        return new Rig(time, oven, rigPouches, boards);
    }

    /// <summary>A fresh vessel for <paramref name="spec"/>, sealed at <see cref="SealPressurePa"/> at the oven's setpoint.</summary>
    public static SimulatedVessel NewVessel(RigPouchSpec spec, OvenProfile oven)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(oven);
        return new SimulatedVessel(spec.Kind, spec.GasVolumeMl, spec.SlurryMassG, spec.Kinetics, TrappedAirMlStdPerG, SealPressurePa, oven.SetpointC);
    }

    /// <summary>The board with <paramref name="deviceId"/>.</summary>
    public VirtualBoard Board(string deviceId) => _boards[deviceId];

    /// <summary>The pouch with <paramref name="pouchId"/>.</summary>
    public RigPouch Pouch(string pouchId) => Pouches.Single(p => p.Spec.Id == pouchId);

    /// <summary>Starts every board.</summary>
    public void Start()
    {
        foreach (var board in _boards.Values)
        {
            board.Start();
        }
    }

    /// <summary>
    /// The host's experiment file for this rig (docs/file-formats.md) with the recommended opt-in fields
    /// (docs/measurement-model.md, "Opt-in refinements"): the vessels' volumes as sealed, so the host's model and the
    /// rig's agree; baselines and event values averaged over <see cref="BaselineMinutes"/>; the pre-event trend carried
    /// across each settle time; H₂ from the evolved gas's share; each vessel corrected by the rig's blank of its kind
    /// (all vessels share one oven). <paramref name="eventSettleMinutes"/> must cover the sensor's IIR filter.
    /// </summary>
    public string ExperimentJson(string experiment, int eventSettleMinutes) => JsonSerializer.Serialize(new
    {
        experiment,
        eventSettleMinutes,
        baselineMinutes = BaselineMinutes,
        eventGap = RecommendedEventGap,
        h2Method = RecommendedH2Method,
        pouches = Pouches.Select(p => new
        {
            id = p.Spec.Id,
            sample = p.Spec.Sample,
            group = p.Spec.Group,
            slurryMassG = p.Spec.SlurryMassG,
            blank = p.Spec.IsBlank ? null : Pouches.FirstOrDefault(b => b.Spec.IsBlank && b.Spec.Kind == p.Spec.Kind)?.Spec.Id,
            source = new { device = p.Spec.DeviceId, sensor = p.Spec.SensorIndex },
            vessel = p.Spec.Kind == VesselKind.Headspace
                ? (object)new { kind = "headspace", gasVolumeMl = p.Spec.GasVolumeMl, wet = true }
                : new { kind = "pouch-in-jar", jarGasVolumeMl = p.Spec.GasVolumeMl, pouchInitialGasMl = p.Vessel.InitialPouchGasMl, wet = true },
        }),
    }, JsonOptions);

    /// <summary>
    /// The recommended baseline and event window, in minutes: at least 120 and at least two periods of the oven's ripple,
    /// so a window's mean keeps at most 13 % of a 25–60 min ripple's amplitude (docs/measurement-model.md).
    /// </summary>
    public int BaselineMinutes => RecommendedWindowMinutes(Oven);

    /// <summary>The recommended <c>eventGap</c>: carry the pre-event trend across each settle time.</summary>
    public const string RecommendedEventGap = "extrapolate";

    /// <summary>The recommended <c>h2Method</c>: interpolate the H₂ share of the evolved gas, so venting does not distort H₂.</summary>
    public const string RecommendedH2Method = "evolved-share";

    /// <summary>The recommended baseline and event window for <paramref name="oven"/>, in minutes (see <see cref="BaselineMinutes"/>).</summary>
    public static int RecommendedWindowMinutes(OvenProfile oven)
    {
        ArgumentNullException.ThrowIfNull(oven);
        return Math.Max(120, (int)Math.Ceiling(2 * oven.RipplePeriod.TotalMinutes));
    }

    /// <summary>Runs <paramref name="script"/>: each action when the rig's clock reaches its time, in time order.</summary>
    public async Task RunScriptAsync(IEnumerable<RigAction> script, CancellationToken cancellationToken)
    {
        foreach (var action in script.OrderBy(a => a.At))
        {
            var wait = action.At - Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(Time.ToReal(wait), cancellationToken).ConfigureAwait(false);
            }

            await action.Run(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every board.</summary>
    public void Dispose()
    {
        foreach (var board in _boards.Values)
        {
            board.Dispose();
        }
    }
}
