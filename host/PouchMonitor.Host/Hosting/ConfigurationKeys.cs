using System.Collections;
using System.Reflection;

namespace PouchMonitor.Host.Hosting;

/// <summary>Finds keys in an options section that no property binds, so a typo (<c>Mqtt:Prot</c>) is an error, not a default.</summary>
public static class ConfigurationKeys
{
    /// <summary>Throws a <see cref="StartupException"/> naming the first key under <paramref name="sectionName"/> that <paramref name="optionsType"/> does not have.</summary>
    public static void ThrowIfUnknown(IConfiguration configuration, string sectionName, Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(optionsType);
        Check(configuration.GetSection(sectionName), optionsType);
    }

    private static void Check(IConfigurationSection section, Type type)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
                throw new StartupException($"{child.Path} is not a configuration key (known under {section.Path}: {string.Join(", ", known)})");
            }

            if (IsSection(property.PropertyType))
            {
                Check(child, property.PropertyType);
            }
        }
    }

    // A nested options class is checked key by key; a value, list or dictionary takes whatever keys it is given.
    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && !typeof(IEnumerable).IsAssignableFrom(type);
}
