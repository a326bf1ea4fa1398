using System.CommandLine;
using System.Text;
using PouchMonitor.Host.Auth;

namespace PouchMonitor.Host.Cli;

/// <summary>
/// <c>pouchmon user add --data DIR --name NAME --role ROLE</c>: adds a user to the host's <c>identity.db</c>. The password
/// comes from standard input (first line) or, at a terminal, from a prompt that does not echo; never from the command line.
/// </summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder of the host (Storage:DataFolder).", Required = true, HelpName = "folder" };
        var name = new Option<string>("--name") { Description = "Sign-in name.", Required = true, HelpName = "name" };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true, HelpName = "role" };
        var add = new Command("add", "Add a user; the password is read from standard input or a prompt.") { data, name, role };
        add.SetAction((parse, _) => AddAsync(parse.GetRequiredValue(data), parse.GetRequiredValue(name), parse.GetRequiredValue(role)));
        return new Command("user", "Manage the host's users.") { add };
    }

    private static async Task<int> AddAsync(string dataFolder, string name, string role)
    {
        var password = ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("pouchmon user add: no password given (standard input or the prompt)").ConfigureAwait(false);
            return PouchmonCommand.UsageError;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        IdentityStore.Add(services, _ => dataFolder);
        services.AddScoped<UserAccounts>();
        await using var provider = services.BuildServiceProvider();
        try
        {
            await IdentityStore.EnsureCreatedAsync(provider).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"pouchmon user add: cannot open {Path.Combine(dataFolder, "identity.db")}: {e.Message}").ConfigureAwait(false);
            return PouchmonCommand.UsageError;
        }

        await using var scope = provider.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(name, password, role).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"pouchmon user add: {string.Join(" ", errors)}").ConfigureAwait(false);
            return PouchmonCommand.UsageError;
        }

        await Console.Out.WriteLineAsync($"pouchmon user add: {name} ({role}) added to {Path.Combine(dataFolder, "identity.db")}").ConfigureAwait(false);
        return 0;
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Error.Write("Password: ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
