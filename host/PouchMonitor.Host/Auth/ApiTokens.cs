using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PouchMonitor.Host.Auth;

/// <summary>Makes, lists, revokes and checks API tokens; a token is 256 random bits, of which only the SHA-256 is kept.</summary>
public sealed class ApiTokens(IdentityDb db, TimeProvider timeProvider)
{
    /// <summary>Prefix that tells a PouchMonitor token apart in a script or a secret scanner.</summary>
    public const string Prefix = "pm_";

    /// <summary>Makes a token for <paramref name="userId"/>; the returned text is the only copy.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string name)
    {
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken { UserId = userId, Name = name, Sha256 = Hash(secret), CreatedAt = timeProvider.GetUtcNow() };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync().ConfigureAwait(false);
        return (token, secret);
    }

    /// <summary>The user's tokens, newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId) =>
        (await db.ApiTokens.Where(t => t.UserId == userId).ToListAsync().ConfigureAwait(false)).OrderByDescending(t => t.CreatedAt).ToList();

    /// <summary>Revokes the user's token <paramref name="id"/>; false when the user has no such working token.</summary>
    public async Task<bool> RevokeAsync(string userId, long id)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId && t.RevokedAt == null).ConfigureAwait(false);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>The owner of a working token, or null.</summary>
    public async Task<string?> FindUserIdAsync(string secret)
    {
        var hash = Hash(secret);
        return await db.ApiTokens.Where(t => t.Sha256 == hash && t.RevokedAt == null).Select(t => t.UserId).SingleOrDefaultAsync().ConfigureAwait(false);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
