using Google.Protobuf;

namespace DonationRegistry.SystemTests.Tracing;

/// <summary>
/// Reads spans out of an OTLP <c>ExportTraceServiceRequest</c> by field number (opentelemetry/proto/trace/v1/trace.proto):
/// request.resource_spans = 1; ResourceSpans.resource = 1, .scope_spans = 2; Resource.attributes = 1 (KeyValue key = 1,
/// value = 2, AnyValue.string_value = 1); ScopeSpans.spans = 2; Span.trace_id = 1, span_id = 2, parent_span_id = 4, name = 5,
/// kind = 6. Every other field is skipped.
/// </summary>
public static class OtlpSpans
{
    private const int LengthDelimited = 2;

    public static IEnumerable<ReceivedSpan> Read(ByteString request) =>
        Fields(request).Where(f => f.Number == 1).SelectMany(f => ResourceSpans(f.Bytes)).ToList();

    private static IEnumerable<ReceivedSpan> ResourceSpans(ByteString resourceSpans)
    {
        var service = "";
        var spans = new List<Func<string, ReceivedSpan>>();
        foreach (var field in Fields(resourceSpans))
        {
            if (field.Number == 1)
            {
                service = ServiceName(field.Bytes) ?? service;
            }
            else if (field.Number == 2)
            {
                spans.AddRange(Fields(field.Bytes).Where(f => f.Number == 2).Select(f => Span(f.Bytes)));
            }
        }
        return spans.Select(s => s(service));
    }

    private static string? ServiceName(ByteString resource)
    {
        foreach (var attribute in Fields(resource).Where(f => f.Number == 1))
        {
            var parts = Fields(attribute.Bytes).ToList();
            if (parts.FirstOrDefault(p => p.Number == 1)?.Bytes.ToStringUtf8() == "service.name")
            {
                var value = parts.FirstOrDefault(p => p.Number == 2);
                return value is null ? null : Fields(value.Bytes).FirstOrDefault(f => f.Number == 1)?.Bytes.ToStringUtf8();
            }
        }
        return null;
    }

    private static Func<string, ReceivedSpan> Span(ByteString span)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var input = new CodedInputStream(span.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Hex(input.ReadBytes()); break;
                case 2: spanId = Hex(input.ReadBytes()); break;
                case 4: parent = Hex(input.ReadBytes()); break;
                case 5: name = input.ReadString(); break;
                case 6: kind = input.ReadEnum(); break;
                default: input.SkipLastField(); break;
            }
        }
        return service => new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /// <summary>The length-delimited fields of a message (the only kind the walk needs); others are skipped.</summary>
    private static List<Field> Fields(ByteString message)
    {
        var input = new CodedInputStream(message.ToByteArray());
        var fields = new List<Field>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagWireType(tag) == (WireFormat.WireType)LengthDelimited)
            {
                fields.Add(new Field(WireFormat.GetTagFieldNumber(tag), input.ReadBytes()));
            }
            else
            {
                input.SkipLastField();
            }
        }
        return fields;
    }

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private sealed record Field(int Number, ByteString Bytes);
}
