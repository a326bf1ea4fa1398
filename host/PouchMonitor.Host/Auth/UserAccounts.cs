using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace PouchMonitor.Host.Auth;

/// <summary>Adds users with one role; used by <c>pouchmon user add</c>, the first-run page and the admin's user list.</summary>
public sealed class UserAccounts(UserManager<IdentityUser> users)
{
    /// <summary>Whether any user exists (the first-run page works only while none does).</summary>
    public Task<bool> AnyAsync() => users.Users.AnyAsync();

    /// <summary>Creates <paramref name="name"/> with <paramref name="role"/>; the errors say why not (taken name, short password, unknown role).</summary>
    public async Task<IReadOnlyList<string>> AddAsync(string name, string password, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return [$"'{role}' is not a role: use {string.Join(", ", Roles.All)}"];
        }

        var user = new IdentityUser(name);
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }

        var added = await users.AddToRoleAsync(user, role).ConfigureAwait(false);
        return [.. added.Errors.Select(e => e.Description)];
    }

    /// <summary>Every user with its role, by name.</summary>
    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        var list = new List<UserSummary>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync().ConfigureAwait(false))
        {
            list.Add(new UserSummary(user.UserName!, (await users.GetRolesAsync(user).ConfigureAwait(false)).FirstOrDefault() ?? ""));
        }

        return list;
    }
}
