using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PouchMonitor.Host.Hosting;

/// <summary>
/// Validates an options section with its data annotations and <see cref="IValidatableObject"/> rules, naming each
/// bad value by its configuration key (<c>Mqtt:Port: …</c>) so the start-up error says what to fix.
/// </summary>
/// <typeparam name="TOptions">The options type bound to <paramref name="sectionName"/>.</typeparam>
public sealed class SectionValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(r =>
            $"{sectionName}:{r.MemberNames.FirstOrDefault() ?? "?"}: {r.ErrorMessage}"));
    }
}
