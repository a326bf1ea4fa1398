using PouchMonitor.Analysis;

namespace PouchMonitor.Simulator;

/// <summary>
/// The forward physical model of one vessel: the true pressure its sensor sees from the gas in it, the water vapour
/// over the slurry, the gas its slurry has evolved (<see cref="GompertzKinetics"/>, pure H₂), and the gas taken out by
/// GC samples, vents and leaks. The inverse of docs/measurement-model.md; ideal gas, vapour saturated at the gas
/// temperature (unless dry), nothing dissolved. Thread-safe.
/// </summary>
/// <remarks>
/// <c>headspace</c>: a rigid gas volume V over the slurry, P = n·R·T / V + p_w.
/// <c>pouch-in-jar</c>: a flexible pouch (dry gas n_p plus vapour, at the jar's pressure) in a rigid jar whose dry gas
/// n_j shares the free volume V_free = V_jar + V_pouch fixed at sealing; P solves
/// V_free·P² − (V_free·p_w + (n_j + n_p)·R·T)·P + n_j·R·T·p_w = 0 (larger root).
/// </remarks>
public sealed class SimulatedVessel
{
    private readonly Lock _sync = new();
    private readonly double _freeVolumeMl;
    private double _airMol;
    private double _h2RemovedMol;
    private double _jarMol;
    private TimeSpan _leakClock;

    /// <summary>
    /// A vessel sealed at <paramref name="sealPressurePa"/> and <paramref name="sealTemperatureC"/> at the start of the run.
    /// </summary>
    /// <param name="kind">Headspace or pouch-in-jar.</param>
    /// <param name="gasVolumeMl">Headspace gas volume, or the jar's gas volume outside the pouch at sealing, in mL.</param>
    /// <param name="slurryMassG">Slurry mass, in g.</param>
    /// <param name="kinetics">Gas evolution of the slurry.</param>
    /// <param name="trappedAirMlStdPerG">Pouch-in-jar: air sealed in the pouch, in mL g⁻¹ at standard conditions.</param>
    /// <param name="sealPressurePa">Absolute pressure at sealing, in Pa.</param>
    /// <param name="sealTemperatureC">Temperature at sealing, in °C.</param>
    /// <param name="wet">False for a dry sample (no water vapour).</param>
    public SimulatedVessel(VesselKind kind, double gasVolumeMl, double slurryMassG, GompertzKinetics kinetics,
        double trappedAirMlStdPerG, double sealPressurePa, double sealTemperatureC, bool wet = true)
    {
        ArgumentNullException.ThrowIfNull(kinetics);
        Kind = kind;
        SlurryMassG = slurryMassG;
        Kinetics = kinetics;
        Wet = wet;
        if (kind == VesselKind.Headspace)
        {
            _airMol = IdealGas.Moles(sealPressurePa - VapourPa(sealTemperatureC), gasVolumeMl, sealTemperatureC);
            _freeVolumeMl = gasVolumeMl;
        }
        else
        {
            _airMol = StandardConditions.Default.PressurePa * trappedAirMlStdPerG * slurryMassG * 1e-6
                / (IdealGas.MolarGasConstant * IdealGas.ZeroCelsiusK);
            _jarMol = IdealGas.Moles(sealPressurePa, gasVolumeMl, sealTemperatureC);
            InitialPouchGasMl = PouchVolumeMl(_airMol, sealPressurePa, sealTemperatureC);
            _freeVolumeMl = gasVolumeMl + InitialPouchGasMl;
        }
    }

    /// <summary>Headspace or pouch-in-jar.</summary>
    public VesselKind Kind { get; }

    /// <summary>Slurry mass, in g.</summary>
    public double SlurryMassG { get; }

    /// <summary>Gas evolution of the slurry.</summary>
    public GompertzKinetics Kinetics { get; }

    /// <summary>False for a dry sample.</summary>
    public bool Wet { get; }

    /// <summary>Pouch-in-jar: gas volume of the pouch at sealing, in mL (0 for a headspace).</summary>
    public double InitialPouchGasMl { get; }

    /// <summary>Gas leaking out of the measured space (headspace, or the jar), in mL h⁻¹ at standard conditions (0: tight).</summary>
    public double LeakMlStdPerHour { get; set; }

    /// <summary>
    /// Gas the slurry has evolved between sealing and <paramref name="elapsed"/>, in mL at standard conditions (the
    /// truth the host should recover; a Gompertz curve is not quite 0 at time 0, so its value then is taken off).
    /// </summary>
    public double EvolvedMlStd(TimeSpan elapsed) => (Kinetics.MlStdPerG(elapsed.TotalDays) - Kinetics.MlStdPerG(0)) * SlurryMassG;

