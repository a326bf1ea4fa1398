using System.Text;
using Microsoft.Net.Http.Headers;

namespace PouchMonitor.Host.Hosting;

/// <summary>
/// Refuses a JSON body in a charset .NET cannot read (<c>application/json; charset=utf-7</c>) with 415 and
/// ProblemDetails: the minimal-API body reader would otherwise throw, and the client would get a 500.
/// </summary>
internal sealed class JsonCharsetGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.MediaType.Value?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true
            && type.Charset.HasValue && !IsReadable(type.Charset.Value!))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "Unsupported charset",
                    Detail = $"Content-Type charset '{type.Charset.Value}': send JSON as UTF-8.",
                },
            }).AsTask();
        }

        return next(context);
    }

    private static bool IsReadable(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
