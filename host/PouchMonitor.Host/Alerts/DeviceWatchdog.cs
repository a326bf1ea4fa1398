using Microsoft.Extensions.Options;

namespace PouchMonitor.Host.Alerts;

/// <summary>Checks device silence every <see cref="AlertOptions.CheckInterval"/>.</summary>
public sealed class DeviceWatchdog(DeviceAlertRules rules, IOptions<AlertOptions> options, TimeProvider timeProvider) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            rules.CheckSilence();
        }
    }
}
