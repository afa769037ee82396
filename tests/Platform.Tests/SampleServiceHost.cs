using DonationRegistry.SampleService;
using DonationRegistry.TestSupport;

namespace DonationRegistry.Platform.Tests;

/// <summary>The test-only sample service, validating tokens from <paramref name="authority"/>.</summary>
public sealed class SampleServiceHost(string authority)
    : ServiceHost<SampleGrpcService>(new Dictionary<string, string?> { ["Identity:Authority"] = authority });
