using System.Text.Json;

namespace PouchMonitor.Contracts;

/// <summary>A JSON object read strictly: only the listed properties, required ones present, numbers in range.</summary>
internal sealed class StrictObject
{
    private readonly JsonElement _element;
    private readonly string _path;

    public StrictObject(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ContractViolationException($"{path} is not a JSON object");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (System.Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new ContractViolationException($"{path}.{property.Name} is not a v1 field");
            }
        }

        _element = element;
        _path = path;
    }

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    public long Int64(string name, long min, long max)
    {
        var value = Required(name, JsonValueKind.Number);
        if (!value.TryGetInt64(out var number) || number < min || number > max)
        {
            throw new ContractViolationException($"{_path}.{name} = {value.GetRawText()} is not an integer in {min}..{max}");
        }

        return number;
    }

    public long? OptionalInt64(string name, long min, long max) => Has(name) ? Int64(name, min, max) : null;

    public double Double(string name, double min, double max)
    {
        var value = Required(name, JsonValueKind.Number);
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number) || number < min || number > max)
        {
            throw new ContractViolationException($"{_path}.{name} = {value.GetRawText()} is outside {min}..{max}");
        }

        return number;
    }

    public string String(string name) => Required(name, JsonValueKind.String).GetString()!;

    public string? OptionalString(string name) => Has(name) ? String(name) : null;

    public JsonElement.ArrayEnumerator Array(string name, int minLength, int maxLength)
    {
        var value = Required(name, JsonValueKind.Array);
        var length = value.GetArrayLength();
        if (length < minLength || length > maxLength)
        {
            throw new ContractViolationException($"{_path}.{name} has {length} items, not {minLength}..{maxLength}");
        }

        return value.EnumerateArray();
    }

    public string PathOf(string name, int index) => $"{_path}.{name}[{index}]";

    private JsonElement Required(string name, JsonValueKind kind)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            throw new ContractViolationException($"{_path}.{name} is missing");
        }

        if (value.ValueKind != kind)
        {
            throw new ContractViolationException($"{_path}.{name} is a {value.ValueKind}, not a {kind}");
        }

        return value;
    }
}
