using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PouchMonitor.Host.Auth;

/// <summary><c>Authorization: Bearer pm_…</c>: the token's owner, with the owner's current role.</summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokens tokens, UserManager<IdentityUser> users, IUserClaimsPrincipalFactory<IdentityUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        var user = await tokens.FindUserIdAsync(secret).ConfigureAwait(false) is { } id ? await users.FindByIdAsync(id).ConfigureAwait(false) : null;
        if (user is null || await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            // The reason says nothing of the token itself, so it cannot reach a log.
            return AuthenticateResult.Fail("Unknown or revoked API token.");
        }

        var principal = await principals.CreateAsync(user).ConfigureAwait(false);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
