using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Collection;
using Xunit;
using S = DonationRegistry.Hsc.Domain.Collection.CollectionCaseStatus;
using T = DonationRegistry.Hsc.Domain.Collection.CollectionTrigger;

namespace DonationRegistry.Hsc.Domain.Tests.Collection;

/// <summary>The aggregate: every state × trigger through its methods, owners, guards both ways, pause, cancellation, second donation.</summary>
public sealed class CollectionCaseTests
{
    public static TheoryData<S, T> AllPairs()
    {
        var data = new TheoryData<S, T>();
        foreach (var state in Enum.GetValues<S>())
        {
            foreach (var trigger in Enum.GetValues<T>().Where(t => t != T.Open))
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Method_ForEveryStateAndTrigger_MovesAsTheProcedureSaysOrRefuses(S state, T trigger)
    {
        var b = new CaseBuilder();
        var c = b.At(state);
        var timeline = c.Timeline.Count;

        if (CollectionProcedureTests.Legal.TryGetValue((state, trigger), out var target))
        {
            Invoke(b, c, trigger);
            Assert.Equal(target, c.Status);
            Assert.Equal(timeline + 1, c.Timeline.Count);
            Assert.Equal(trigger, c.Timeline[^1].Trigger);
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => Invoke(b, c, trigger));
            Assert.StartsWith(state.ToString(), ex.State, StringComparison.Ordinal);
            Assert.Equal(state, c.Status);
            Assert.Equal(timeline, c.Timeline.Count);
        }
    }

    /// <summary>Fires <paramref name="trigger"/> through its method, with valid data, by a user of the first allowed party.</summary>
    internal static void Invoke(CaseBuilder b, CollectionCase c, T trigger, Actor? actor = null)
    {
        var by = actor ?? ActorOf(CollectionProcedure.PartiesFor(trigger)[0]);
        var today = ShanghaiDate.Of(b.Now);
        switch (trigger)
        {
            case T.CompleteMedicalExam: c.CompleteMedicalExam(b.Exam(), by, b.Now); break;
            case T.FailMedicalExam: c.CompleteMedicalExam(b.Exam(passed: false), by, b.Now); break;
            case T.RecordEvaluation: c.RecordEvaluation(b.Evaluation(), by, b.Now); break;
            case T.FailEvaluation: c.RecordEvaluation(b.Evaluation(fit: false), by, b.Now); break;
            case T.CoSignEvaluation: c.CoSignEvaluation(by, b.Now); break;
            case T.CompleteCollectionPlan: c.CompleteCollectionPlan(b.Plan(), by, b.Now); break;
            case T.CompleteMobilisation:
                b.Now = b.Start.AddDays(13).AddHours(8);
                c.CompleteMobilisation(b.Mobilisation(), by, b.Now);
                break;
            case T.CompleteHandover:
                b.Now = b.Start.AddDays(14).AddHours(8);
                c.CompleteHandover(b.Handover(), CollectionPolicy.Default, by, b.Now);
                break;
            case T.RecordFollowUpVisit: c.RecordFollowUpVisit(30, today, HealthStatus.Well, [], null, by, b.Now); break;
            case T.CompleteFollowUp: c.CompleteFollowUp(by, b.Now); break;
            case T.AttachArchiveDocument: c.AttachArchiveDocument(DocumentKind.InformedConsent, "DMS-9", new string('b', 64), by, b.Now); break;
            case T.CompleteArchiving: c.CompleteArchiving("HSC-330200-2026-0002", by, b.Now); break;
            case T.RecordFeeItems: c.RecordFeeItems([(FeeCategory.Transport, "taxi", 2, 5_000)], CaseBuilder.Standard, by, b.Now); break;
            case T.SettleFees: c.SettleFees("中华骨髓库", today, by, b.Now); break;
            case T.Suspend: c.Suspend("donor abroad", by, b.Now); break;
            case T.Resume: c.Resume(by, b.Now); break;
            case T.Cancel: c.Cancel(CancellationReason.DonorWithdrew, DecidingParty.Donor, null, by, b.Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null);
        }
    }

    internal static Actor ActorOf(CaseParty party) => party switch
    {
        CaseParty.CityRedCross => CaseBuilder.City,
        CaseParty.LocalRedCross => CaseBuilder.Local,
        _ => CaseBuilder.Hospital,
    };

    public static TheoryData<T, string> TriggerByActor()
    {
        var data = new TheoryData<T, string>();
        foreach (var trigger in Enum.GetValues<T>().Where(t => t != T.Open))
        {
            foreach (var name in Actors.Keys)
            {
                data.Add(trigger, name);
            }
        }
        return data;
    }

    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["city"] = CaseBuilder.City,
        ["local"] = CaseBuilder.Local,
        ["hospital"] = CaseBuilder.Hospital,
        ["other city"] = CaseBuilder.OtherCity,
        ["other county"] = CaseBuilder.OtherLocal,
        ["other hospital"] = CaseBuilder.OtherHospital,
        ["auditor"] = new("u-audit", Roles.Auditor, "RC-330000", "330000"),
        ["registry officer of the city"] = new("u-reg", Roles.RegistryOfficer, "RC-330200", "330200"),
        ["hospital org, coordinator role"] = new("u-x", Roles.HscCoordinator, "H-330203-0001", "330203"),
    };

