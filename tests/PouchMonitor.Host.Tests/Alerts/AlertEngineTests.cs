using PouchMonitor.Analysis;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using static PouchMonitor.Host.Tests.Alerts.AlertScenario;

namespace PouchMonitor.Host.Tests.Alerts;

public sealed class AlertEngineTests : IDisposable
{
    private readonly AlertScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void OnPoints_SwellingCrossesThresholdAndFallsBelowHysteresis_OpensOnceThenCloses()
    {
        // Threshold 5 mL/g, closes below 4.5 mL/g.
        var open = _scenario.Feed(AlertKind.Swelling, Point(0, 1), Point(1, 5.5), Point(2, 6), Point(3, 4.8), Point(4, 4.4), Point(5, 4.0));

        Assert.Equal([false, true, true, true, false, false], open);
        var alert = Assert.Single(_scenario.All(AlertKind.Swelling));
        Assert.Equal(5.5, alert.Value);
        // Dated by the points (each fed a minute after it was made), not by when the engine heard of them.
        Assert.Equal(Start.AddMinutes(1), alert.OpenedAt);
        Assert.Equal(Start.AddMinutes(4), alert.ClosedAt);
    }

    [Fact]
    public void OnPoints_ExperimentWithItsOwnThreshold_UsesItAndOthersKeepTheDefault()
    {
        var options = new AlertOptions { Experiments = { ["e1"] = new AlertThresholds { SwellingMlPerG = 1.0 } } };
        var engine = _scenario.NewEngine(options);

        engine.OnPoints(Tags, [Point(0, 1.5)], 110_000);
        engine.OnPoints(Tags with { Experiment = "e2" }, [Point(0, 1.5)], 110_000);

        var alert = Assert.Single(_scenario.All(AlertKind.Swelling));
        Assert.Equal("e1", alert.Experiment);
        Assert.Equal(2.0, options.For("e2").OvenToleranceC);
    }

    [Fact]
    public void OnPoints_GasRisingFasterThanRateOverWindow_OpensAndClosesWhenFlat()
    {
        // 0.1 mL/g every 10 min is 0.6 mL/g/h, above 0.5; flat afterwards.
        var points = Enumerable.Range(0, 8).Select(i => Point(i * 10, i * 0.1))
            .Concat(Enumerable.Range(8, 8).Select(i => Point(i * 10, 0.7)))
            .ToArray();

        var open = _scenario.Feed(AlertKind.SwellingRate, points);

        Assert.Equal(Enumerable.Repeat(false, 6), open.Take(6));
        Assert.True(open[6]);
        Assert.False(open[^1]);
        Assert.Single(_scenario.All(AlertKind.SwellingRate));
    }

    [Fact]
    public void OnPoints_AllGasCountedAsHydrogenUntilGcSaysLess_OpensThenCloses()
    {
        var open = _scenario.Feed(AlertKind.Hydrogen, Point(0, 4.0), Point(1, 5.2), Point(2, 5.3, h2Ml: 1.0));

        Assert.Equal([false, true, false], open);
        Assert.Equal(5.2, Assert.Single(_scenario.All(AlertKind.Hydrogen)).Value);
    }

    [Fact]
    public void OnPoints_OvenLeavesBandAndComesBack_ClosesOnlyInsideHysteresis()
    {
        // 50 ± 2 °C; closes within ± 1.8 °C.
        var open = _scenario.Feed(AlertKind.OvenTemperature,
            Point(0, temperatureC: 50.5), Point(1, temperatureC: 47.5), Point(2, temperatureC: 48.1), Point(3, temperatureC: 48.3));

        Assert.Equal([false, true, true, false], open);
    }

    [Fact]
    public void OnPoints_NearSensorLimitFlag_OpensAndClosesBelowClearPressure()
    {
        // Clears below 0.93 × 110 kPa = 102.3 kPa.
        var open = _scenario.Feed(AlertKind.NearSensorLimit,
            Point(0, pressurePa: 105_000, flags: GasFlags.NearSensorLimit), Point(1, pressurePa: 103_000), Point(2, pressurePa: 102_000));

        Assert.Equal([true, true, false], open);
    }

    [Fact]
    public void OnPoints_LeakFlagThenTenCleanReadings_Closes()
    {
        var points = new[] { Point(0, 1, flags: GasFlags.LeakSuspected) }.Concat(Enumerable.Range(1, 10).Select(i => Point(i, 1))).ToArray();

        var open = _scenario.Feed(AlertKind.LeakSuspected, points);

        Assert.Equal(Enumerable.Repeat(true, 10).Append(false), open);
    }

    [Fact]
    public void OnPoints_RecomputedOlderPoints_AreNotEvaluatedAgain()
    {
        _scenario.Feed(AlertKind.Swelling, Point(10, 6), Point(11, 1));

        var open = _scenario.Feed(AlertKind.Swelling, Point(5, 6));

        Assert.Equal([false], open);
        Assert.Single(_scenario.All(AlertKind.Swelling));
    }

    [Fact]
    public void Constructor_AlertLeftOpenByEarlierRun_IsNotOpenedTwice()
    {
        _scenario.Feed(AlertKind.Swelling, Point(0, 6));

        var restarted = _scenario.NewEngine();
        restarted.OnPoints(Tags, [Point(1, 7)], 110_000);
        restarted.OnPoints(Tags, [Point(2, 1)], 110_000);

        var alert = Assert.Single(_scenario.All(AlertKind.Swelling));
        Assert.NotNull(alert.ClosedAt);
    }

