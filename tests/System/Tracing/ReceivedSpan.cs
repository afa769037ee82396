namespace DonationRegistry.SystemTests.Tracing;

/// <summary>One exported span: ids in lower-case hex (parent empty for a root), the span kind as OTLP numbers it (2 server, 3 client, 4 producer, 5 consumer).</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind);
