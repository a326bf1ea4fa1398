using System.Buffers;
using System.Text.Json;

namespace PouchMonitor.Contracts;

/// <summary>Shared frame of every v1 decoder: size limit, JSON syntax, schema version, device id.</summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 4,
        AllowDuplicateProperties = false,
    };

    public static DecodeResult<T> Decode<T>(
        string topicDeviceId,
        ReadOnlySequence<byte> payload,
        string[] allowed,
        Func<StrictObject, string, T> read)
        where T : class
    {
        if (payload.Length > ContractV1.MaxPayloadBytes)
        {
            return DecodeResult<T>.Invalid($"payload is {payload.Length} bytes, more than {ContractV1.MaxPayloadBytes}");
        }

        try
        {
            using var document = JsonDocument.Parse(payload, Options);
            var root = new StrictObject(document.RootElement, "$", allowed);
            var version = root.Int64("v", long.MinValue, long.MaxValue);
            if (version != ContractV1.Version)
            {
                return DecodeResult<T>.Invalid($"schema version {version} is not {ContractV1.Version}");
            }

            var deviceId = root.String("device");
            if (deviceId != topicDeviceId)
            {
                return DecodeResult<T>.Invalid($"device '{deviceId}' in the payload is not the topic's '{topicDeviceId}'");
            }

            return DecodeResult<T>.Valid(read(root, deviceId));
        }
        catch (JsonException e)
        {
            return DecodeResult<T>.Invalid($"not valid JSON: {e.Message}");
        }
        catch (ContractViolationException e)
        {
            return DecodeResult<T>.Invalid(e.Message);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json parses a lone surrogate escape ("\ud800") or invalid UTF-8 inside a string and only
            // refuses it when the text is read as a .NET string, a property name included.
            return DecodeResult<T>.Invalid($"not valid UTF-8 text: {e.Message}");
        }
    }
}
