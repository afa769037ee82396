using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// Builds random and boundary protobuf messages from a descriptor, for the fuzzer (issue #9): empty, huge, unicode and
/// injection-shaped strings, zero/negative/extreme numbers, NaN, unknown enum values, far dates, empty and long lists, nested
/// messages. The same <see cref="Random"/> seed gives the same messages. <paramref name="knownStrings"/> (existing resource names,
/// codes) are mixed in so that some requests get past "not found" into the deeper checks. Half the messages are hostile throughout;
/// the other half are plausible (known values by field name from <paramref name="fieldValues"/>, valid enums, near dates) with one
/// field broken, so that the checks behind the first validation are reached too.
/// </summary>
public sealed class FuzzMessages(Random random, IReadOnlyList<string> knownStrings, IReadOnlyDictionary<string, string[]> fieldValues)
{
    private const int MaxDepth = 4;

    private static readonly string[] BoundaryStrings =
    [
        "", " ", "\t\r\n", "0", "-1", "a", "null", "undefined", "true",
        "' OR 1=1 --", "\"; DROP TABLE families; --", "%", "_", "\\", "%_\\%", "*", "../../etc/passwd", "<script>alert(1)</script>",
        "${jndi:ldap://x}", "{{7*7}}", "\0", "a\0b", "\uFEFF", "\u202Eevil", "e\u0301", "😀👨‍👩‍👧", "浙江省杭州市西湖区", "𠀀𠀁",
        "2026-02-30", "2026-13-01", "0001-01-01", "9999-12-31", "1900-01-01", "20260101", "2026-01-01T00:00:00Z",
        "330106199001011234", "33010619900101123X", "000000000000000000", "99999999999999999999",
        "families/", "/", "x/y/z", "registrations/not-a-guid", "00000000-0000-0000-0000-000000000000",
        "A*01:01", "A*01:01+A*02:01^B*08:01", "HLA-A*99:99:99:99", "MTAw", "%%%%", "-9223372036854775808", "NaN", "1e309",
    ];

    private static readonly string[] Prefixes =
    [
        "families", "registrations", "registrationPoints", "donors", "searches", "requests", "collectionCases", "organCases",
        "credentials", "receivingUnits", "bodyCases", "tissueCases", "memorials", "visits", "aidCases", "aidFunds", "staffMembers",
        "campaigns", "weekPlans", "children", "elders",
    ];

    /// <summary>A hostile message of <paramref name="type"/>, or a plausible one with one field broken (even chances).</summary>
    public IMessage Create(MessageDescriptor type)
    {
        if (random.Next(2) == 0)
        {
            return Create(type, 0);
        }
        var message = Plausible(type, 0);
        var fields = type.Fields.InDeclarationOrder();
        if (fields.Count > 0 && random.Next(5) != 0)
        {
            var broken = fields[random.Next(fields.Count)];
            if (broken.IsMap || broken.IsRepeated)
            {
                ((System.Collections.IList)broken.Accessor.GetValue(message)).Clear();
                if (broken.IsRepeated && !broken.IsMap)
                {
                    FillList(message, broken, 0);
                }
            }
            else
            {
                broken.Accessor.Clear(message);
                if (Value(broken, 0) is { } value)
                {
                    broken.Accessor.SetValue(message, value);
                }
            }
        }
        return message;
    }

