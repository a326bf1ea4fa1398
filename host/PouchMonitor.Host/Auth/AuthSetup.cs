using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Auth;

/// <summary>
/// Sign-in for <c>pouchmon serve</c>: users in <c>identity.db</c>, a cookie for the browser (SameSite=Strict, antiforgery
/// token on every write), <c>Authorization: Bearer</c> API tokens for scripts, and the three policies.
/// </summary>
public static class AuthSetup
{
    /// <summary>Name of the sign-in cookie.</summary>
    public const string CookieName = "pouchmon.auth";

    private const string ChooserScheme = "pouchmon";

    /// <summary>Registers users, cookies, tokens, antiforgery and the policies.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Lan mode serves the lab network whatever address a test or a proxy puts in front of it: reads closed.
        var openReads = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>()?.OpenReads
            ?? (!Lan.LanSetup.IsEnabled(configuration) && LoopbackBinding.IsLoopbackOnly(configuration));
        services.AddSingleton(new ReadAccess(openReads));
        IdentityStore.Add(services, sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder).AddSignInManager();
        services.AddScoped<UserAccounts>();
        services.AddScoped<ApiTokens>();
        services.AddHostedService<IdentityStoreInitializer>();
        services.AddAuthentication(ChooserScheme)
            .AddPolicyScheme(ChooserScheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                BearerTokenHandler.BearerToken(context.Request) is null ? IdentityConstants.ApplicationScheme : BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            // The API answers 401/403 (ProblemDetails); the pages send the browser to /signin themselves.
            o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
        });
        // Keys of the cookies and antiforgery tokens live in the data folder, so a restart keeps users signed in.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((o, storage, logging) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.Value.DataFolder, "keys")), logging));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CrossSiteGuard.HeaderName;
            o.Cookie.Name = "pouchmon.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthorization(o => AuthPolicies.Add(o, openReads));
    }

    /// <summary>Authentication, the cross-site guard, authorization and antiforgery for form endpoints, in that order.</summary>
    public static void UseMiddleware(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseMiddleware<CrossSiteGuard>();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
