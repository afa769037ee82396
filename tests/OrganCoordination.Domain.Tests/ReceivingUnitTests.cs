using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.ReceivingUnits;
using Xunit;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class ReceivingUnitTests
{
    private static ReceivingUnit Unit(ReceivingUnitKind kind, bool active, params DonationKind[] accepted) =>
        ReceivingUnit.Create("EB-330100-01", "浙江省眼库", kind, "330100", accepted, active, Given.Officer, Given.Now);

    [Theory]
    [InlineData(ReceivingUnitKind.BodyReceivingUnit, DonationKind.Body, true)]
    [InlineData(ReceivingUnitKind.BodyReceivingUnit, DonationKind.Cornea, true)]
    [InlineData(ReceivingUnitKind.BodyReceivingUnit, DonationKind.Brain, true)]
    [InlineData(ReceivingUnitKind.BodyReceivingUnit, DonationKind.Organ, false)]
    [InlineData(ReceivingUnitKind.EyeBank, DonationKind.Cornea, true)]
    [InlineData(ReceivingUnitKind.EyeBank, DonationKind.Body, false)]
    [InlineData(ReceivingUnitKind.EyeBank, DonationKind.Brain, false)]
    [InlineData(ReceivingUnitKind.BrainBank, DonationKind.Brain, true)]
    [InlineData(ReceivingUnitKind.BrainBank, DonationKind.Cornea, false)]
    [InlineData(ReceivingUnitKind.BrainBank, DonationKind.Organ, false)]
    public void Fits_ForEachKindAndDonation_FollowsTheTable(ReceivingUnitKind kind, DonationKind donation, bool expected) =>
        Assert.Equal(expected, ReceivingUnit.Fits(kind, donation));

    [Fact]
    public void RequireAccepts_WhenActiveAndAccepting_Passes() =>
        Unit(ReceivingUnitKind.EyeBank, true, DonationKind.Cornea).RequireAccepts(DonationKind.Cornea, "receiving_unit");

    [Fact]
    public void RequireAccepts_WhenInactive_NamesTheField()
    {
        var ex = Assert.Throws<ValidationFailedException>(() =>
            Unit(ReceivingUnitKind.EyeBank, false, DonationKind.Cornea).RequireAccepts(DonationKind.Cornea, "receiving_unit"));

        Assert.Equal("receiving_unit", ex.Violations.Single().Field);
        Assert.Contains("inactive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireAccepts_WhenTheWrongKind_NamesTheField()
    {
        var ex = Assert.Throws<ValidationFailedException>(() =>
            Unit(ReceivingUnitKind.EyeBank, true, DonationKind.Cornea).RequireAccepts(DonationKind.Brain, "receiving_unit"));

        Assert.Equal("receiving_unit", ex.Violations.Single().Field);
        Assert.Contains("does not accept Brain", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", "浙江省眼库", ReceivingUnitKind.EyeBank, "330100", DonationKind.Cornea, "receiving_unit_id")]
    [InlineData("EB 1", "浙江省眼库", ReceivingUnitKind.EyeBank, "330100", DonationKind.Cornea, "receiving_unit_id")]
    [InlineData("EB-1", "", ReceivingUnitKind.EyeBank, "330100", DonationKind.Cornea, "receiving_unit.display_name")]
    [InlineData("EB-1", "浙江省眼库", (ReceivingUnitKind)0, "330100", DonationKind.Cornea, "receiving_unit.kind")]
    [InlineData("EB-1", "浙江省眼库", ReceivingUnitKind.EyeBank, "110100", DonationKind.Cornea, "receiving_unit.region_code")]
    [InlineData("EB-1", "浙江省眼库", ReceivingUnitKind.EyeBank, "330100", (DonationKind)0, "receiving_unit.accepted_donations")]
    [InlineData("EB-1", "浙江省眼库", ReceivingUnitKind.EyeBank, "330100", DonationKind.Body, "receiving_unit.accepted_donations")]
    public void Create_ForEachBadInput_NamesTheField(string id, string name, ReceivingUnitKind kind, string region, DonationKind accepted, string field) =>
        Assert.Equal(field, Assert.Throws<ValidationFailedException>(() =>
            ReceivingUnit.Create(id, name, kind, region, [accepted], true, Given.Officer, Given.Now)).Violations.Single().Field);

    [Fact]
    public void Update_WhenDeactivated_RefusesNewCasesAndRecordsWhoChangedIt()
    {
        var unit = Unit(ReceivingUnitKind.BrainBank, true, DonationKind.Brain);

        unit.Update("国家健康和疾病人脑组织资源库", ReceivingUnitKind.BrainBank, "330100", [DonationKind.Brain], false, Given.Coordinator, Given.Now.AddDays(1));

        Assert.False(unit.Active);
        Assert.Equal(Given.Coordinator.UserId, unit.UpdatedBy);
        Assert.Throws<ValidationFailedException>(() => unit.RequireAccepts(DonationKind.Brain, "receiving_unit"));
    }
}
