using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace PouchMonitor.Host.Auth;

/// <summary>
/// Sign-in and first-run pages (forms with an antiforgery field), sign-out, <c>/api/me</c>, the user's API tokens and the
/// admin's user list.
/// </summary>
public static class AuthEndpoints
{
    /// <summary>Maps the pages and endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext context, IAntiforgery antiforgery) => Page(context, antiforgery, "signin.html", "")).AllowAnonymous();
        app.MapPost("/auth/signin", SignIn).AllowAnonymous();
        app.MapPost("/auth/signout", SignOut).AllowAnonymous();
        app.MapGet("/setup", FirstRunPage).AllowAnonymous();
        app.MapPost("/auth/setup", FirstRun).AllowAnonymous();
        app.MapGet("/api/me", WhoAmI).AllowAnonymous();
        var tokens = app.MapGroup("/api/tokens").RequireAuthorization(AuthPolicies.SignedIn);
        tokens.MapGet("/", ListTokens);
        tokens.MapPost("/", CreateToken);
        tokens.MapDelete("/{id:long}", RevokeToken);
        var users = app.MapGroup("/api/users").RequireAuthorization(AuthPolicies.Admin);
        users.MapGet("/", (UserAccounts accounts) => accounts.ListAsync());
        users.MapPost("/", AddUser);
    }

    private static async Task<IResult> SignIn([FromForm] SignInForm form, HttpContext context, SignInManager<IdentityUser> signIn, IAntiforgery antiforgery)
    {
        var result = form.Name is null || form.Password is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(form.Name, form.Password, isPersistent: true, lockoutOnFailure: true).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page(context, antiforgery, "signin.html", result.IsLockedOut ? "Too many failed attempts: try again in 5 minutes." : "Wrong name or password.");
        }

        return TypedResults.Redirect(LocalUrl(form.ReturnUrl));
    }

    private static async Task<RedirectHttpResult> SignOut(SignInManager<IdentityUser> signIn)
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return TypedResults.Redirect("/signin");
    }

    private static async Task<IResult> FirstRunPage(HttpContext context, IAntiforgery antiforgery, UserAccounts accounts) =>
        await FirstRunRefusal(context, accounts).ConfigureAwait(false) ?? Page(context, antiforgery, "setup.html", "");

    private static async Task<IResult> FirstRun([FromForm] FirstRunForm form, HttpContext context, IAntiforgery antiforgery, UserAccounts accounts,
        SignInManager<IdentityUser> signIn)
    {
        if (await FirstRunRefusal(context, accounts).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var errors = form.Password != form.Confirm ? ["The two passwords differ."]
            : string.IsNullOrWhiteSpace(form.Name) || form.Password is null ? ["Give a name and a password."]
            : await accounts.AddAsync(form.Name.Trim(), form.Password, Roles.Admin).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page(context, antiforgery, "setup.html", string.Join(" ", errors));
        }

        await signIn.PasswordSignInAsync(form.Name!.Trim(), form.Password!, isPersistent: true, lockoutOnFailure: false).ConfigureAwait(false);
        return TypedResults.Redirect("/");
    }

    private static async Task<IResult?> FirstRunRefusal(HttpContext context, UserAccounts accounts) =>
        context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address)
            ? TypedResults.Problem("The first-run page works only from this machine (loopback).", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden")
            : await accounts.AnyAsync().ConfigureAwait(false)
            ? TypedResults.Problem("A user exists already: sign in, or ask an admin.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
            : null;

    // GetAndStoreTokens marks the answer no-cache, no-store (and warns in the log about any other Cache-Control set before).
    private static Ok<Me> WhoAmI(HttpContext context, IAntiforgery antiforgery, ReadAccess reads)
    {
        var user = context.User;
        var role = Roles.All.LastOrDefault(user.IsInRole);
        return TypedResults.Ok(new Me(user.Identity?.IsAuthenticated == true ? user.Identity.Name : null, role, reads.Open,
            antiforgery.GetAndStoreTokens(context).RequestToken));
    }

    private static async Task<IEnumerable<object>> ListTokens(ClaimsPrincipal user, ApiTokens tokens) =>
        (await tokens.ListAsync(UserId(user)).ConfigureAwait(false)).Select(t => new { t.Id, t.Name, t.CreatedAt, t.RevokedAt });

    private static async Task<Results<Ok<CreatedToken>, ProblemHttpResult>> CreateToken(TokenRequest body, ClaimsPrincipal user, ApiTokens tokens)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            return TypedResults.Problem("name: give the token a name of 1–100 characters", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        }

        var (token, secret) = await tokens.CreateAsync(UserId(user), body.Name.Trim()).ConfigureAwait(false);
        return TypedResults.Ok(new CreatedToken(token.Id, token.Name, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(long id, ClaimsPrincipal user, ApiTokens tokens) =>
        await tokens.RevokeAsync(UserId(user), id).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"You have no working token {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static async Task<Results<Created, ProblemHttpResult>> AddUser(UserRequest body, UserAccounts accounts)
    {
        var errors = string.IsNullOrWhiteSpace(body.Name) || body.Password is null || body.Role is null
            ? ["name, password and role are required"]
            : await accounts.AddAsync(body.Name.Trim(), body.Password, body.Role).ConfigureAwait(false);
        return errors.Count == 0
            ? TypedResults.Created()
            : TypedResults.Problem(string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest, title: "User not added");
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    // Only a path on this site, so the sign-in form cannot be used to send a user elsewhere.
    private static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    private static ContentHttpResult Page(HttpContext context, IAntiforgery antiforgery, string file, string error)
    {
        var html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dashboard", file));
        var tokens = antiforgery.GetAndStoreTokens(context); // the page is not cached: no-cache, no-store
        return TypedResults.Content(html
            .Replace("{{antiforgery}}", HtmlEncoder.Default.Encode(tokens.RequestToken!), StringComparison.Ordinal)
            .Replace("{{error}}", HtmlEncoder.Default.Encode(error), StringComparison.Ordinal), "text/html; charset=utf-8", statusCode: context.Response.StatusCode);
    }

    private sealed record SignInForm(string? Name, string? Password, string? ReturnUrl);

    private sealed record FirstRunForm(string? Name, string? Password, string? Confirm);

    private sealed record TokenRequest(string? Name);

    private sealed record CreatedToken(long Id, string Name, string Token);

    private sealed record UserRequest(string? Name, string? Password, string? Role);

    private sealed record Me(string? Name, string? Role, bool OpenReads, string? Antiforgery);
}
