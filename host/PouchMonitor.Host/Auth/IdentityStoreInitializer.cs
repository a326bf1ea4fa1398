namespace PouchMonitor.Host.Auth;

/// <summary>Creates the user store before the HTTP server takes requests.</summary>
internal sealed class IdentityStoreInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => IdentityStore.EnsureCreatedAsync(services);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