    /// <summary>Every field set to a value a careful caller might send.</summary>
    private IMessage Plausible(MessageDescriptor type, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            if (field.IsMap || field.ContainingOneof is { } oneof && oneof.Fields[0] != field)
            {
                continue;
            }
            if (PlausibleValue(field, depth) is not { } value)
            {
                continue;
            }
            if (field.IsRepeated)
            {
                ((System.Collections.IList)field.Accessor.GetValue(message)).Add(value);
            }
            else
            {
                field.Accessor.SetValue(message, value);
            }
        }
        return message;
    }

    private object? PlausibleValue(FieldDescriptor field, int depth)
    {
        if (fieldValues.TryGetValue(field.Name, out var known) && known.Length > 0 && field.FieldType == FieldType.String)
        {
            return known[random.Next(known.Length)];
        }
        var name = field.Name;
        return field.FieldType switch
        {
            FieldType.String when name is "etag" or "page_token" => null,
            FieldType.String when name == "request_id" => RandomGuid(),
            FieldType.String when name.Contains("date", StringComparison.Ordinal) =>
                DateOnly.FromDateTime(DateTime.UtcNow.AddDays(random.Next(-60, 60))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FieldType.String when name.Contains("region", StringComparison.Ordinal) => random.Next(2) == 0 ? "330106" : "330100",
            FieldType.String => "测试" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
            FieldType.Bool => random.Next(2) == 0,
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => random.Next(1, 10),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => (long)random.Next(1, 10),
            FieldType.UInt32 or FieldType.Fixed32 => (uint)random.Next(1, 10),
            FieldType.UInt64 or FieldType.Fixed64 => (ulong)random.Next(1, 10),
            FieldType.Double => random.Next(1, 1000) / 10.0,
            FieldType.Float => random.Next(1, 1000) / 10f,
            FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType,
                field.EnumType.Values[field.EnumType.Values.Count > 1 ? random.Next(1, field.EnumType.Values.Count) : 0].Number),
            FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName =>
                Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(random.Next(-24 * 30, 24 * 30))),
            FieldType.Message when field.MessageType.FullName == Duration.Descriptor.FullName => Duration.FromTimeSpan(TimeSpan.FromHours(random.Next(1, 48))),
            FieldType.Message when field.MessageType.FullName == FieldMask.Descriptor.FullName => null,
            FieldType.Message when field.MessageType.File.Package == "google.protobuf" && field.MessageType.FindFieldByNumber(1) is { Name: "value" } wrapped =>
                PlausibleValue(wrapped, depth),
            FieldType.Message => depth >= MaxDepth ? null : Plausible(field.MessageType, depth + 1),
            _ => null,
        };
    }

    private IMessage Create(MessageDescriptor type, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        // Sometimes leave the message empty, sometimes set every field, mostly about half of them.
        var fill = random.Next(10) switch { 0 => 0.0, 1 => 1.0, _ => 0.5 };
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            if (random.NextDouble() >= fill)
            {
                continue;
            }
            if (field.IsMap)
            {
                FillMap(message, field, depth);
            }
            else if (field.IsRepeated)
            {
                FillList(message, field, depth);
            }
            else if (Value(field, depth) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }
        return message;
    }

    private void FillList(IMessage message, FieldDescriptor field, int depth)
    {
        var list = (System.Collections.IList)field.Accessor.GetValue(message);
        // Long lists of scalars only: 300 nested messages with long strings would only test the 4 MB message limit.
        var count = random.Next(8) switch { 0 => 0, 1 => field.FieldType == FieldType.Message ? 20 : 300, 2 => 2, _ => 1 };
        for (var i = 0; i < count; i++)
        {
            if (Value(field, depth) is { } value)
            {
                list.Add(value);
            }
        }
    }

    private void FillMap(IMessage message, FieldDescriptor field, int depth)
    {
        var map = (System.Collections.IDictionary)field.Accessor.GetValue(message);
        var key = field.MessageType.FindFieldByNumber(1);
        var value = field.MessageType.FindFieldByNumber(2);
        for (var i = random.Next(4); i > 0; i--)
        {
            if (Value(key, depth) is { } k && Value(value, depth) is { } v)
            {
                map[k] = v;
            }
        }
    }

    private object? Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => String(field),
        FieldType.Bytes => Bytes(),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Int32(),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Int64(),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)Int32(),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)Int64(),
        FieldType.Double => Double(),
        FieldType.Float => (float)Double(),
        FieldType.Enum => Enum(field.EnumType),
        FieldType.Message or FieldType.Group => MessageValue(field, depth),
        _ => null,
    };

    private object? MessageValue(FieldDescriptor field, int depth)
    {
        var type = field.MessageType;
        if (type.FullName == Timestamp.Descriptor.FullName)
        {
            return FarOrNearTime();
        }
        if (type.FullName == Duration.Descriptor.FullName)
        {
            return random.Next(4) switch
            {
                0 => new Duration(),
                1 => new Duration { Seconds = -random.NextInt64(1, 315_576_000_000) },
                2 => new Duration { Seconds = 315_576_000_000 },
                _ => new Duration { Seconds = random.NextInt64(0, 1_000_000) },
            };
        }
        if (type.FullName == FieldMask.Descriptor.FullName)
        {
            var mask = new FieldMask();
            for (var i = random.Next(4); i > 0; i--)
            {
                mask.Paths.Add(random.Next(3) == 0 ? String(null) : RandomIdentifier());
            }
            return mask;
        }
        if (type.File.Package == "google.protobuf" && type.FindFieldByNumber(1) is { Name: "value" } wrapped)
        {
            // Wrapper types (StringValue…) are plain nullable values in C#.
            return Value(wrapped, depth);
        }
        return depth >= MaxDepth ? null : Create(type, depth + 1);
    }

    private Timestamp FarOrNearTime()
    {
        var min = Timestamp.FromDateTime(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)).Seconds;
        var max = Timestamp.FromDateTime(new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc)).Seconds;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var seconds = random.Next(6) switch
        {
            0 => min,
            1 => max,
            2 => 0,
            3 => random.NextInt64(min, max),
            _ => now + random.NextInt64(-400L * 86_400 * 365, 400L * 86_400 * 365) / 100,
        };
        return new Timestamp { Seconds = seconds, Nanos = random.Next(3) == 0 ? 999_999_999 : 0 };
    }

    private string String(FieldDescriptor? field)
    {
        switch (random.Next(12))
        {
            case 0:
            case 1:
            case 2:
                return BoundaryStrings[random.Next(BoundaryStrings.Length)];
            case 3:
            case 4:
                if (knownStrings.Count > 0)
                {
                    return knownStrings[random.Next(knownStrings.Count)];
                }
                goto case 5;
            case 5:
                return Prefixes[random.Next(Prefixes.Length)] + "/" + (random.Next(2) == 0 ? RandomGuid() : RandomIdentifier());
            case 6:
                return new string(random.Next(3) == 0 ? '浙' : 'x', random.Next(3) switch { 0 => 256, 1 => 4_097, _ => 100_000 });
            case 7:
                return RandomUnicode(random.Next(1, 40));
            case 8:
                return field?.Name.Contains("date", StringComparison.Ordinal) == true || random.Next(2) == 0
                    ? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(random.Next(-80_000, 80_000))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture);
            case 9:
                return RandomGuid();
            default:
                return RandomIdentifier();
        }
    }

    // From the seeded generator, so a failing request can be rebuilt.
    private string RandomGuid() => new Guid(RandomBytes(16)).ToString();

    private string RandomIdentifier()
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:*/";
        var length = random.Next(1, 24);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(chars[random.Next(chars.Length)]);
        }
        return builder.ToString();
    }

    private string RandomUnicode(int length)
    {
        var builder = new StringBuilder(length * 2);
        for (var i = 0; i < length; i++)
        {
            // Anything from control characters to the supplementary planes, skipping the surrogate block.
            var codePoint = random.Next(4) switch
            {
                0 => random.Next(0, 0x80),
                1 => random.Next(0x4E00, 0x9FFF),
                2 => random.Next(0x10000, 0x10FFFF),
                _ => random.Next(0x80, 0xD7FF),
            };
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
        return builder.ToString();
    }

    private ByteString Bytes() => random.Next(4) switch
    {
        0 => ByteString.Empty,
        1 => ByteString.CopyFrom(RandomBytes(random.Next(1, 64))),
        2 => ByteString.CopyFromUtf8("id_number,name\n330106199001011234,张三\n\"unterminated,\n"),
        _ => ByteString.CopyFrom(RandomBytes(random.Next(1_000, 300_000))),
    };

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private int Int32() => random.Next(8) switch
    {
        0 => 0,
        1 => -1,
        2 => int.MinValue,
        3 => int.MaxValue,
        4 => random.Next(-1000, 0),
        _ => random.Next(1, 1000),
    };

    private long Int64() => random.Next(7) switch
    {
        0 => 0,
        1 => -1,
        2 => long.MinValue,
        3 => long.MaxValue,
        _ => random.NextInt64(-1_000_000, 1_000_000),
    };

    private double Double() => random.Next(9) switch
    {
        0 => 0,
        1 => -1,
        2 => double.NaN,
        3 => double.PositiveInfinity,
        4 => double.NegativeInfinity,
        5 => double.MaxValue,
        6 => double.Epsilon,
        _ => (random.NextDouble() - 0.2) * 1000,
    };

    private object Enum(EnumDescriptor type)
    {
        var number = random.Next(5) == 0
            ? random.Next(2) == 0 ? 999 : -7 // not a value of the enum
            : type.Values[random.Next(type.Values.Count)].Number;
        return System.Enum.ToObject(type.ClrType, number);
    }
}
