using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Tests.Hosting;

namespace PouchMonitor.Host.Tests.Lab;

/// <summary>Users of a test host: one per role, each with an HTTP client that sends its API token.</summary>
internal static class RoleClients
{
    public const string Password = "correct horse battery";

    /// <summary>Adds user <paramref name="name"/> with <paramref name="role"/> and returns a client with a fresh API token of theirs.</summary>
    public static async Task<HttpClient> CreateAsync(ServeHost host, string name, string role)
    {
        using var scope = host.Services.CreateScope();
        var errors = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(name, Password, role);
        Assert.Empty(errors);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(name);
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user!.Id, "test");
        var client = new HttpClient { BaseAddress = host.Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