    [Theory]
    [MemberData(nameof(TriggerByActor))]
    public void Method_WhenCalledByEachKindOfUser_OnlyTheOwningPartyMayFireIt(T trigger, string who)
    {
        var b = new CaseBuilder();
        var state = CollectionProcedureTests.Legal.Keys.First(k => k.Item2 == trigger).Item1;
        var c = b.At(state);
        var actor = Actors[who];
        var allowed = c.PartyOf(actor) is { } party && CollectionProcedure.PartiesFor(trigger).Contains(party);

        if (allowed)
        {
            Invoke(b, c, trigger, actor);
            Assert.Equal(actor.UserId, c.Timeline[^1].ActorUserId);
        }
        else
        {
            var status = c.Status;
            Assert.Throws<AccessDeniedException>(() => Invoke(b, c, trigger, actor));
            Assert.Equal(status, c.Status);
        }
    }

    [Fact]
    public void PartyOf_ForEachUser_NeedsRoleAndOrganisationOfTheCase()
    {
        var c = new CaseBuilder().Open();

        Assert.Equal(CaseParty.CityRedCross, c.PartyOf(CaseBuilder.City));
        Assert.Equal(CaseParty.LocalRedCross, c.PartyOf(CaseBuilder.Local));
        Assert.Equal(CaseParty.CollectionHospital, c.PartyOf(CaseBuilder.Hospital));
        Assert.Null(c.PartyOf(CaseBuilder.OtherCity));
        Assert.Null(c.PartyOf(CaseBuilder.OtherLocal));
        Assert.Null(c.PartyOf(CaseBuilder.OtherHospital));
    }

    [Fact]
    public void CoSignEvaluation_WhenNoEvaluationIsRecorded_IsRefusedNamingTheGuard()
    {
        var c = new CaseBuilder().At(S.Evaluation, guardsMet: false);

        var ex = Assert.Throws<IllegalTransitionException>(() => c.CoSignEvaluation(CaseBuilder.City, c.UpdatedAt));

        Assert.Contains("evaluation recorded", ex.State, StringComparison.Ordinal);
        Assert.Equal(S.Evaluation, c.Status);
        Assert.Equal(CaseParty.CollectionHospital, c.WaitingFor);
    }