    [Fact]
    public void Acknowledge_OpenAlert_SucceedsOnce()
    {
        _scenario.Feed(AlertKind.Swelling, Point(0, 6));
        var id = Assert.Single(_scenario.All(AlertKind.Swelling)).Id;

        Assert.True(_scenario.Engine.Acknowledge(id));
        Assert.False(_scenario.Engine.Acknowledge(id));
        Assert.False(_scenario.Engine.Acknowledge(id + 100));
        Assert.Equal(_scenario.Time.GetUtcNow(), _scenario.All(AlertKind.Swelling)[0].AcknowledgedAt);
    }

    [Fact]
    public void CheckSilence_NothingForThreeIntervals_OpensOfflineUntilNextBatch()
    {
        _scenario.Time.Advance(TimeSpan.FromMinutes(3));
        _scenario.DeviceRules.CheckSilence();
        Assert.False(_scenario.IsOpen(AlertKind.DeviceOffline));

        _scenario.Time.Advance(TimeSpan.FromSeconds(1));
        _scenario.DeviceRules.CheckSilence();
        Assert.True(_scenario.IsOpen(AlertKind.DeviceOffline));

        _scenario.DeviceRules.OnReadings(Batch(new Reading(0, 1000, null, 0, 101_000, 50, null)), [], _scenario.Time.GetUtcNow());
        Assert.False(_scenario.IsOpen(AlertKind.DeviceOffline));
        Assert.Single(_scenario.All(AlertKind.DeviceOffline));
    }

    [Fact]
    public void OnStatus_LastWillThenOnline_OpensAndClosesOffline()
    {
        _scenario.DeviceRules.OnStatus(new DeviceStatus("dev-a", DeviceState.Offline, 1, null), _scenario.Time.GetUtcNow());
        Assert.True(_scenario.IsOpen(AlertKind.DeviceOffline));

        _scenario.DeviceRules.OnStatus(new DeviceStatus("dev-a", DeviceState.Online, 2, null), _scenario.Time.GetUtcNow());
        Assert.False(_scenario.IsOpen(AlertKind.DeviceOffline));
    }

    [Fact]
    public void OnStatus_LongerPublishInterval_WaitsThreeOfThoseIntervals()
    {
        var health = new DeviceHealth("1.0.0", 1000, null, "power-on", 80_000, -60, 0, 0, 600, 600);
        _scenario.DeviceRules.OnStatus(new DeviceStatus("dev-a", DeviceState.Online, 1, health), _scenario.Time.GetUtcNow());

        _scenario.Time.Advance(TimeSpan.FromMinutes(29));
        _scenario.DeviceRules.CheckSilence();
        Assert.False(_scenario.IsOpen(AlertKind.DeviceOffline));

        _scenario.Time.Advance(TimeSpan.FromMinutes(2));
        _scenario.DeviceRules.CheckSilence();
        Assert.True(_scenario.IsOpen(AlertKind.DeviceOffline));
    }

    [Fact]
    public void OnReadings_SensorFaultThenGoodReadingArrivingLate_OpensAndClosesAtTheReadingsTimes()
    {
        _scenario.Time.Advance(TimeSpan.FromHours(1));
        OnPlacedBatch(Placed(0, 10, SensorFault.Stuck));
        Assert.True(_scenario.IsOpen(AlertKind.SensorFault));
        Assert.Contains("stuck", _scenario.All(AlertKind.SensorFault)[0].Message, StringComparison.Ordinal);

        OnPlacedBatch(Placed(1, 20, null));

        var alert = Assert.Single(_scenario.All(AlertKind.SensorFault));
        Assert.Equal(Start.AddMinutes(10), alert.OpenedAt);
        Assert.Equal(Start.AddMinutes(20), alert.ClosedAt);
    }

    [Fact]
    public void OnReadings_FaultThatEndedWithinOneFlushedBatch_OpensAndClosesAtItsReadingsTimes()
    {
        StoredReading[] flushed = [Placed(0, 10, null), Placed(1, 20, SensorFault.I2c), Placed(2, 30, SensorFault.I2c), Placed(3, 40, null)];
        _scenario.DeviceRules.OnReadings(Batch([.. flushed.Select(AsReading)]), [.. flushed.Reverse()], _scenario.Time.GetUtcNow());

        var alert = Assert.Single(_scenario.All(AlertKind.SensorFault));
        Assert.Equal(Start.AddMinutes(20), alert.OpenedAt);
        Assert.Equal(Start.AddMinutes(40), alert.ClosedAt);
    }

    [Fact]
    public void OnReadings_FaultOlderThanTheSensorsNewestReading_OpensNothing()
    {
        OnPlacedBatch(Placed(1, 20, null));

        OnPlacedBatch(Placed(0, 10, SensorFault.Stuck));

        Assert.Empty(_scenario.All(AlertKind.SensorFault));
    }

    private void OnPlacedBatch(StoredReading placed) =>
        _scenario.DeviceRules.OnReadings(Batch(AsReading(placed)), [placed], _scenario.Time.GetUtcNow());

    private static Reading AsReading(StoredReading placed) =>
        new(placed.Sequence, 1000, placed.Time, 0, placed.PressurePa, placed.TemperatureC, placed.Fault);

    private static StoredReading Placed(uint sequence, double minutes, SensorFault? fault) =>
        new("dev-a", 1, sequence, 0, Start.AddMinutes(minutes), fault is null ? 101_000 : null, fault is null ? 50 : null, fault);

    private static ReadingBatch Batch(params Reading[] readings) => new("dev-a", 1, readings);
}
