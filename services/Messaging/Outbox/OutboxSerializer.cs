using System.Collections.Concurrent;
using System.Text.Json;

namespace DonationRegistry.Messaging.Outbox;

/// <summary>How events are stored in the outbox: the CLR type as <c>Full.Name, Assembly</c> and the body as JSON.</summary>
internal static class OutboxSerializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static string Serialize(object message) => JsonSerializer.Serialize(message, message.GetType(), Json);

    /// <summary>The event type a row names, or null when no loaded assembly defines it.</summary>
    public static Type? Resolve(string typeName) => Types.GetOrAdd(typeName, static name => Type.GetType(name, throwOnError: false));

    public static object Deserialize(string body, Type type) =>
        JsonSerializer.Deserialize(body, type, Json) ?? throw new JsonException($"The outbox body of {type} is null.");
}
