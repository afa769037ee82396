using DonationRegistry.Common.Errors;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// Refuses a request with a NUL character (U+0000) in any text field, naming the field: PostgreSQL text cannot hold it, so it would
/// otherwise fail deep in a query as INTERNAL (found by the issue #9 fuzzer). Runs inside <see cref="DomainErrorInterceptor"/>.
/// </summary>
public sealed class NulCharacterGuard : Interceptor
{
    private const int MaxDepth = 16;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private static void Check(object? request)
    {
        if (request is IMessage message && FirstFieldWithNul(message, "", 0) is { } field)
        {
            throw new ValidationFailedException(field, "Must not contain the NUL character.");
        }
    }

    /// <summary>The path of the first text field holding U+0000 ("person.full_name", "items[2]"), or null.</summary>
    internal static string? FirstFieldWithNul(IMessage message, string prefix, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value)
                {
                    if ((Found(entry.Key, path, depth) ?? Found(entry.Value, path, depth)) is { } found)
                    {
                        return found;
                    }
                }
            }
            else if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (System.Collections.IEnumerable)value)
                {
                    if (Found(item, $"{path}[{i++}]", depth) is { } found)
                    {
                        return found;
                    }
                }
            }
            else if (Found(value, path, depth) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static string? Found(object? value, string path, int depth) => value switch
    {
        string text when text.Contains('\0', StringComparison.Ordinal) => path,
        IMessage nested => FirstFieldWithNul(nested, path + ".", depth + 1),
        _ => null,
    };
}
