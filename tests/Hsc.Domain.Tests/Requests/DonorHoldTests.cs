using DonationRegistry.Common.PersonalData;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Requests;
using Xunit;
using static DonationRegistry.Hsc.Domain.Tests.Requests.RequestBuilder;

namespace DonationRegistry.Hsc.Domain.Tests.Requests;

/// <summary>The reservation rule with two requests (two patients) on one donor.</summary>
public sealed class DonorHoldTests
{
    private static Donor AvailableDonor()
    {
        var donor = new Donor(Guid.CreateVersion7(), Guid.NewGuid(), "330106", 1995, Sex.Male, At);
        donor.RecordSample("S-1", At);
        donor.RecordTyping(Guid.NewGuid(), searchable: true, At);
        return donor;
    }

    /// <summary>What the application does on open and on the end of a request, with the rule deciding.</summary>
    private static void OpenOn(Donor donor)
    {
        if (DonorHold.MustReserve(donor))
        {
            donor.Reserve(At);
        }
    }

    private static bool ReleaseIfUnheld(Donor donor, params DonorRequest[] requests)
    {
        if (!DonorHold.MayRelease(donor, requests))
        {
            return false;
        }
        donor.Release(At);
        return true;
    }

    [Fact]
    public void MayRelease_WhenTwoRequestsHoldTheDonor_ReleasesOnlyWhenTheLastEnds()
    {
        var donor = AvailableDonor();
        var first = Open(donor.Id);
        OpenOn(donor);
        var second = Open(donor.Id);
        OpenOn(donor);
        Assert.Equal(DonorStatus.Reserved, donor.Status);

        first.Cancel("patient-condition", At);
        Assert.False(ReleaseIfUnheld(donor, first, second));
        Assert.Equal(DonorStatus.Reserved, donor.Status);

        second.RecordReContact(Attempt(ReContactOutcome.Declined), 5);
        Assert.True(ReleaseIfUnheld(donor, first, second));
        Assert.Equal(DonorStatus.Available, donor.Status);
    }

    [Theory]
    [InlineData(DonorRequestStatus.Open, false)]
    [InlineData(DonorRequestStatus.Selected, false)]
    [InlineData(DonorRequestStatus.InCollection, false)]
    [InlineData(DonorRequestStatus.Failed, true)]
    [InlineData(DonorRequestStatus.Cancelled, true)]
    [InlineData(DonorRequestStatus.Declined, true)]
    [InlineData(DonorRequestStatus.ContactFailed, true)]
    public void MayRelease_WhenTheOnlyRequestIsInAState_ReleasesOnlyFinalOnes(DonorRequestStatus state, bool released)
    {
        var donor = AvailableDonor();
        OpenOn(donor);
        var request = In(state, donor.Id);

        Assert.Equal(released, DonorHold.MayRelease(donor, [request]));
    }

    [Fact]
    public void MayRelease_WhenARequestOfAnotherDonorIsActive_IgnoresIt()
    {
        var donor = AvailableDonor();
        OpenOn(donor);

        Assert.True(DonorHold.MayRelease(donor, [Open(Guid.NewGuid())]));
    }

    [Theory]
    [InlineData(DonorStatus.Available, true)]
    [InlineData(DonorStatus.Reserved, false)]
    public void MustReserve_WhenTheDonorIsOrIsNotReservedYet_SaysWhetherToReserve(DonorStatus status, bool expected)
    {
        var donor = AvailableDonor();
        if (status == DonorStatus.Reserved)
        {
            donor.Reserve(At);
        }

        Assert.Equal(expected, DonorHold.MustReserve(donor));
    }

    [Fact]
    public void MayRelease_WhenTheDonorIsNotReserved_IsFalse()
    {
        var donor = AvailableDonor();

        Assert.False(DonorHold.MayRelease(donor, []));
    }
}
