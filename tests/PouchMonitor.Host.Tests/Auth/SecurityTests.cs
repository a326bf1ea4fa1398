using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Ingestion;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Auth;

/// <summary>Who may write, tokens, antiforgery, cross-site requests and secrets in the logs, against a running host.</summary>
public sealed partial class SecurityTests : IAsyncLifetime
{
    // Endpoints that take no sign-in: the forms that sign in, sign out and create the first admin (each checks its own antiforgery token).
    private static readonly string[] AnonymousWrites = ["POST /auth/signin", "POST /auth/signout", "POST /auth/setup"];

    // A viewer manages its own API tokens.
    private static readonly string[] ViewerWrites = ["POST /api/tokens/", "DELETE /api/tokens/{id:long}"];

    private readonly TempFolder _folder = new();
    private ExampleData _example = null!;
    private ServeHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _example = ExampleData.Create(_folder.Path);
        _host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path,
            ["Experiments:Files:0"] = _example.ExperimentPath,
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Debug",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task EveryWriteEndpoint_AnonymousOrViewer_IsRefused()
    {
        var viewer = await _host.ClientAsAsync(Roles.Viewer);
        var writes = WriteEndpoints().ToList();

        Assert.Equal(AnonymousWrites.Order(), writes.Where(w => w.Anonymous).Select(w => w.Name).Order());
        Assert.Contains(writes, w => w.Name == "POST /api/experiments/{experiment}/gc");
        foreach (var (name, method, path, _, form) in writes.Where(w => !w.Anonymous))
        {
            using var anonymous = await SendAsync(_host.Anonymous, method, path, form);
            using var asViewer = await SendAsync(viewer, method, path, form);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{name} as anonymous: {anonymous.StatusCode}");
            Assert.True(ViewerWrites.Contains(name) || asViewer.StatusCode == HttpStatusCode.Forbidden, $"{name} as viewer: {asViewer.StatusCode}");
        }
    }

