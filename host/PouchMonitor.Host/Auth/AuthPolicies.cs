using Microsoft.AspNetCore.Authorization;

namespace PouchMonitor.Host.Auth;

/// <summary>
/// The three policies, and the convention that gives every endpoint one by its HTTP method: GET and HEAD read, any
/// other method writes. An endpoint that names its own policy or allows anonymous access keeps that.
/// </summary>
public static class AuthPolicies
{
    /// <summary>Any role, or anyone when reads are open.</summary>
    public const string Read = "read";

    /// <summary>Operator or admin.</summary>
    public const string Write = "write";

    /// <summary>Admin.</summary>
    public const string Admin = "admin";

    /// <summary>Any signed-in user (their own API tokens), whether reads are open or not.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Adds the policies; <paramref name="openReads"/> lets anonymous requests read.</summary>
    public static void Add(AuthorizationOptions options, bool openReads)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Read, p => p.RequireAssertion(c => openReads || Roles.All.Any(c.User.IsInRole)));
        options.AddPolicy(Write, p => p.RequireRole(Roles.Writers));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(SignedIn, p => p.RequireRole(Roles.All));
    }

    /// <summary>Gives each endpoint of <paramref name="group"/> without its own authorization the read or write policy.</summary>
    public static TBuilder ByMethod<TBuilder>(TBuilder group)
        where TBuilder : IEndpointConventionBuilder
    {
        group.Finally(endpoint =>
        {
            if (endpoint.Metadata.Any(m => m is IAuthorizeData or IAllowAnonymous))
            {
                return;
            }

            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var reads = methods.Count > 0 && methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m));
            endpoint.Metadata.Add(new AuthorizeAttribute(reads ? Read : Write));
        });
        return group;
    }
}
