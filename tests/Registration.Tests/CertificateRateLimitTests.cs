extern alias registration;

using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;
using RegistrationDbContext = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

namespace DonationRegistry.Registration.Tests;

/// <summary>The anonymous certificate check is rate-limited per client address (a second instance of the service on the same
/// database, configured with a limit of 3 per minute and its own queue prefix).</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class CertificateRateLimitTests(RegistrationFixture fixture)
{
    [Fact]
    public async Task VerifyCertificate_WhenCalledMoreOftenThanTheLimit_IsRefused()
    {
        await using var limited = new ServiceHost<RegistrationDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrationdb"] = fixture.ConnectionString,
            ["ConnectionStrings:messaging"] = fixture.BrokerConnectionString,
            ["Messaging:ServiceName"] = fixture.MessagingServiceName + "-limited",
            ["Identity:Authority"] = fixture.Identity.Authority,
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Registration:CertificateChecksPerMinute"] = "3",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var anonymous = new Registrations.RegistrationsClient(limited.Channel());
        var request = new VerifyCertificateRequest { RegistrationNumber = "ZJ-330106-2026-000001-0", VerificationCode = "ABCDEFGH" };

        for (var i = 0; i < 3; i++)
        {
            Assert.False((await anonymous.VerifyCertificateAsync(request)).Valid);
        }
        // The limiter answers gRPC callers with a trailers-only RESOURCE_EXHAUSTED (ServiceDefaults/PublicRpcRateLimit).
        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => anonymous.VerifyCertificateAsync(request).ResponseAsync);
    }
}
