extern alias identity;
extern alias registration;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Hosting;
using DonationRegistry.Registration.Bench;
using DonationRegistry.Registration.V1;
using Grpc.Net.Client;
using IdentityEntry = identity::DonationRegistry.Identity.IdentitySettings;
using RegistrationEntry = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

// Registration benchmark (issue #3): see Registration.Bench.csproj for the command. Everything it starts is private to this run and
// removed at the end.
var options = BenchOptions.Parse(args);
var command = "dotnet run -c Release --project bench/Registration.Bench --" +
    string.Concat(args.Select(a => " " + (a.Contains(' ', StringComparison.Ordinal) || a.Contains(';', StringComparison.Ordinal) ? $"\"{a}\"" : a)));
var root = Path.Combine(Path.GetTempPath(), "donationregistry-bench", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Console.WriteLine($"Registration bench: {options}");

await using var postgres = new PostgresServer(Path.Combine(root, "postgres"), Ports.Free(), durable: true);
await using var rabbit = new RabbitMqNode(Path.Combine(root, "rabbitmq"), Ports.Free(), Ports.Free(), Ports.Free(),
    nodeName: "bench" + Environment.ProcessId);
KestrelHost<IdentityEntry>? identityHost = null;
KestrelHost<RegistrationEntry>? registrationHost = null;
try
{
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
    await postgres.CreateDatabaseAsync("identitydb");
    await postgres.CreateDatabaseAsync("registrationdb");
    await postgres.CreateDatabaseAsync("pgbench");
    if (options.Profile)
    {
        await PostgresProfile.EnableStatementsAsync(postgres);
    }
    Console.WriteLine($"PostgreSQL (durable) on {postgres.Port}, RabbitMQ on {rabbit.AmqpPort}: {clock.Elapsed.TotalSeconds:0.0} s");

    // Identity: demo users (officer.zj, clerk …) and the tools client for password-grant tokens.
    var identityHttp = Ports.Free();
    var identitySettings = new Dictionary<string, string?>
    {
        ["ConnectionStrings:identitydb"] = postgres.ConnectionString("identitydb"),
        ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{identityHttp}",
        ["Kestrel:Endpoints:http:Protocols"] = "Http1",
        ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{Ports.Free()}",
        ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
        ["Identity:KeysPath"] = Path.Combine(root, "identity-keys"),
        ["Identity:SeedDemoData"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
    };
    foreach (var clientId in identity::DonationRegistry.Identity.IdentitySettings.DefaultServiceClients.Keys)
    {
        identitySettings[$"Identity:Clients:{clientId}:Secret"] = "bench-" + clientId + "-secret";
    }
    identityHost = new KestrelHost<IdentityEntry>(identitySettings);
    await Task.Run(identityHost.Start);
    var authority = $"http://127.0.0.1:{identityHttp}/";

    var registrationHttp = Ports.Free();
    var registrationGrpc = Ports.Free();
    registrationHost = new KestrelHost<RegistrationEntry>(new Dictionary<string, string?>
    {
        // As the AppHost gives it, unless --connection-options adds Npgsql settings (e.g. statement preparation) to try.
        ["ConnectionStrings:registrationdb"] = postgres.ConnectionString("registrationdb") + (options.ConnectionOptions is { } extra ? ";" + extra : ""),
        ["ConnectionStrings:messaging"] = rabbit.ConnectionString,
        ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{registrationHttp}",
        ["Kestrel:Endpoints:http:Protocols"] = "Http1",
        ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{registrationGrpc}",
        ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
        ["Identity:Authority"] = authority,
        ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
    });
    await Task.Run(registrationHost.Start);
    await WaitHealthyAsync(new Uri($"http://127.0.0.1:{registrationHttp}/health"));
    Console.WriteLine($"Identity and Registration up: {clock.Elapsed.TotalSeconds:0.0} s");

    using var tokenHttp = new HttpClient { BaseAddress = new Uri(authority) };
    var officerToken = await TokenAsync(tokenHttp, "officer.zj");
    var clerkToken = await TokenAsync(tokenHttp, "clerk");
    var grpcAddress = new Uri($"http://127.0.0.1:{registrationGrpc}");
    var pointName = await CreatePointAsync(grpcAddress, officerToken, Subject(clerkToken));

    // One channel (HTTP/2 connection) per client, as 8 clerks' desks would have.
    var channels = Enumerable.Range(0, options.Clients).Select(_ => OpenChannel(grpcAddress, clerkToken)).ToArray();
    var officerChannel = OpenChannel(grpcAddress, officerToken);
    var people = new PersonSource();

    Console.WriteLine($"Warm-up: {options.Warmup} requests");
    await RunAsync(options.Warmup);
    Console.WriteLine($"Measuring: {options.Requests} requests, {options.Clients} concurrent clients" + (options.Lifecycle ? ", full lifecycle" : options.Statistics ? ", GetStatistics baseline" : ""));
    var registrationDb = postgres.ConnectionString("registrationdb");
    if (options.Profile)
    {
        await PostgresProfile.CreateExtensionAsync(registrationDb);
    }
    var commitsBefore = await PostgresProfile.CommitsAsync(registrationDb);
    var meter = new CpuMeter(postgres.Process!.Id);
    var loadBefore = CpuMeter.LoadAverage();
    var cpuBefore = meter.Sample();
    var app = await RunAsync(options.Requests);
    var cpuAfter = meter.Sample();
    var cpu = new CpuUse((cpuAfter.Self - cpuBefore.Self).TotalMilliseconds / app.Requests,
        (cpuAfter.Postgres - cpuBefore.Postgres).TotalMilliseconds / app.Requests,
        ((cpuAfter.Self - cpuBefore.Self) + (cpuAfter.Postgres - cpuBefore.Postgres)).TotalSeconds / app.Elapsed.TotalSeconds,
        loadBefore, CpuMeter.LoadAverage());
    var commits = (await PostgresProfile.CommitsAsync(registrationDb) - commitsBefore) / (double)app.Requests;
    Console.WriteLine($"Commits in registrationdb per request: {commits:0.00}");
    if (options.Profile)
    {
        Console.WriteLine(await PostgresProfile.TopStatementsAsync(registrationDb, app.Requests));
    }
    Console.WriteLine($"Registration: {app.PerSecond:0.0}/s, p50 {app.P50Ms:0.00} ms, p99 {app.P99Ms:0.00} ms, failures {app.Failures}");
    Console.WriteLine($"CPU per request: bench process (client + Identity + Registration) {cpu.SelfMs:0.00} ms, PostgreSQL {cpu.PostgresMs:0.00} ms; cores busy {cpu.Cores:0.00}; load average {cpu.LoadBefore} → {cpu.LoadAfter}");

    // pgbench on the same server, same run: -N (no updates of the branches/tellers hot rows), 8 clients, 2 threads.
    var pgbench = Path.Combine(PostgresServer.FindBinaries(), "pgbench");
    string[] connection = ["-h", "127.0.0.1", "-p", postgres.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres"];
    var (initCode, initOutput) = await ChildProcess.RunAsync(pgbench, ["-i", "-q", "-s", options.PgbenchScale.ToString(CultureInfo.InvariantCulture), .. connection, "pgbench"], timeout: TimeSpan.FromMinutes(5));
    if (initCode != 0)
    {
        throw new InvalidOperationException("pgbench -i failed: " + initOutput);
    }
    string[] pgArgs = ["-N", "-c", options.Clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", options.PgbenchSeconds.ToString(CultureInfo.InvariantCulture)];
    var pgLoadBefore = CpuMeter.LoadAverage();
    var (code, output) = await ChildProcess.RunAsync(pgbench, [.. pgArgs, .. connection, "pgbench"], timeout: TimeSpan.FromSeconds(options.PgbenchSeconds + 120));
    var pgLoad = $"{pgLoadBefore} → {CpuMeter.LoadAverage()}";
    if (code != 0)
    {
        throw new InvalidOperationException("pgbench failed: " + output);
    }
    var tps = double.Parse(Regex.Match(output, @"tps = ([0-9.]+) \(without initial connection time\)").Groups[1].Value, CultureInfo.InvariantCulture);
    var pgLatency = Regex.Match(output, @"latency average = ([0-9.]+) ms").Groups[1].Value;
    Console.WriteLine($"pgbench {string.Join(' ', pgArgs)}: {tps:0.0} tps, latency average {pgLatency} ms, load average {pgLoad}");
    var ratio = app.PerSecond / tps;
    Console.WriteLine($"Ratio: {ratio:P1} of pgbench (goal ≥ 40 %)");

    var report = Report(options, command, app, cpu, tps, pgLatency, string.Join(' ', pgArgs), pgLoad, ratio);
    Console.WriteLine();
    Console.WriteLine(report);
    if (options.WriteTo is { } file)
    {
        WriteSection(file, report);
        Console.WriteLine($"Written to {file}");
    }
    return 0;

    async Task<LatencyStats> RunAsync(int requests)
    {
        var latencies = new List<double>[channels.Length];
        var failures = 0;
        var remaining = requests;
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(channels.Select((channel, i) => Task.Run(async () =>
        {
            var client = new Registrations.RegistrationsClient(channel);
            var officer = new Registrations.RegistrationsClient(officerChannel);
            var statistics = new RegistrationStatistics.RegistrationStatisticsClient(channel);
            var mine = latencies[i] = [];
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var request = people.NextRequest(pointName);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (options.Statistics)
                    {
                        // Baseline: an authenticated rpc doing two small reads and no write (gRPC + JWT + EF query cost).
                        await statistics.GetStatisticsAsync(new GetStatisticsRequest { Level = RegionLevel.Point, Granularity = Granularity.Year });
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        continue;
                    }
                    var created = await client.CreateRegistrationAsync(request);
                    if (options.Lifecycle)
                    {
                        created = await client.RecordWitnessingAsync(new RecordWitnessingRequest
                        {
                            Name = created.Name, Etag = created.Etag,
                            Witnessing = new Witnessing { FamilyInformed = true, LetterSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Name))) },
                        });
                        created = await client.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = created.Name, Etag = created.Etag });
                        await officer.ConfirmRegistrationAsync(new ConfirmRegistrationRequest { Name = created.Name, Etag = created.Etag });
                    }
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Grpc.Core.RpcException ex)
                {
                    if (Interlocked.Increment(ref failures) <= 5)
                    {
                        Console.WriteLine($"  failed: {ex.Status}");
                    }
                }
            }
        })));
        elapsed.Stop();
        return LatencyStats.From([.. latencies.SelectMany(l => l)], failures, elapsed.Elapsed);
    }
}
finally
{
    if (registrationHost is not null)
    {
        await registrationHost.DisposeAsync();
    }
    if (identityHost is not null)
    {
        await identityHost.DisposeAsync();
    }
    await rabbit.StopAsync();
    await postgres.StopAsync();
    try
    {
        Directory.Delete(root, recursive: true);
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Console.WriteLine($"(left {root}: {ex.Message})");
    }
}

