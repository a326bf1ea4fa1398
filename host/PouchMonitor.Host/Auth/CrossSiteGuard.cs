using Microsoft.AspNetCore.Antiforgery;

namespace PouchMonitor.Host.Auth;

/// <summary>
/// Refuses a state-changing request that a browser sent from another site (<c>Sec-Fetch-Site</c> or <c>Origin</c>), and one
/// that rides on the sign-in cookie without the antiforgery token (header <see cref="HeaderName"/> or the form field).
/// Scripts with an API token send neither a cookie nor those headers, so they pass.
/// </summary>
internal sealed class CrossSiteGuard(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (IsCrossSite(request))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "Cross-site request refused",
                "A state-changing request must come from this site's own pages or from a script with an API token.").ConfigureAwait(false);
            return;
        }

        var cookieUser = context.User.Identity?.IsAuthenticated == true && BearerTokenHandler.BearerToken(request) is null;
        if (cookieUser && !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            await Refuse(context, StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid",
                $"A signed-in browser request must carry the {HeaderName} header or the form's antiforgery field.").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Title = title, Detail = detail } }).AsTask();
    }
}
