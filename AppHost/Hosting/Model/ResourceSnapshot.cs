namespace DonationRegistry.Hosting;

/// <summary>A resource as <c>/api/resources</c> reports it.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Type,
    string State,
    bool Healthy,
    int? ExitCode,
    string? Reason,
    IReadOnlyList<EndpointSnapshot> Endpoints,
    string? ConnectionString,
    IReadOnlyList<string> WaitsFor,
    IReadOnlyList<int> ProcessIds,
    IReadOnlyList<string> Logs);
