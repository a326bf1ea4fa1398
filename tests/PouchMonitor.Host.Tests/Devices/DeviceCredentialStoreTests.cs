using System.Text;
using Microsoft.Extensions.Time.Testing;
using PouchMonitor.Host.Devices;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Devices;

public sealed class DeviceCredentialStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Verify_PasswordFromTryAdd_True()
    {
        var store = new DeviceCredentialStore(new SqliteDatabase(_folder.Path), _time);

        var password = DeviceCredentialStore.NewPassword();

        Assert.True(store.TryAdd("oven1-a", null, password));

        Assert.True(store.Verify("oven1-a", password));
        Assert.False(store.Verify("oven1-a", password.ToUpperInvariant()));
        Assert.False(store.Verify("oven1-b", password));
    }

    [Fact]
    public void TryAdd_Twice_FalseAndFirstPasswordStillValid()
    {
        var store = new DeviceCredentialStore(new SqliteDatabase(_folder.Path), _time);
        var first = DeviceCredentialStore.NewPassword();
        store.TryAdd("oven1-a", null, first);

        Assert.False(store.TryAdd("oven1-a", "again", DeviceCredentialStore.NewPassword()));

        Assert.True(store.Verify("oven1-a", first));
        Assert.Null(Assert.Single(store.List()).Label);
    }

    [Fact]
    public void TryAdd_DatabaseFile_HoldsNoPassword()
    {
        var store = new DeviceCredentialStore(new SqliteDatabase(_folder.Path), _time);
        var password = DeviceCredentialStore.NewPassword();
        store.TryAdd("oven1-a", null, password);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var bytes = Directory.GetFiles(_folder.Path).SelectMany(File.ReadAllBytes).ToArray();

        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(password)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Convert.FromHexString(password)));
    }

    [Fact]
    public void Remove_AddedDevice_VerifyFalseAndGoneFromList()
    {
        var store = new DeviceCredentialStore(new SqliteDatabase(_folder.Path), _time);
        var password = DeviceCredentialStore.NewPassword();
        store.TryAdd("oven1-a", null, password);
        store.TryAdd("oven1-b", "oven 2, left", DeviceCredentialStore.NewPassword());

        Assert.True(store.Remove("oven1-a"));

        Assert.False(store.Verify("oven1-a", password));
        Assert.Equal([new DeviceCredential("oven1-b", "oven 2, left", _time.GetUtcNow())], store.List());
    }
}
