using System.Collections.Concurrent;
using System.Net;
using DonationRegistry.Hosting;
using Google.Protobuf;

namespace DonationRegistry.SystemTests.Tracing;

/// <summary>
/// A tiny OTLP/HTTP receiver (protobuf) the services export to during the run: keeps every span's trace id, span id, parent, name,
/// kind and the exporting service (<c>service.name</c>); accepts and drops metrics and logs. The OTLP messages are read straight
/// from the protobuf wire format (only the few fields needed), so no OpenTelemetry proto files are compiled into the tests.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        Port = Ports.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The base URL for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (protocol <c>http/protobuf</c>).</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public ConcurrentBag<ReceivedSpan> Spans { get; } = [];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            try
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/traces")
                {
                    foreach (var span in OtlpSpans.Read(ByteString.CopyFrom(body.ToArray())))
                    {
                        Spans.Add(span);
                    }
                }
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
            }
            catch (InvalidProtocolBufferException)
            {
                context.Response.StatusCode = 400;
            }
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