static GrpcChannel OpenChannel(Uri address, string token)
{
    var http = new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = false });
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpClient = http, DisposeHttpClient = true });
}

static async Task WaitHealthyAsync(Uri health)
{
    using var http = new HttpClient();
    var deadline = DateTime.UtcNow.AddSeconds(90);
    while (true)
    {
        try
        {
            using var response = await http.GetAsync(health);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }
        if (DateTime.UtcNow > deadline)
        {
            throw new InvalidOperationException($"{health} did not become healthy within 90 s.");
        }
        await Task.Delay(200);
    }
}

static async Task<string> TokenAsync(HttpClient http, string userName)
{
    using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "password",
        ["client_id"] = "tools",
        ["username"] = userName,
        ["password"] = "Demo#2026",
        ["scope"] = DonationRegistry.Common.Scopes.Registration,
    }));
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"Token for {userName} refused: {(int)response.StatusCode} {body}");
    }
    using var json = JsonDocument.Parse(body);
    return json.RootElement.GetProperty("access_token").GetString()!;
}

// The sub claim of a JWT (the demo clerk's user id, to put them on the point's staff).
static string Subject(string jwt)
{
    var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
    payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
    using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
    return json.RootElement.GetProperty("sub").GetString()!;
}

static async Task<string> CreatePointAsync(Uri address, string officerToken, string clerkUserId)
{
    using var channel = OpenChannel(address, officerToken);
    var points = new RegistrationPoints.RegistrationPointsClient(channel);
    var point = new RegistrationPoint
    {
        DisplayName = "基准测试登记点", HostOrganisation = "浙江民生社会养老服务中心", Kind = PointKind.ElderCare, RegionCode = "330106",
        Address = "杭州市西湖区文三路 1 号", ContactPhone = "0571-88889999",
    };
    point.Services.AddRange([PointService.Registration, PointService.IntentLetterWitness]);
    point = await points.CreateRegistrationPointAsync(new CreateRegistrationPointRequest { RequestId = Guid.NewGuid().ToString(), Point = point });
    point = await points.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest { Name = point.Name, Trigger = PointTrigger.Authorise, Etag = point.Etag, Reason = "bench" });
    point = await points.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest { Name = point.Name, Trigger = PointTrigger.Activate, Etag = point.Etag });
    await points.AssignStaffAsync(new AssignStaffRequest { Name = point.Name, UserId = clerkUserId });
    return point.Name;
}

