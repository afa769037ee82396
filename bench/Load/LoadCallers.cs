using DonationRegistry.Common;
using Grpc.Core;
using Grpc.Net.Client;

namespace DonationRegistry.Load;

/// <summary>
/// Who the mix calls as, and where: the demo clerk of a registration point (登记站), the Ningbo HSC coordinator and the Hangzhou
/// family-care worker (小桔灯), each with a real token from Identity; one new HTTP/2 connection per client and service.
/// </summary>
internal sealed record LoadCallers(Metadata Clerk, Metadata HscCoordinator, Metadata CareWorker, string ClerkPoint,
    Func<string, GrpcChannel> Channel)
{
    public static async Task<LoadCallers> SignInAsync(TargetSystem system)
    {
        static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };
        var clerk = Bearer(await system.TokenAsync("clerk", Scopes.Registration));
        var hsc = Bearer(await system.TokenAsync("hsc.nb", Scopes.Hsc));
        var care = Bearer(await system.TokenAsync("care.hz", Scopes.FamilyCare));
        GrpcChannel Open(string service) => GrpcChannel.ForAddress(system.Endpoint(service, "grpc"), new GrpcChannelOptions
        {
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100), MaxReconnectBackoff = TimeSpan.FromSeconds(1),
        });
        var point = await ClerkPointAsync(Open("registration"), clerk);
        return new LoadCallers(clerk, hsc, care, point, Open);
    }

    // Registration seeds the demo points in the background after it starts.
    private static async Task<string> ClerkPointAsync(GrpcChannel channel, Metadata clerk)
    {
        using (channel)
        {
            var points = new Registration.V1.RegistrationPoints.RegistrationPointsClient(channel);
            for (var attempt = 0; attempt < 360; attempt++)
            {
                var listed = await points.ListRegistrationPointsAsync(new Registration.V1.ListRegistrationPointsRequest(), clerk);
                if (listed.Points.FirstOrDefault() is { } found)
                {
                    return found.Name;
                }
                await Task.Delay(500);
            }
        }
        throw new InvalidOperationException("The demo clerk's registration point was not seeded.");
    }
}
