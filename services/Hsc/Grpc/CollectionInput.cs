using System.Globalization;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.Hsc.Grpc;

/// <summary>Reads request fields into domain values, collecting every bad field before refusing (INVALID_ARGUMENT names them all).</summary>
public sealed class CollectionInput
{
    private readonly List<FieldViolation> _violations = [];

    public DateOnly Date(string? text, string field)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        _violations.Add(new FieldViolation(field, "Expected a date \"YYYY-MM-DD\"."));
        return default;
    }

    public DateTimeOffset Instant(Google.Protobuf.WellKnownTypes.Timestamp? value, string field)
    {
        if (value is null)
        {
            _violations.Add(new FieldViolation(field, "Required."));
            return default;
        }
        return value.ToDateTimeOffset();
    }

    public decimal Number(double value, string field)
    {
        if (double.IsFinite(value) && Math.Abs(value) < 1e9)
        {
            return (decimal)value;
        }
        _violations.Add(new FieldViolation(field, "A finite number."));
        return 0;
    }

    /// <summary>A proto enum (same numbers as the domain's): UNSPECIFIED or an unknown number is refused.</summary>
    public TDomain Enum<TDomain>(int value, string field, string allowed) where TDomain : struct, System.Enum
    {
        var domain = (TDomain)(object)value;
        if (value != 0 && System.Enum.IsDefined(domain))
        {
            return domain;
        }
        _violations.Add(new FieldViolation(field, $"One of {allowed}."));
        return default;
    }

    public T Required<T>(T? message, string field) where T : class, new()
    {
        if (message is not null)
        {
            return message;
        }
        _violations.Add(new FieldViolation(field, "Required."));
        return new T();
    }

    /// <summary>Throws INVALID_ARGUMENT when any field was bad.</summary>
    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0)
        {
            throw new ValidationFailedException(_violations, "输入有误，请检查标出的字段。");
        }
    }
}
