using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>
/// A loopback HTTP server laid out like the ANHIG/IMGTHLA repository (<c>/&lt;branch&gt;/wmda/hla_nom_g.txt</c>,
/// <c>/&lt;branch&gt;/tce/dpb_tce.csv</c>, <c>/&lt;branch&gt;/Allelelist.txt</c>, …), serving the IMGT folders of ../shared/data/imgt in
/// place. Records every path asked for; can alter one file's bytes to test checksum failures.
/// </summary>
internal sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, string> _branches;
    private readonly Func<string, byte[], byte[]> _alter;
    private readonly Task _serving;

    public LocalFileServer(IReadOnlyDictionary<string, string> branches, Func<string, byte[], byte[]>? alter = null)
    {
        _branches = branches;
        _alter = alter ?? ((_, bytes) => bytes);
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.AbsoluteUri);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with an exception when the listener closes.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue(path);
            var file = LocalFile(path);
            if (file is null || !File.Exists(file))
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                continue;
            }
            var bytes = _alter(path, await File.ReadAllBytesAsync(file));
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private string? LocalFile(string path)
    {
        var parts = path.TrimStart('/').Split('/', 2);
        if (parts.Length != 2 || !_branches.TryGetValue(parts[0], out var folder)) return null;
        var name = parts[1] switch
        {
            "wmda/md5checksum.txt" => "wmda_md5checksum.txt",
            var wmda when wmda.StartsWith("wmda/", StringComparison.Ordinal) => wmda["wmda/".Length..],
            "tce/dpb_tce.csv" => "dpb_tce.csv",
            var root when !root.Contains('/', StringComparison.Ordinal) => root,
            _ => null,
        };
        return name is null ? null : Path.Combine(folder, name);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
