using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using Xunit;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class CoordinatorCredentialTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private static readonly Actor Officer = Given.Officer;

    [Theory]
    [InlineData(39.5, false)]
    [InlineData(40, true)]
    [InlineData(60, true)]
    public void Certify_ForEachTrainingTotal_NeedsTheInitialTrainingHours(double hours, bool certifies)
    {
        var credential = CoordinatorCredential.Apply(Guid.NewGuid(), "c1", "rc-330100", "330100", [], Officer, Now);
        credential.RecordTraining((decimal)hours, "course", Officer, Now);

        if (certifies)
        {
            credential.Certify("ZJ-001", Given.Rules, Officer, Now);
            Assert.Equal(CredentialStatus.Certified, credential.Status);
            Assert.Equal(Now + Given.Rules.Validity, credential.ExpiresAt);
            Assert.Equal("ZJ-001", credential.Number);
            return;
        }
        var ex = Assert.Throws<ValidationFailedException>(() => credential.Certify("ZJ-001", Given.Rules, Officer, Now));
        Assert.Equal("training_hours", ex.Violations.Single().Field);
        Assert.Equal(CredentialStatus.Applicant, credential.Status);
        Assert.Null(credential.Number);
    }

    [Theory]
    [InlineData(0, "hours")]
    [InlineData(-2, "hours")]
    [InlineData(201, "hours")]
    [InlineData(8, null)]
    public void RecordTraining_ForEachAmount_AcceptsOnlyAPlausibleNumberOfHours(double hours, string? refusedField)
    {
        var credential = Given.Credential("c1", CredentialStatus.Applicant);

        if (refusedField is null)
        {
            credential.RecordTraining((decimal)hours, "course", Officer, Now);
            Assert.Equal((decimal)hours, credential.TrainingHours);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() =>
            credential.RecordTraining((decimal)hours, "course", Officer, Now)).Violations.Single().Field);
        Assert.Equal(0, credential.TrainingHours);
    }

    [Theory]
    [InlineData(15, false)]
    [InlineData(16, true)]
    public void Renew_ForEachRefresherTotal_NeedsTheRenewalHoursSinceTheLastCertification(double refresher, bool renews)
    {
        var credential = Given.Credential("c1");
        credential.RecordTraining((decimal)refresher, "refresher", Officer, Now);
        var later = Now.AddDays(900);

        if (renews)
        {
            credential.Renew(Given.Rules, Officer, later);
            Assert.Equal(later + Given.Rules.Validity, credential.ExpiresAt);
            return;
        }
        Assert.Equal("training_hours", Assert.Throws<ValidationFailedException>(() => credential.Renew(Given.Rules, Officer, later)).Violations.Single().Field);
        Assert.Equal(Now.AddDays(-1) + Given.Rules.Validity, credential.ExpiresAt);
    }

    [Fact]
    public void Renew_WhenExpired_MakesTheCredentialActiveAgain()
    {
        var credential = Given.Credential("c1");
        var afterExpiry = credential.ExpiresAt!.Value.AddDays(10);
        credential.RecordTraining(16, "refresher", Officer, afterExpiry);
        Assert.False(credential.IsActiveAt(afterExpiry));

        credential.Renew(Given.Rules, Officer, afterExpiry);

        Assert.True(credential.IsActiveAt(afterExpiry));
    }

    [Theory]
    [InlineData(CredentialStatus.Certified, -1, false)]
    [InlineData(CredentialStatus.Certified, 0, true)]
    [InlineData(CredentialStatus.Certified, 1094, true)]
    [InlineData(CredentialStatus.Certified, 1095, false)]
    [InlineData(CredentialStatus.Suspended, 10, false)]
    [InlineData(CredentialStatus.Revoked, 10, false)]
    [InlineData(CredentialStatus.Applicant, 10, false)]
    public void IsActiveAt_ForEachStateAndDay_IsTrueOnlyWhileCertifiedAndNotExpired(CredentialStatus status, int daysAfterCertification, bool active)
    {
        var certifiedAt = Now;
        var credential = Given.Credential("c1", status, certifiedAt);

        Assert.Equal(active, credential.IsActiveAt(certifiedAt.AddDays(daysAfterCertification)));
    }

    [Theory]
    [InlineData(RevocationReason.FalseWitness, true)]
    [InlineData(RevocationReason.MissingWitness, true)]
    [InlineData(RevocationReason.Misconduct, false)]
    [InlineData(RevocationReason.LeftRole, false)]
    [InlineData(RevocationReason.ApplicationRejected, false)]
    public void Apply_AfterARevocation_IsRefusedForLifeOnlyForAFalseOrMissingWitness(RevocationReason reason, bool barred)
    {
        var old = Given.Credential("c1");
        old.Revoke(reason, "decision 17", Officer, Now);
        Assert.Equal(barred, old.BarredForLife);

        CoordinatorCredential Apply() => CoordinatorCredential.Apply(Guid.NewGuid(), "c1", "rc-330100", "330100", [old], Officer, Now.AddYears(5));

        if (barred)
        {
            Assert.Equal("holder_id", Assert.Throws<ValidationFailedException>(Apply).Violations.Single().Field);
            return;
        }
        Assert.Equal(CredentialStatus.Applicant, Apply().Status);
    }

    [Theory]
    [InlineData(CredentialStatus.Applicant)]
    [InlineData(CredentialStatus.Certified)]
    [InlineData(CredentialStatus.Suspended)]
    public void Apply_WhenTheHolderHasALiveCredential_IsADuplicate(CredentialStatus status)
    {
        var existing = Given.Credential("c1", status);

        Assert.Throws<DuplicateException>(() => CoordinatorCredential.Apply(Guid.NewGuid(), "c1", "rc-330100", "330100", [existing], Officer, Now));
    }

    [Theory]
    [InlineData("", "rc-1", "330100", "holder_id")]
    [InlineData("c1", " ", "330100", "org_id")]
    [InlineData("c1", "rc-1", "3301", "region_code")]
    public void Apply_ForEachMissingInput_NamesTheField(string holder, string org, string region, string field) =>
        Assert.Equal(field, Assert.Throws<ValidationFailedException>(() =>
            CoordinatorCredential.Apply(Guid.NewGuid(), holder, org, region, [], Officer, Now)).Violations.Single().Field);

    [Fact]
    public void Revoke_WithAnUnknownReason_IsRefusedNamingTheField()
    {
        var credential = Given.Credential("c1");

        Assert.Equal("reason", Assert.Throws<ValidationFailedException>(() =>
            credential.Revoke((RevocationReason)0, null, Officer, Now)).Violations.Single().Field);
        Assert.Equal(CredentialStatus.Certified, credential.Status);
    }

    [Fact]
    public void SuspendAndReinstate_WhenCertified_KeepTheTimeline()
    {
        var credential = Given.Credential("c1");

        credential.Suspend("complaint", Officer, Now);
        Assert.False(credential.IsActiveAt(Now));
        credential.Reinstate(Officer, Now);

        Assert.True(credential.IsActiveAt(Now));
        Assert.Equal(["Applied", "TrainingRecorded", "Certified", "Suspended", "Reinstated"], credential.Timeline.Select(e => e.Action));
    }
}