static string Report(BenchOptions options, string command, LatencyStats app, CpuUse cpu, double tps, string pgLatency, string pgArgs, string pgLoad, double ratio)
{
    var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(':')[1].Trim();
    var cpuModel = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
    var operation = options.Statistics ? "GetStatistics as the clerk (baseline: authenticated rpc, two small reads, no write)"
        : options.Lifecycle ? "CreateRegistration + RecordWitnessing + ForwardRegistration + ConfirmRegistration (one \"registration\")"
        : "CreateRegistration (AUTHORISED_POINT → Draft)";
    var s = new StringBuilder();
    s.AppendLine(CultureInfo.InvariantCulture, $"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    s.AppendLine();
    s.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{command}`");
    s.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} CPUs (nproc), {memory} memory, CPU \"{cpuModel}\", {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    s.AppendLine("- PostgreSQL: private cluster started by the bench, durable (fsync on, synchronous_commit on, full_page_writes on); RabbitMQ private node; Identity and Registration in the bench process on Kestrel (h2c on loopback), Production environment, log level Warning");
    s.AppendLine(CultureInfo.InvariantCulture, $"- Registration database connection: {(options.ConnectionOptions is { } extra ? "as the AppHost gives it plus `" + extra + "`" : "as the AppHost gives it (Npgsql defaults)")}");
    s.AppendLine(CultureInfo.InvariantCulture, $"- Operation: {operation}, {options.Clients} concurrent gRPC clients (one HTTP/2 connection each), {options.Warmup} warm-up requests, then {options.Requests} measured");
    s.AppendLine();
    s.AppendLine("| measure | value |");
    s.AppendLine("|---|---|");
    s.AppendLine(CultureInfo.InvariantCulture, $"| {(options.Statistics ? "calls/s" : "registrations/s")} | {app.PerSecond:0.0} |");
    s.AppendLine(CultureInfo.InvariantCulture, $"| latency p50 / p90 / p99 / max | {app.P50Ms:0.00} / {app.P90Ms:0.00} / {app.P99Ms:0.00} / {app.MaxMs:0.00} ms |");
    s.AppendLine(CultureInfo.InvariantCulture, $"| requests / failures / elapsed | {app.Requests} / {app.Failures} / {app.Elapsed.TotalSeconds:0.00} s |");
    s.AppendLine(CultureInfo.InvariantCulture, $"| CPU per registration: bench process (client + Identity + Registration) / PostgreSQL | {cpu.SelfMs:0.00} ms / {cpu.PostgresMs:0.00} ms ({cpu.Cores:0.00} cores busy) |");
    s.AppendLine(CultureInfo.InvariantCulture, $"| load average (1 min) before → after the measured run | {cpu.LoadBefore} → {cpu.LoadAfter} |");
    s.AppendLine(CultureInfo.InvariantCulture, $"| pgbench `{pgArgs}` (scale {options.PgbenchScale}) | {tps:0.0} tps, latency average {pgLatency} ms (load average {pgLoad}) |");
    s.AppendLine(CultureInfo.InvariantCulture, $"| ratio registrations/s ÷ pgbench tps | **{ratio:P1}** (goal ≥ 40 %) |");
    return s.ToString();
}

// Adds the run at the end of the text between the bench's markers (creating them at the end of the file), so earlier runs and the
// rest of the file stay as they are.
static void WriteSection(string file, string report)
{
    const string Start = "<!-- registration-bench:start -->";
    const string End = "<!-- registration-bench:end -->";
    var text = File.Exists(file) ? File.ReadAllText(file) : "# Benchmarks\n";
    var block = Start + "\n" + report + End;
    var from = text.IndexOf(Start, StringComparison.Ordinal);
    var to = text.IndexOf(End, StringComparison.Ordinal);
    text = from >= 0 && to > from
        ? text[..to].TrimEnd() + "\n\n" + report + End + text[(to + End.Length)..]
        : text.TrimEnd() + "\n\n" + block + "\n";
    File.WriteAllText(file, text);
}
