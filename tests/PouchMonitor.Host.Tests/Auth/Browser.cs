using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PouchMonitor.Host.Tests.Auth;

/// <summary>What a browser does over HTTP: keeps cookies, reads the sign-in page's antiforgery field, posts its form.</summary>
internal sealed partial class Browser : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly Uri _url;

    public Browser(Uri url)
    {
        _url = url;
        Client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = url };
    }

    public HttpClient Client { get; }

    /// <summary>Signs in through the form as a person does (the page first, for its antiforgery field).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string name, string password)
    {
        var page = await Client.GetStringAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
        return await PostFormAsync("/auth/signin", ("__RequestVerificationToken", token), ("name", name), ("password", password), ("returnUrl", "/"));
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await Client.PostAsync(new Uri(path, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>Values of the cookies the host set (sign-in and antiforgery).</summary>
    public IEnumerable<string> CookieValues() => _cookies.GetCookies(_url).Select(c => c.Value);

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
