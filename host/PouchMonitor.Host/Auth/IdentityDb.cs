using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PouchMonitor.Host.Auth;

/// <summary>Users, roles and API tokens, in <c>identity.db</c> beside the readings' database.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<IdentityUser>(options)
{
    /// <summary>API tokens (hashed).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApiToken>().HasIndex(t => t.Sha256).IsUnique();
    }
}
