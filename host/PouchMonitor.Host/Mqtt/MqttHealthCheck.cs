using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PouchMonitor.Host.Mqtt;

/// <summary>Healthy while the host's client is connected (and, when embedded, the broker runs).</summary>
public sealed class MqttHealthCheck(ReadingSubscriber subscriber, EmbeddedBroker broker, IOptions<MqttOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var where = options.Value.IsEmbedded ? "embedded broker" : options.Value.Broker!.ToString();
        if (options.Value.IsEmbedded && !broker.IsRunning)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("embedded broker not running"));
        }

        return Task.FromResult(subscriber.IsConnected
            ? HealthCheckResult.Healthy($"connected to {where}")
            : HealthCheckResult.Unhealthy($"not connected to {where}: {subscriber.LastError}"));
    }
}
