using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.BodyCases;
using Xunit;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class BodyDonationCaseTests
{
    private static readonly Actor Unit = new("unit-1", "organ_coordinator", "zju-med", "330100");

    private static BodyDonationCase InUse()
    {
        var c = BodyDonationCase.Notify(Guid.NewGuid(), "330100", "hosp-1", Guid.NewGuid(), Given.Now.AddHours(-5), Guid.NewGuid(), true, Unit, Given.Now.AddHours(-4));
        c.AgreeHandover("浙江大学医学院", Unit, Given.Now.AddHours(-3));
        c.Receive("REC-1", Unit, Given.Now.AddHours(-2));
        c.StartUse(BodyUse.Teaching, Unit, Given.Now);
        return c;
    }

    [Fact]
    public void Walk_FromNotificationToMemorial_RecordsEachStep()
    {
        var c = InUse();
        c.RecordDisposal(BodyDisposal.Cremation, null, Unit, Given.Now);
        c.Memorialise("生命礼敬园", true, "CONSENT-2", "张三", Unit, Given.Now);

        Assert.Equal(BodyCaseStatus.Memorialised, c.Status);
        Assert.Equal(["DeathNotified", "HandoverAgreed", "Received", "UseStarted", "Disposed", "Memorialised"], c.Timeline.Select(e => e.Action));
        Assert.Equal("浙江大学医学院", c.ReceivingUnit);
    }

    [Theory]
    [InlineData(BodyDisposal.Cremation, null, null)]
    [InlineData(BodyDisposal.KeptAsSpecimen, "REQ-1", null)]
    [InlineData(BodyDisposal.KeptAsSpecimen, null, "executor_request_reference")]
    [InlineData(BodyDisposal.ReturnedToFamily, " ", "executor_request_reference")]
    [InlineData((BodyDisposal)0, null, "disposal")]
    public void RecordDisposal_OtherThanCremation_NeedsTheExecutorsWrittenRequest(BodyDisposal disposal, string? request, string? refusedField)
    {
        var c = InUse();

        if (refusedField is null)
        {
            c.RecordDisposal(disposal, request, Unit, Given.Now);
            Assert.Equal(BodyCaseStatus.Disposed, c.Status);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() => c.RecordDisposal(disposal, request, Unit, Given.Now)).Violations.Single().Field);
        Assert.Equal(BodyCaseStatus.InUse, c.Status);
    }

    [Fact]
    public void Reject_WhenInUse_IsAnIllegalTransition()
    {
        var c = InUse();

        var ex = Assert.Throws<IllegalTransitionException>(() => c.Reject(BodyRejectionReason.Unsuitable, null, Unit, Given.Now));

        Assert.Equal("InUse", ex.State);
        Assert.Equal(["Dispose"], ex.AllowedTriggers);
    }

    [Fact]
    public void Reject_BeforeUse_RecordsTheReason()
    {
        var c = BodyDonationCase.Notify(Guid.NewGuid(), "330100", "hosp-1", null, Given.Now.AddHours(-5), Guid.NewGuid(), false, Unit, Given.Now);

        c.Reject(BodyRejectionReason.AutopsyRequired, "police", Unit, Given.Now);

        Assert.Equal(BodyCaseStatus.Rejected, c.Status);
        Assert.Equal(BodyRejectionReason.AutopsyRequired, c.RejectionReason);
        Assert.Equal("AutopsyRequired: police", c.Timeline[^1].Reason);
    }

    [Theory]
    [InlineData("", "receiving_unit")]
    [InlineData("温州医科大学", null)]
    public void AgreeHandover_ForEachUnit_NeedsTheReceivingUnit(string unit, string? refusedField)
    {
        var c = BodyDonationCase.Notify(Guid.NewGuid(), "330300", "hosp-1", null, Given.Now.AddHours(-5), Guid.NewGuid(), false, Unit, Given.Now);

        if (refusedField is null)
        {
            c.AgreeHandover(unit, Unit, Given.Now);
            Assert.Equal(BodyCaseStatus.HandoverAgreed, c.Status);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() => c.AgreeHandover(unit, Unit, Given.Now)).Violations.Single().Field);
    }
}
