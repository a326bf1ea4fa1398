namespace PouchMonitor.Simulator;

/// <summary>
/// What a sensor following <see cref="SensorModel"/> reports for a vessel's gas in an oven: its own temperature
/// (lagging the gas, offset, drifting, noisy, in steps) and the gas's pressure (drifting, noisy). Pure and fast, so a
/// virtual chip and a benchmark's generated runs use the same model. Readings must come in time order.
/// </summary>
public sealed class SensorResponse
{
    // The lag is integrated in steps no longer than this, whatever the interval between readings.
    private static readonly TimeSpan LagStep = TimeSpan.FromSeconds(10);

    private readonly OvenProfile _oven;
    private readonly Random _noise;
    private double _sensorC = double.NaN;
    private TimeSpan _lagClock;

    /// <summary>A sensor in <paramref name="oven"/> following <paramref name="model"/>, its noise from <paramref name="noiseSeed"/>.</summary>
    public SensorResponse(SensorModel model, OvenProfile oven, int noiseSeed)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        _oven = oven ?? throw new ArgumentNullException(nameof(oven));
        _noise = new Random(noiseSeed);
    }

    /// <summary>How the sensor departs from the gas.</summary>
    public SensorModel Model { get; }

    /// <summary>The temperature the sensor reports at <paramref name="elapsed"/> since the run started, in °C.</summary>
    public double TemperatureC(TimeSpan elapsed)
    {
        var readC = FollowGas(elapsed) + Model.TemperatureOffsetC + (Model.TemperatureDriftCPerDay * elapsed.TotalDays) + (Model.TemperatureNoiseC * Gaussian());
        return Model.TemperatureResolutionC > 0 ? Math.Round(readC / Model.TemperatureResolutionC) * Model.TemperatureResolutionC : readC;
    }

    /// <summary>The pressure the sensor reports at <paramref name="elapsed"/> for a true <paramref name="pressurePa"/>, in Pa.</summary>
    public double PressurePa(TimeSpan elapsed, double pressurePa) =>
        pressurePa + (Model.PressureDriftPaPerDay * elapsed.TotalDays) + (Model.PressureNoisePa * Gaussian());

    // First-order lag: dT_s/dt = (T_gas − T_s) / τ, exact over each step for the gas temperature at the step's middle.
    private double FollowGas(TimeSpan elapsed)
    {
        if (Model.ThermalLag <= TimeSpan.Zero)
        {
            return _oven.TemperatureC(elapsed);
        }

        if (double.IsNaN(_sensorC))
        {
            (_sensorC, _lagClock) = (_oven.TemperatureC(elapsed), elapsed);
        }

        while (_lagClock < elapsed)
        {
            var step = elapsed - _lagClock < LagStep ? elapsed - _lagClock : LagStep;
            var stepGasC = _oven.TemperatureC(_lagClock + (step / 2));
            _lagClock += step;
            _sensorC = stepGasC + ((_sensorC - stepGasC) * Math.Exp(-step / Model.ThermalLag));
        }

        return _sensorC;
    }

    // Box–Muller.
    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _noise.NextDouble())) * Math.Cos(2 * Math.PI * _noise.NextDouble());
}