    [Fact]
    public void CoSignEvaluation_WhenTheEvaluationIsRecorded_CompletesTheStepWithTheCitySignature()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Evaluation);
        Assert.Equal(CaseParty.CityRedCross, c.WaitingFor);

        c.CoSignEvaluation(CaseBuilder.City, b.Now);

        Assert.Equal(S.CollectionPlan, c.Status);
        Assert.Equal("u-city", c.EvaluationCoSignature!.UserId);
    }

    [Fact]
    public void CompleteFollowUp_WhenTheFirstVisitIsNotRecorded_IsRefused()
    {
        var b = new CaseBuilder();
        var c = b.At(S.FollowUp, guardsMet: false);

        var ex = Assert.Throws<IllegalTransitionException>(() => c.CompleteFollowUp(CaseBuilder.Local, b.Now));

        Assert.Contains("first visit recorded", ex.State, StringComparison.Ordinal);
        b.MeetGuard(c);
        c.CompleteFollowUp(CaseBuilder.Local, b.Now);
        Assert.Equal(S.Archiving, c.Status);
    }

    [Fact]
    public void CompleteArchiving_WhenADocumentIsMissing_IsRefusedNamingIt()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Archiving, guardsMet: false);
        foreach (var kind in c.RequiredDocuments.Where(k => k != DocumentKind.HandoverForm))
        {
            c.AttachArchiveDocument(kind, "DMS", new string('c', 64), CaseBuilder.City, b.Now);
        }

        var ex = Assert.Throws<IllegalTransitionException>(() => c.CompleteArchiving("HSC-1", CaseBuilder.City, b.Now));

        Assert.Contains("HandoverForm", ex.State, StringComparison.Ordinal);
        c.AttachArchiveDocument(DocumentKind.HandoverForm, "DMS-H", new string('d', 64), CaseBuilder.City, b.Now);
        c.CompleteArchiving("HSC-1", CaseBuilder.City, b.Now);
        Assert.Equal(S.FeeSettlement, c.Status);
        Assert.Equal("HSC-1", c.ArchiveNumber);
    }

    [Theory]
    [InlineData(false, 8)]
    [InlineData(true, 9)]
    public void RequiredDocuments_ForInternationalOrNot_IncludeExportPapersOnlyWhenInternational(bool international, int count)
    {
        var c = new CaseBuilder { International = international }.Open();

        Assert.Equal(count, c.RequiredDocuments.Count);
        Assert.Equal(international, c.RequiredDocuments.Contains(DocumentKind.ExportPapers));
    }

    [Fact]
    public void SettleFees_WhenNoFeeItemIsRecorded_IsRefused()
    {
        var b = new CaseBuilder();
        var c = b.At(S.FeeSettlement, guardsMet: false);

        Assert.Throws<IllegalTransitionException>(() => c.SettleFees("payer", b.Day0.AddDays(30), CaseBuilder.City, b.Now));

        b.MeetGuard(c);
        c.RecordFeeItems([(FeeCategory.Transport, "bus", 3, 2_000)], CaseBuilder.Standard, CaseBuilder.City, b.Now);
        c.SettleFees("payer", b.Day0.AddDays(30), CaseBuilder.City, b.Now);
        Assert.Equal(S.Closed, c.Status);
        Assert.Equal(306_000, c.Settlement!.TotalFen);
        Assert.NotNull(c.ClosedAt);
    }

    public static TheoryData<S> StepsBeforeDonation() => [.. CollectionProcedure.BeforeDonation];

    [Theory]
    [MemberData(nameof(StepsBeforeDonation))]
    public void SuspendAndResume_FromEachStepBeforeTheDonation_ReturnsToTheStepItLeft(S step)
    {
        var b = new CaseBuilder();
        var c = b.At(step);

        c.Suspend("donor ill", CaseBuilder.City, b.Now);
        Assert.Equal(S.Suspended, c.Status);
        Assert.Equal(step, c.SuspendedFrom);
        Assert.Null(c.WaitingFor);
        Assert.Equal("donor ill", c.Timeline[^1].Reason);

        c.Resume(CaseBuilder.City, b.Now.AddDays(3));
        Assert.Equal(step, c.Status);
        Assert.Null(c.SuspendedFrom);
        Assert.Equal(b.Now.AddDays(3), c.StepStartedAt);
    }

    [Theory]
    [MemberData(nameof(StepsBeforeDonation))]
    public void Cancel_FromEachStepBeforeTheDonation_EndsTheCaseWithReasonAndDecidingParty(S step)
    {
        var b = new CaseBuilder();
        var c = b.At(step);

        c.Cancel(CancellationReason.TransplantCentreCancelled, DecidingParty.TransplantCentre, "patient relapsed", CaseBuilder.Hospital, b.Now);

        Assert.Equal(S.Cancelled, c.Status);
        Assert.Equal(CancellationReason.TransplantCentreCancelled, c.CancellationReason);
        Assert.Equal(DecidingParty.TransplantCentre, c.CancelledBy);
        Assert.Equal(nameof(CancellationReason.TransplantCentreCancelled), c.Timeline[^1].Reason);
        Assert.Equal(step, c.Timeline[^1].From);
    }

    [Fact]
    public void Cancel_WhenSuspended_EndsTheCase()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Suspended, suspendedAt: S.CollectionPlan);

        c.Cancel(CancellationReason.DonorWithdrew, DecidingParty.Donor, null, CaseBuilder.Local, b.Now);

        Assert.Equal(S.Cancelled, c.Status);
        Assert.Null(c.SuspendedFrom);
    }

    [Theory]
    [InlineData(S.FollowUp)]
    [InlineData(S.Archiving)]
    [InlineData(S.FeeSettlement)]
    [InlineData(S.Closed)]
    [InlineData(S.Cancelled)]
    public void Cancel_AfterTheDonationOrAtTheEnd_IsRefused(S state)
    {
        var b = new CaseBuilder();
        var c = b.At(state);

        Assert.Throws<IllegalTransitionException>(() => c.Cancel(CancellationReason.DonorWithdrew, DecidingParty.Donor, null, CaseBuilder.City, b.Now));
    }

    [Theory]
    [InlineData(7, CancellationReason.DonorWithdrew, false)]
    [InlineData(8, CancellationReason.DonorWithdrew, true)]
    [InlineData(9, CancellationReason.DonorWithdrew, true)]
    [InlineData(9, CancellationReason.PatientCondition, false)]
    public void Cancel_WhenTheDonorWithdrawsAroundTheConditioningStart_IsCriticalFromThatDayOn(int day, CancellationReason reason, bool critical)
    {
        // Conditioning starts on day 8 of the plan.
        var b = new CaseBuilder();
        var c = b.At(S.AdmissionAndMobilisation);

        var result = c.Cancel(reason, DecidingParty.Donor, null, CaseBuilder.City, b.Start.AddDays(day));

        Assert.Equal(critical, result);
        Assert.Equal(critical, c.CriticalWithdrawal);
    }

    [Fact]
    public void Cancel_WhenTheDonorWithdrawsBeforeAnyPlan_IsNotCritical()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Evaluation);

        Assert.False(c.Cancel(CancellationReason.DonorWithdrew, DecidingParty.Donor, null, CaseBuilder.City, b.Start.AddDays(100)));
    }

    [Fact]
    public void CompleteMedicalExam_WhenFailed_CancelsAsMedicallyUnfitDecidedByTheHospital()
    {
        var b = new CaseBuilder();
        var c = b.Open();

        c.CompleteMedicalExam(b.Exam(passed: false), CaseBuilder.Hospital, b.Now);

        Assert.Equal(S.Cancelled, c.Status);
        Assert.Equal(CancellationReason.MedicallyUnfit, c.CancellationReason);
        Assert.Equal(DecidingParty.CollectionHospital, c.CancelledBy);
    }

    [Fact]
    public void RecordEvaluation_WhenUnfit_CancelsAsMedicallyUnfit()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Evaluation, guardsMet: false);

        c.RecordEvaluation(b.Evaluation(fit: false), CaseBuilder.Hospital, b.Start.AddDays(1));

        Assert.Equal(S.Cancelled, c.Status);
        Assert.Equal(CancellationReason.MedicallyUnfit, c.CancellationReason);
    }

    [Fact]
    public void RecordEvaluation_WhenCorrectedAfterTheCoSignatureWasDue_NeedsTheCityAgain()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Evaluation);

        c.RecordEvaluation(b.Evaluation() with { Notes = "corrected" }, CaseBuilder.Hospital, b.Now);

        Assert.Equal("corrected", c.Evaluation!.Notes);
        Assert.Null(c.EvaluationCoSignature);
        Assert.Equal(CaseParty.CityRedCross, c.WaitingFor);
    }

    [Fact]
    public void Open_WhenASecondDonationNamesTheDonatedFirstCase_LinksIt()
    {
        var first = new CaseBuilder().At(S.Closed);
        var b = new CaseBuilder { Start = new DateTimeOffset(2026, 9, 1, 9, 0, 0, ShanghaiDate.Offset) };

        var second = b.At(S.FollowUp, first: first, kind: SecondDonationKind.Lymphocytes);

        Assert.Equal(first.Id, second.SecondOfCaseId);
        Assert.Equal(SecondDonationKind.Lymphocytes, second.SecondDonationKind);
        Assert.Equal(ProductKind.Lymphocytes, second.Plan!.Product);
        Assert.Equal(first.DonorId, second.DonorId);
    }

    [Fact]
    public void Open_WhenTheFirstCaseHasNotDonated_RefusesTheLink()
    {
        var first = new CaseBuilder().At(S.CollectionAndHandover);

        var ex = Assert.Throws<ValidationFailedException>(() => new CaseBuilder().Open(first, SecondDonationKind.Cells));

        Assert.Equal("second_of", ex.Violations.Single().Field);
    }

    [Fact]
    public void Open_WhenTheFirstCaseIsAnotherDonors_RefusesTheLink()
    {
        var first = new CaseBuilder().At(S.Closed);

        var ex = Assert.Throws<ValidationFailedException>(() => CollectionCase.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "330200",
            "330203", "H-1", false, false, first, SecondDonationKind.Cells, CaseBuilder.City, DateTimeOffset.UnixEpoch));

        Assert.Contains(ex.Violations, v => v.Field == "second_of" && v.Description.Contains("another donor", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("330201", "330203", "H-1", "city_region")]
    [InlineData("330000", "330203", "H-1", "city_region")]
    [InlineData("330200", "330200", "H-1", "local_region")]
    [InlineData("330200", "330106", "H-1", "local_region")]
    [InlineData("330200", "330203", " ", "hospital_org_id")]
    public void Open_WithBadParties_NamesTheField(string city, string local, string hospital, string field)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => CollectionCase.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), city,
            local, hospital, false, false, null, null, CaseBuilder.City, DateTimeOffset.UnixEpoch));

        Assert.Contains(ex.Violations, v => v.Field == field);
    }

    [Fact]
    public void Timeline_AfterAFullCase_HasOneEntryPerTransitionWithWhoAndWhen()
    {
        var b = new CaseBuilder();

        var c = b.At(S.Closed);

        Assert.Equal(T.Open, c.Timeline[0].Trigger);
        Assert.Equal(
            [T.Open, T.CompleteMedicalExam, T.RecordEvaluation, T.CoSignEvaluation, T.CompleteCollectionPlan, T.CompleteMobilisation,
             T.CompleteHandover, T.RecordFollowUpVisit, T.CompleteFollowUp],
            c.Timeline.Take(9).Select(e => e.Trigger));
        Assert.Equal(T.SettleFees, c.Timeline[^1].Trigger);
        Assert.All(c.Timeline, e => Assert.False(string.IsNullOrEmpty(e.ActorRole)));
        Assert.Equal(Roles.CollectionHospitalStaff, c.Timeline[1].ActorRole);
        Assert.Equal("H-330203-0001", c.Timeline[1].ActorOrgId);
        Assert.Equal(S.FeeSettlement, c.Timeline[^1].From);
        Assert.Equal(S.Closed, c.Timeline[^1].To);
    }

    [Fact]
    public void PermittedFor_EachParty_ListsOnlyWhatThatPartyMayDoNow()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Evaluation, guardsMet: false);

        Assert.Equal([T.RecordEvaluation, T.FailEvaluation, T.Cancel], c.PermittedFor(CaseBuilder.Hospital));
        Assert.Equal([T.AttachArchiveDocument, T.RecordFeeItems, T.Suspend, T.Cancel], c.PermittedFor(CaseBuilder.City));
        Assert.Equal([T.Cancel], c.PermittedFor(CaseBuilder.Local));
        Assert.Empty(c.PermittedFor(CaseBuilder.OtherCity));
    }
}
