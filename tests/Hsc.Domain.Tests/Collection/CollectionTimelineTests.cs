using DonationRegistry.Common;
using DonationRegistry.Hsc.Domain.Collection;
using Xunit;
using S = DonationRegistry.Hsc.Domain.Collection.CollectionCaseStatus;
using T = DonationRegistry.Hsc.Domain.Collection.CollectionTrigger;

namespace DonationRegistry.Hsc.Domain.Tests.Collection;

/// <summary>Each timeline entry says who (user, role, organisation), when, what (a data summary) and why (the reason code).</summary>
public sealed class CollectionTimelineTests
{
    [Fact]
    public void SuspendResumeAndCancel_WhenFired_WriteWhoWhenWhatAndWhy()
    {
        var b = new CaseBuilder();
        var c = b.At(S.CollectionPlan);
        var suspendedAt = b.Now.AddHours(1);
        var resumedAt = suspendedAt.AddDays(3);
        var cancelledAt = resumedAt.AddHours(2);

        c.Suspend(" donor abroad ", CaseBuilder.City, suspendedAt);
        c.Resume(CaseBuilder.City, resumedAt);
        c.Cancel(CancellationReason.DonorWithdrew, DecidingParty.Donor, "悔捐, 电话 13800000000", CaseBuilder.Local, cancelledAt);

        var (suspend, resume, cancel) = (c.Timeline[^3], c.Timeline[^2], c.Timeline[^1]);
        Assert.Equal((T.Suspend, S.CollectionPlan, S.Suspended, suspendedAt, "donor abroad"),
            (suspend.Trigger, suspend.From, suspend.To, suspend.At, suspend.Reason));
        Assert.Equal((T.Resume, S.Suspended, S.CollectionPlan, resumedAt, (string?)null),
            (resume.Trigger, resume.From, resume.To, resume.At, resume.Reason));
        Assert.Equal((T.Cancel, S.CollectionPlan, S.Cancelled, cancelledAt, "DonorWithdrew"),
            (cancel.Trigger, cancel.From, cancel.To, cancel.At, cancel.Reason));
        Assert.Equal((CaseBuilder.City.UserId, Roles.HscCoordinator, "RC-330200"), (suspend.ActorUserId, suspend.ActorRole, suspend.ActorOrgId));
        Assert.Equal((CaseBuilder.Local.UserId, Roles.LocalRedCrossOfficer, "RC-330203"), (cancel.ActorUserId, cancel.ActorRole, cancel.ActorOrgId));
        Assert.Contains("CollectionPlan", suspend.Summary, StringComparison.Ordinal);
        Assert.Contains("Donor", cancel.Summary, StringComparison.Ordinal);
        // The free-text note stays on the case, out of the timeline's summary.
        Assert.DoesNotContain("13800000000", cancel.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteMedicalExam_WhenDone_WritesTheHospitalUserTheTimeAndTheRecordsSummary()
    {
        var b = new CaseBuilder();
        var c = b.At(S.MedicalExam);
        var at = b.Now.AddHours(3);

        c.CompleteMedicalExam(b.Exam(), CaseBuilder.Hospital, at);

        var entry = c.Timeline[^1];
        Assert.Equal((T.CompleteMedicalExam, S.MedicalExam, S.Evaluation, at), (entry.Trigger, entry.From, entry.To, entry.At));
        Assert.Equal((CaseBuilder.Hospital.UserId, Roles.CollectionHospitalStaff, "H-330203-0001"), (entry.ActorUserId, entry.ActorRole, entry.ActorOrgId));
        Assert.Contains("exam_date", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("passed", entry.Summary, StringComparison.Ordinal);
        Assert.Null(entry.Reason);
        Assert.Equal(at, c.StepStartedAt);
    }
}
