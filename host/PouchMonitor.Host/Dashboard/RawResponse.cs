namespace PouchMonitor.Host.Dashboard;

/// <summary>The raw view of one pouch: what the sensor read and the dry gas in the vessel.</summary>
/// <param name="Pouch">Pouch id.</param>
/// <param name="BaselineAt">The pouch's baseline, day 0 of the trend; null before it has one.</param>
/// <param name="DayZero">Day 0 of the channels: the baseline, or the first reading before there is one; null without readings.</param>
/// <param name="OvenLowC">Lower edge of the oven band, °C (set point minus tolerance).</param>
/// <param name="OvenHighC">Upper edge of the oven band, °C.</param>
/// <param name="SensorMaxKPa">The sensor's upper pressure limit, kPa.</param>
/// <param name="StandardConditions">Conditions of the dry gas volume.</param>
/// <param name="Pressure">Absolute pressure, kPa.</param>
/// <param name="Temperature">Sensor temperature, °C.</param>
/// <param name="VesselDryGas">Dry gas in the vessel under study, mL at standard conditions.</param>
public sealed record RawResponse(
    string Pouch,
    DateTimeOffset? BaselineAt,
    DateTimeOffset? DayZero,
    double OvenLowC,
    double OvenHighC,
    double SensorMaxKPa,
    string StandardConditions,
    RawDayChannel Pressure,
    RawDayChannel Temperature,
    RawDayChannel VesselDryGas);
