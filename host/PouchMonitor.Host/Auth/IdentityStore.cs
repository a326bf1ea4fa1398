using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PouchMonitor.Host.Auth;

/// <summary>Registers the user store (ASP.NET Core Identity on <c>identity.db</c> in the data folder) and its rules.</summary>
public static class IdentityStore
{
    /// <summary>Shortest password accepted; length rather than character classes, as NIST SP 800-63B advises.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Adds Identity's user and role managers over <c>identity.db</c> in <paramref name="dataFolder"/>.</summary>
    public static IdentityBuilder Add(IServiceCollection services, Func<IServiceProvider, string> dataFolder)
    {
        services.AddDbContext<IdentityDb>((sp, db) => db.UseSqlite(ConnectionString(dataFolder(sp))));
        return services.AddIdentityCore<IdentityUser>(o =>
            {
                o.Password.RequiredLength = MinimumPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityDb>();
    }

    /// <summary>Creates the tables and the three roles when missing.</summary>
    public static async Task EnsureCreatedAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.EnsureCreatedAsync().ConfigureAwait(false);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }
    }

    private static string ConnectionString(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "identity.db"), Pooling = true }.ToString();
    }
}
