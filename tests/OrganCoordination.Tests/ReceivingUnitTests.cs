using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>Receiving units and banks as reference data: created, read, listed with filters, updated with the etag, deactivated.</summary>
[Collection(OrganFixture.Collection)]
public sealed class ReceivingUnitTests(OrganFixture fixture)
{
    private static string NewId() => "EB-T-" + Guid.NewGuid().ToString("N")[..8];

    private static ReceivingUnit EyeBank(string region = "330100") => new()
    {
        DisplayName = "测试眼库", Kind = ReceivingUnitKind.EyeBank, RegionCode = region, AcceptedDonations = { DonationKind.CorneaDonation }, Active = true,
    };

    [Fact]
    public async Task UpdateReceivingUnit_WhenDeactivated_IsListedAsInactiveAndRefusedByNewCases()
    {
        var units = fixture.Units(await fixture.OfficerTokenAsync("330100"));
        var id = NewId();
        var unit = await units.CreateReceivingUnitAsync(new CreateReceivingUnitRequest { ReceivingUnitId = id, ReceivingUnit = EyeBank() });
        var changed = unit.Clone();
        changed.Active = false;

        var updated = await units.UpdateReceivingUnitAsync(new UpdateReceivingUnitRequest { ReceivingUnit = changed });
        var active = await units.ListReceivingUnitsAsync(new ListReceivingUnitsRequest { ActiveOnly = true, Accepts = DonationKind.CorneaDonation, PageSize = 500 });

        Assert.False(updated.Active);
        Assert.NotEqual(unit.Etag, updated.Etag);
        Assert.DoesNotContain(active.ReceivingUnits, u => u.Name == unit.Name);
        Assert.All(active.ReceivingUnits, u => Assert.Contains(DonationKind.CorneaDonation, u.AcceptedDonations));
        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => new DonationSteps(fixture).CreateTissueAsync(TissueKind.Cornea, bank: id));
        Assert.Contains("inactive", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateReceivingUnit_WithAStaleEtag_IsAborted()
    {
        var units = fixture.Units(await fixture.OfficerTokenAsync("330100"));
        var unit = await units.CreateReceivingUnitAsync(new CreateReceivingUnitRequest { ReceivingUnitId = NewId(), ReceivingUnit = EyeBank() });
        var first = unit.Clone();
        first.DisplayName = "改名一";
        await units.UpdateReceivingUnitAsync(new UpdateReceivingUnitRequest { ReceivingUnit = first });
        var second = unit.Clone();
        second.DisplayName = "改名二";

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => units.UpdateReceivingUnitAsync(new UpdateReceivingUnitRequest { ReceivingUnit = second }).ResponseAsync);
    }

    [Fact]
    public async Task CreateReceivingUnit_WithAnIdTaken_IsAlreadyExists()
    {
        var units = fixture.Units(await fixture.ProvincialOfficerTokenAsync());
        var id = NewId();
        await units.CreateReceivingUnitAsync(new CreateReceivingUnitRequest { ReceivingUnitId = id, ReceivingUnit = EyeBank() });

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () =>
            units.CreateReceivingUnitAsync(new CreateReceivingUnitRequest { ReceivingUnitId = id, ReceivingUnit = EyeBank() }).ResponseAsync);
    }

    [Fact]
    public async Task CreateReceivingUnit_ByACityOfficerInAnotherCity_IsPermissionDenied()
    {
        var units = fixture.Units(await fixture.OfficerTokenAsync("330200"));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            units.CreateReceivingUnitAsync(new CreateReceivingUnitRequest { ReceivingUnitId = NewId(), ReceivingUnit = EyeBank("330100") }).ResponseAsync);
    }

    [Fact]
    public async Task GetReceivingUnit_ByACoordinator_ReturnsTheUnit()
    {
        await fixture.EnsureUnitsAsync();

        var unit = await fixture.Units(await fixture.CoordinatorTokenAsync()).GetReceivingUnitAsync(
            new GetReceivingUnitRequest { Name = "receivingUnits/" + OrganFixture.BrainBank });

        Assert.Equal(ReceivingUnitKind.BrainBank, unit.Kind);
        Assert.Equal([DonationKind.BrainDonation], unit.AcceptedDonations);
        Assert.True(unit.Active);
    }
}