    [Fact]
    public async Task Token_Revoked_IsRefused()
    {
        var operatorClient = await _host.ClientAsAsync(Roles.Operator);
        var tokens = await operatorClient.GetFromJsonAsync<JsonElement>(new Uri("/api/tokens", UriKind.Relative), TestContext.Current.CancellationToken);
        var id = tokens[0].GetProperty("id").GetInt64();
        using var before = await operatorClient.PostAsync(new Uri("/api/alerts/999/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);

        using var revoked = await operatorClient.DeleteAsync(new Uri($"/api/tokens/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var after = await operatorClient.PostAsync(new Uri("/api/alerts/999/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NoContent, HttpStatusCode.Unauthorized), (before.StatusCode, revoked.StatusCode, after.StatusCode));
    }

    [Fact]
    public async Task SignInForm_WithoutItsAntiforgeryToken_IsRefused()
    {
        using var browser = new Browser(_host.Url);

        using var without = await browser.PostFormAsync("/auth/signin", ("name", ServeHost.OperatorName), ("password", _host.OperatorPassword));
        var me = await browser.GetJsonAsync("/api/me");

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task SignIn_FormThenApiWithHeader_WritesAndWithoutHeaderIsRefused()
    {
        using var browser = new Browser(_host.Url);
        await browser.SignInAsync(ServeHost.OperatorName, _host.OperatorPassword);
        var me = await browser.GetJsonAsync("/api/me");

        using var withoutHeader = await browser.Client.PostAsync(new Uri("/api/alerts/999/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/999/ack");
        request.Headers.Add(CrossSiteGuard.HeaderName, me.GetProperty("antiforgery").GetString());
        using var withHeader = await browser.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal((ServeHost.OperatorName, "operator"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withHeader.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefused()
    {
        using var browser = new Browser(_host.Url);

        using var response = await browser.SignInAsync(ServeHost.OperatorName, "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong name or password", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task Post_FromAnotherSite_IsRefusedEvenWithAToken(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/999/ack");
        request.Headers.Add(header, value);

        using var response = await _host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SetupPage_AUserExists_IsRefused()
    {
        using var response = await _host.Anonymous.GetAsync(new Uri("/setup", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AdminEndpoints_Operator_IsRefusedAndAdminAddsUser()
    {
        var admin = await _host.ClientAsAsync(Roles.Admin);
        var body = new { name = "lab-viewer", password = "a long viewer password", role = "viewer" };

        using var asOperator = await _host.Http.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), body, TestContext.Current.CancellationToken);
        using var asAdmin = await admin.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), body, TestContext.Current.CancellationToken);
        var users = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/users", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Created), (asOperator.StatusCode, asAdmin.StatusCode));
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("name").GetString() == "lab-viewer" && u.GetProperty("role").GetString() == "viewer");
    }

    [Fact]
    public async Task MeAndSignInPage_HoldAnAntiforgeryToken_AreNotCachedAndLogNoWarning()
    {
        var ct = TestContext.Current.CancellationToken;
        using var me = await _host.Http.GetAsync(new Uri("/api/me", UriKind.Relative), ct);
        using var anonymousMe = await _host.Anonymous.GetAsync(new Uri("/api/me", UriKind.Relative), ct);
        using var page = await _host.Anonymous.GetAsync(new Uri("/signin", UriKind.Relative), ct);

        foreach (var response in new[] { me, anonymousMe, page })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl is { NoCache: true, NoStore: true }, $"{response.RequestMessage?.RequestUri}: {response.Headers.CacheControl}");
        }

        Assert.DoesNotContain(_host.Logs.Lines, line => line.StartsWith("Warning Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WholeSession_Logs_HoldNoPasswordTokenOrCookie()
    {
        using var browser = new Browser(_host.Url);
        await browser.SignInAsync(ServeHost.OperatorName, _host.OperatorPassword);
        await browser.SignInAsync(ServeHost.OperatorName, "a wrong password for the log test");
        var viewer = await _host.ClientAsAsync(Roles.Viewer);
        using var refused = await viewer.PostAsync(new Uri("/api/alerts/1/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var revokedClient = _host.NewClient("pm_" + new string('0', 64));
        using var unknown = await revokedClient.GetAsync(new Uri("/api/me", UriKind.Relative), TestContext.Current.CancellationToken);
        var secrets = _host.Secrets.Append("a wrong password for the log test").Concat(browser.CookieValues()).ToList();

        Assert.NotEmpty(_host.Logs.Lines);
        Assert.True(secrets.Count >= 4, "passwords, tokens and the sign-in cookie were collected");
        foreach (var line in _host.Logs.Lines)
        {
            Assert.DoesNotContain(secrets, s => line.Contains(s, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task UserAdd_PasswordOnStandardInput_CreatesAUserWhoSignsIn()
    {
        using var data = new TempFolder();

        var (exitCode, stderr, _) = await Cli.PouchmonProcess.RunWithInput("a password from stdin\n", "user", "add", "--data", data.Path, "--name", "ada", "--role", "admin");
        var (shortCode, shortError, _) = await Cli.PouchmonProcess.RunWithInput("short\n", "user", "add", "--data", data.Path, "--name", "bob", "--role", "viewer");
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = data.Path,
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        using var browser = new Browser(host.Url);
        await browser.SignInAsync("ada", "a password from stdin");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(2, shortCode);
        Assert.Contains("at least 12 characters", shortError, StringComparison.Ordinal);
        Assert.Equal("admin", (await browser.GetJsonAsync("/api/me")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Reads_ClosedByConfiguration_NeedASignedInUser()
    {
        await using var closed = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path + "-closed",
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Auth:OpenReads"] = "false",
        });

        using var anonymous = await closed.Anonymous.GetAsync(new Uri("/api/experiments", UriKind.Relative), TestContext.Current.CancellationToken);
        using var page = await closed.Anonymous.GetAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        using var signedIn = await closed.Http.GetAsync(new Uri("/api/experiments", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK), (anonymous.StatusCode, page.StatusCode, signedIn.StatusCode));
        Directory.Delete(_folder.Path + "-closed", recursive: true);
    }

    private IEnumerable<(string Name, string Method, string Path, bool Anonymous, bool Form)> WriteEndpoints()
    {
        var sources = (IEnumerable<EndpointDataSource>)_host.Services.GetService(typeof(IEnumerable<EndpointDataSource>))!;
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Where(m => m is not ("GET" or "HEAD")))
            {
                var pattern = endpoint.RoutePattern.RawText!;
                var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
                var form = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
                yield return ($"{method} {pattern}", method, Concrete(endpoint.RoutePattern), anonymous, form);
            }
        }
    }

    // A real experiment and pouch, so a missing check shows as a success rather than hiding behind a 404.
    private string Concrete(RoutePattern pattern) => ParameterPattern().Replace(pattern.RawText!, m => m.Groups[1].Value switch
    {
        "experiment" => _example.Experiment.Name,
        "pouch" => "A1",
        _ => "1",
    });

    // A body of the kind the endpoint takes, so routing does not refuse it (415) before authorization is asked.
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, bool form)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Content = form ? new MultipartFormDataContent { { new StringContent("time,pouch,h2_percent\n"), "file", "gc.csv" } } : JsonContent.Create(new { });
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"\{([a-z]+)[^}]*\}", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterPattern();
}
