using DonationRegistry.Registration.V1;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>The registration point a clerk acts for: the one (or first) point the Registration service lets them see.</summary>
public sealed class DeskContext(RegistrationPoints.RegistrationPointsClient points)
{
    private RegistrationPoint? _point;

    public async Task<RegistrationPoint?> PointAsync(CancellationToken cancellationToken = default)
    {
        if (_point is null)
        {
            var list = await points.ListRegistrationPointsAsync(new ListRegistrationPointsRequest { PageSize = 10 },
                cancellationToken: cancellationToken);
            _point = list.Points.FirstOrDefault(p => p.Status == PointStatus.Active) ?? list.Points.FirstOrDefault();
        }
        return _point;
    }
}