    /// <summary>True absolute pressure at <paramref name="elapsed"/> and <paramref name="temperatureC"/>, in Pa; advances the leak.</summary>
    public double PressurePa(TimeSpan elapsed, double temperatureC)
    {
        lock (_sync)
        {
            AdvanceLeak(elapsed);
            return Pressure(elapsed, temperatureC);
        }
    }

    /// <summary>Pouch-in-jar: true gas volume of the pouch, in mL.</summary>
    public double PouchGasVolumeMl(TimeSpan elapsed, double temperatureC)
    {
        lock (_sync)
        {
            return PouchVolumeMl(PouchDryMol(elapsed), Pressure(elapsed, temperatureC), temperatureC);
        }
    }

    /// <summary>True H₂ share of the dry gas in the vessel (headspace or pouch), in percent.</summary>
    public double H2Percent(TimeSpan elapsed)
    {
        lock (_sync)
        {
            var h2Mol = H2Mol(elapsed);
            return 100 * h2Mol / (h2Mol + _airMol);
        }
    }

    /// <summary>
    /// Takes a GC sample of <paramref name="sampleMlStd"/> of dry gas (mL at standard conditions) out of the
    /// headspace or pouch; returns the H₂ percent of what was taken.
    /// </summary>
    public double TakeSample(TimeSpan elapsed, double sampleMlStd)
    {
        lock (_sync)
        {
            var h2Mol = H2Mol(elapsed);
            var totalMol = h2Mol + _airMol;
            var keptFraction = 1 - (MolesStd(sampleMlStd) / totalMol);
            _h2RemovedMol += h2Mol * (1 - keptFraction);
            _airMol *= keptFraction;
            return 100 * h2Mol / totalMol;
        }
    }

    /// <summary>Headspace: opens the vessel to <paramref name="ambientPa"/> and closes it again.</summary>
    public void Vent(TimeSpan elapsed, double temperatureC, double ambientPa)
    {
        if (Kind != VesselKind.Headspace)
        {
            throw new InvalidOperationException("only a headspace vessel is vented; a pouch-in-jar jar stays sealed");
        }

        lock (_sync)
        {
            var h2Mol = H2Mol(elapsed);
            var keptFraction = IdealGas.Moles(ambientPa - VapourPa(temperatureC), _freeVolumeMl, temperatureC) / (h2Mol + _airMol);
            _h2RemovedMol += h2Mol * (1 - keptFraction);
            _airMol *= keptFraction;
        }
    }

    private double Pressure(TimeSpan elapsed, double temperatureC)
    {
        var vapourPa = VapourPa(temperatureC);
        var rtPerVolume = IdealGas.MolarGasConstant * (temperatureC + IdealGas.ZeroCelsiusK) / (_freeVolumeMl * 1e-6);
        if (Kind == VesselKind.Headspace)
        {
            return (PouchDryMol(elapsed) * rtPerVolume) + vapourPa;
        }

        var b = vapourPa + ((_jarMol + PouchDryMol(elapsed)) * rtPerVolume);
        return (b + Math.Sqrt((b * b) - (4 * _jarMol * rtPerVolume * vapourPa))) / 2;
    }

    private void AdvanceLeak(TimeSpan elapsed)
    {
        if (elapsed <= _leakClock)
        {
            return;
        }

        if (LeakMlStdPerHour > 0)
        {
            var leakedMol = MolesStd(LeakMlStdPerHour * (elapsed - _leakClock).TotalHours);
            if (Kind == VesselKind.Headspace)
            {
                var h2Mol = H2Mol(elapsed);
                var keptFraction = 1 - (leakedMol / (h2Mol + _airMol));
                _h2RemovedMol += h2Mol * (1 - keptFraction);
                _airMol *= keptFraction;
            }
            else
            {
                _jarMol -= leakedMol;
            }

        }

        _leakClock = elapsed;
    }

    private double PouchDryMol(TimeSpan elapsed) => H2Mol(elapsed) + _airMol;

    private double H2Mol(TimeSpan elapsed) => MolesStd(EvolvedMlStd(elapsed)) - _h2RemovedMol;

    private double PouchVolumeMl(double dryMol, double pressurePa, double temperatureC) =>
        IdealGas.VolumeMl(dryMol, temperatureC, pressurePa - VapourPa(temperatureC));

    private double VapourPa(double temperatureC) => Wet ? WaterVapour.SaturationPressurePa(temperatureC) : 0;

    private static double MolesStd(double mlStd) =>
        IdealGas.Moles(StandardConditions.Default.PressurePa, mlStd, StandardConditions.Default.TemperatureC);
}
