using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using Xunit;
using S = DonationRegistry.OrganCoordination.Domain.OrganCases.OrganCaseStatus;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class OrganDonationCaseTests
{
    private static readonly Actor Coordinator = Given.Coordinator;
    private static readonly DateTimeOffset Now = Given.Now;

    public static TheoryData<S> MainPath() => [.. Enum.GetValues<S>().Where(s => s != S.Closed)];

    [Theory]
    [MemberData(nameof(MainPath))]
    public void CaseAt_WhenWalkedByLegalSteps_ReachesEveryStateOfTheMainPath(S target)
    {
        var c = Given.CaseAt(target);

        Assert.Equal(target, c.Status);
        Assert.Equal(target.ToString(), c.Timeline[^1].Status);
        Assert.Null(c.ClosureReason);
    }

    [Fact]
    public void Complete_WhenWalkedToTheEnd_IsRealisedWithCertificateCotrsIdAndOutcomes()
    {
        var c = Given.CaseAt(S.Completed);

        Assert.True(c.Realised);
        Assert.True(c.FamilyCareContactConsent);
        Assert.Equal("CERT-1", c.CertificateNumber);
        Assert.Equal("COTRS-1", c.CotrsDonorId);
        Assert.Equal(3, c.Outcomes.Count);
        Assert.Equal("hosp-2", c.Outcomes.Single(o => o.Organ == Organ.Liver).ReceivingHospital);
        Assert.Equal("biopsy", c.Outcomes.Single(o => o.Organ == Organ.RightKidney).DiscardReason);
        Assert.Equal(["w1", "w2"], c.Witnesses.Select(w => w.CoordinatorId));
        Assert.Equal(Now, c.ClosedAt);
    }

    // ---- registry check ----

    [Theory]
    [InlineData(RegistryAnswer.Objection, S.Closed)]
    [InlineData(RegistryAnswer.Registered, S.RegistryChecked)]
    [InlineData(RegistryAnswer.None, S.RegistryChecked)]
    public void RecordRegistryCheck_ForEachAnswer_ClosesOnlyOnAnObjection(RegistryAnswer answer, S expected)
    {
        var c = Given.Case();

        c.RecordRegistryCheck(new RegistryCheck(answer, answer == RegistryAnswer.Registered ? Guid.NewGuid() : null, null, Now), Coordinator, Now);

        Assert.Equal(expected, c.Status);
        Assert.Equal(answer == RegistryAnswer.Objection ? ClosureReason.PriorObjection : null, c.ClosureReason);
        Assert.Equal(answer, c.RegistryCheck!.Answer);
    }

    [Theory]
    [InlineData(nameof(OrganDonationCase.ApproachFamily))]
    [InlineData(nameof(OrganDonationCase.SignConsent))]
    [InlineData(nameof(OrganDonationCase.SubmitToEthics))]
    [InlineData(nameof(OrganDonationCase.DeclareDeath))]
    public void Step_WhenOnlyARegistrationWasFound_IsNotAllowedBeforeEvaluationAndConsent(string step)
    {
        var c = Given.CaseAt(S.RegistryChecked);
        Action act = step switch
        {
            nameof(OrganDonationCase.ApproachFamily) => () => c.ApproachFamily(Coordinator, Now),
            nameof(OrganDonationCase.SignConsent) => () => c.SignConsent(Given.Consent(), Coordinator, Now),
            nameof(OrganDonationCase.SubmitToEthics) => () => c.SubmitToEthics(Coordinator, Now),
            _ => () => c.DeclareDeath(new DeathDeclaration(DeathCategory.BrainDeath, Now, Given.Physicians, "DD"), Coordinator, Now),
        };

        var ex = Assert.Throws<IllegalTransitionException>(act);

        Assert.Equal("RegistryChecked", ex.State);
        Assert.Equal(["StartEvaluation", "CloseNotProgressed"], ex.AllowedTriggers);
        Assert.Equal(S.RegistryChecked, c.Status);
    }

    [Fact]
    public void RecordRegistryCheck_WhenRegisteredWithoutTheRegistration_IsRefusedNamingTheField()
    {
        var c = Given.Case();

        var ex = Assert.Throws<ValidationFailedException>(() =>
            c.RecordRegistryCheck(new RegistryCheck(RegistryAnswer.Registered, null, null, Now), Coordinator, Now));

        Assert.Equal("registry_check.registration", ex.Violations.Single().Field);
        Assert.Equal(S.Referred, c.Status);
    }

    // ---- family consent ----

    public static TheoryData<string, FamilyConsent, string?> Consents()
    {
        Relative spouse = new("R1", RelativeKind.Spouse), child = new("R2", RelativeKind.AdultChild), parent = new("R3", RelativeKind.Parent);
        IReadOnlyList<Relative> all = [spouse, child, parent];
        IReadOnlyList<Organ> organs = [Organ.Liver];
        return new TheoryData<string, FamilyConsent, string?>
        {
            { "all sign", new FamilyConsent(all, ["R1", "R2", "R3"], null, organs, false, false, "C"), null },
            { "only the spouse", new FamilyConsent([spouse], ["R1"], null, organs, false, false, "C"), null },
            { "written delegation", new FamilyConsent(all, ["R2"], new FamilyDelegation("R2", "DELEG-1"), organs, false, false, "C"), null },
            { "a parent missing", new FamilyConsent(all, ["R1", "R2"], null, organs, false, false, "C"), "consent.signed_by" },
            { "nobody signs", new FamilyConsent(all, [], null, organs, false, false, "C"), "consent.signed_by" },
            { "a stranger signs", new FamilyConsent([spouse], ["R1", "X9"], null, organs, false, false, "C"), "consent.signed_by" },
            { "no relatives", new FamilyConsent([], [], null, organs, false, false, "C"), "consent.required_relatives" },
            { "relative twice", new FamilyConsent([spouse, spouse], ["R1"], null, organs, false, false, "C"), "consent.required_relatives" },
            { "two spouses", new FamilyConsent([spouse, new("R4", RelativeKind.Spouse)], ["R1", "R4"], null, organs, false, false, "C"), "consent.required_relatives" },
            { "three parents", new FamilyConsent([parent, new("R4", RelativeKind.Parent), new("R5", RelativeKind.Parent)], ["R3", "R4", "R5"], null, organs, false, false, "C"), "consent.required_relatives" },
            { "relative without reference", new FamilyConsent([new(" ", RelativeKind.Parent)], [" "], null, organs, false, false, "C"), "consent.required_relatives" },
            { "delegate not a relative", new FamilyConsent(all, ["R2"], new FamilyDelegation("X9", "DELEG-1"), organs, false, false, "C"), "consent.delegation.representative" },
            { "delegation without document", new FamilyConsent(all, ["R2"], new FamilyDelegation("R2", ""), organs, false, false, "C"), "consent.delegation.document_reference" },
            { "delegate does not sign", new FamilyConsent(all, ["R1"], new FamilyDelegation("R2", "DELEG-1"), organs, false, false, "C"), "consent.signed_by" },
            { "no organs", new FamilyConsent(all, ["R1", "R2", "R3"], null, [], false, false, "C"), "consent.organs" },
            { "organ twice", new FamilyConsent(all, ["R1", "R2", "R3"], null, [Organ.Liver, Organ.Liver], false, false, "C"), "consent.organs" },
            { "unknown organ", new FamilyConsent(all, ["R1", "R2", "R3"], null, [(Organ)99], false, false, "C"), "consent.organs" },
            { "no document", new FamilyConsent(all, ["R1", "R2", "R3"], null, organs, false, false, " "), "consent.document_reference" },
        };
    }

    [Theory]
    [MemberData(nameof(Consents))]
    public void SignConsent_ForEachFamilySituation_NeedsEveryRequiredRelativeOrAWrittenDelegation(string situation, FamilyConsent consent,
        string? refusedField)
    {
        var c = Given.CaseAt(S.FamilyApproach);
        var entries = c.Timeline.Count;

        if (refusedField is null)
        {
            c.SignConsent(consent, Coordinator, Now);
            Assert.Equal(S.ConsentSigned, c.Status);
            Assert.Equal(consent.Organs, c.Consent!.Organs);
            return;
        }
        var ex = Assert.Throws<ValidationFailedException>(() => c.SignConsent(consent, Coordinator, Now));
        Assert.True(refusedField == ex.Violations.Single().Field, $"{situation}: {ex.Message}");
        Assert.Equal(S.FamilyApproach, c.Status);
        Assert.Null(c.Consent);
        Assert.Equal(entries, c.Timeline.Count);
    }

    // ---- ethics ----

    [Theory]
    [InlineData(9, 6, true)]
    [InlineData(9, 5, false)]
    [InlineData(3, 2, true)]
    [InlineData(3, 1, false)]
    [InlineData(8, 6, true)]
    [InlineData(8, 5, false)]
    [InlineData(7, 5, true)]
    [InlineData(7, 4, false)]
    [InlineData(1, 1, true)]
    [InlineData(1, 0, false)]
    public void RecordEthicsDecision_ForEachVote_ApprovesWithAtLeastTwoThirdsElseCloses(int size, int approvals, bool approved)
    {
        var c = Given.CaseAt(S.EthicsReview);

        c.RecordEthicsDecision(size, approvals, "ETH", Coordinator, Now);

        Assert.Equal(approved ? S.DeathDetermination : S.Closed, c.Status);
        Assert.Equal(approved ? null : ClosureReason.EthicsRejected, c.ClosureReason);
        Assert.Equal(approvals, c.EthicsApprovals);
    }

    [Theory]
    [InlineData(0, 0, "ethics.committee_size")]
    [InlineData(51, 40, "ethics.committee_size")]
    [InlineData(9, 10, "ethics.approvals")]
    [InlineData(9, -1, "ethics.approvals")]
    public void RecordEthicsDecision_WhenTheNumbersAreImpossible_IsRefusedNamingTheField(int size, int approvals, string field)
    {
        var c = Given.CaseAt(S.EthicsReview);

        var ex = Assert.Throws<ValidationFailedException>(() => c.RecordEthicsDecision(size, approvals, "ETH", Coordinator, Now));

        Assert.Equal(field, ex.Violations.Single().Field);
        Assert.Equal(S.EthicsReview, c.Status);
    }

    // ---- death determination and procurement team ----

    [Theory]
    [InlineData(new[] { "surgeon-x", "surgeon-y" }, null)]
    [InlineData(new[] { "surgeon-x", "dr-a" }, "procurement.team")]
    [InlineData(new[] { "dr-b" }, "procurement.team")]
    [InlineData(new string[0], "procurement.team")]
    [InlineData(new[] { "surgeon-x", "surgeon-x" }, "procurement.team")]
    public void StartProcurement_WhenAPhysicianWhoDeterminedDeathIsOnTheTeam_IsRefused(string[] team, string? refusedField)
    {
        var c = Given.CaseAt(S.AllocationRunning);

        if (refusedField is null)
        {
            c.StartProcurement(Given.ConsentedOrgans, team, Coordinator, Now);
            Assert.Equal(S.Procuring, c.Status);
            return;
        }
        var ex = Assert.Throws<ValidationFailedException>(() => c.StartProcurement(Given.ConsentedOrgans, team, Coordinator, Now));
        Assert.Equal(refusedField, ex.Violations.Single().Field);
        Assert.Equal(S.AllocationRunning, c.Status);
        Assert.Empty(c.ProcurementTeam);
    }

    [Theory]
    [InlineData(new[] { Organ.Liver }, null)]
    [InlineData(new[] { Organ.Liver, Organ.LeftKidney, Organ.RightKidney }, null)]
    [InlineData(new[] { Organ.Heart }, "procurement.organs")]
    [InlineData(new[] { Organ.Liver, Organ.Pancreas }, "procurement.organs")]
    [InlineData(new Organ[0], "procurement.organs")]
    public void StartProcurement_WhenAnOrganWasNotConsented_IsRefused(Organ[] organs, string? refusedField)
    {
        var c = Given.CaseAt(S.AllocationRunning);

        if (refusedField is null)
        {
            c.StartProcurement(organs, Given.Team, Coordinator, Now);
            Assert.Equal(organs, c.ProcuredOrgans);
            return;
        }
        var ex = Assert.Throws<ValidationFailedException>(() => c.StartProcurement(organs, Given.Team, Coordinator, Now));
        Assert.Equal(refusedField, ex.Violations.Single().Field);
        Assert.Equal(S.AllocationRunning, c.Status);
    }

    [Theory]
    [InlineData(-1, "death.died_at")]
    [InlineData(0, null)]
    public void DeclareDeath_WhenTheTimeOfDeathLiesInTheFuture_IsRefused(int hoursFromNow, string? refusedField)
    {
        var c = Given.CaseAt(S.DeathDetermination);
        var declaration = new DeathDeclaration(DeathCategory.CirculatoryDeath, Now.AddHours(-hoursFromNow), Given.Physicians, "DD");

        if (refusedField is null)
        {
            c.DeclareDeath(declaration, Coordinator, Now);
            Assert.Equal(S.DeathDeclared, c.Status);
            return;
        }
        var ex = Assert.Throws<ValidationFailedException>(() => c.DeclareDeath(declaration, Coordinator, Now));
        Assert.Equal(refusedField, ex.Violations.Single().Field);
    }

    [Theory]
    [InlineData(new string[0], "death.determining_physicians")]
    [InlineData(new[] { "dr-a", "dr-a" }, "death.determining_physicians")]
    [InlineData(new[] { "dr-a" }, null)]
    public void DeclareDeath_ForEachPhysicianList_NeedsAtLeastOneDistinctPhysician(string[] physicians, string? refusedField)
    {
        var c = Given.CaseAt(S.DeathDetermination);
        var declaration = new DeathDeclaration(DeathCategory.BrainThenCirculatoryDeath, Now, physicians, "DD");

        if (refusedField is null)
        {
            c.DeclareDeath(declaration, Coordinator, Now);
            Assert.Equal(physicians, c.Death!.DeterminingPhysicians);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() => c.DeclareDeath(declaration, Coordinator, Now)).Violations.Single().Field);
    }

    // ---- witnesses ----

    public static TheoryData<string, Func<IReadOnlyList<CoordinatorCredential>>, string?> WitnessSets() => new()
    {
        { "two active", () => [Given.Credential("w1"), Given.Credential("w2")], null },
        { "three active", () => [Given.Credential("w1"), Given.Credential("w2"), Given.Credential("w3")], null },
        { "only one", () => [Given.Credential("w1")], "witnesses" },
        { "none", () => [], "witnesses" },
        { "same person twice", () => [Given.Credential("w1"), Given.Credential("w1")], "witnesses" },
        { "one suspended", () => [Given.Credential("w1"), Given.Credential("w2", CredentialStatus.Suspended)], "witnesses[1]" },
        { "one revoked", () => [Given.Credential("w1", CredentialStatus.Revoked), Given.Credential("w2")], "witnesses[0]" },
        { "one only applicant", () => [Given.Credential("w1"), Given.Credential("w2", CredentialStatus.Applicant)], "witnesses[1]" },
        { "one expired", () => [Given.Credential("w1"), Given.Credential("w2", certifiedAt: Given.Now - Given.Rules.Validity)], "witnesses[1]" },
        { "one certified later", () => [Given.Credential("w1"), Given.Credential("w2", certifiedAt: Given.Now.AddHours(1))], "witnesses[1]" },
    };

    [Theory]
    [MemberData(nameof(WitnessSets))]
    public void AssignWitnesses_ForEachSet_NeedsTwoDifferentCoordinatorsWithCredentialsActiveNow(string situation,
        Func<IReadOnlyList<CoordinatorCredential>> witnesses, string? refusedField)
    {
        var c = Given.CaseAt(S.DeathDeclared);
        var credentials = witnesses();

        if (refusedField is null)
        {
            c.AssignWitnesses(credentials, Given.Officer, Now);
            Assert.Equal(S.WitnessAssigned, c.Status);
            Assert.Equal(credentials.Select(w => w.HolderId), c.Witnesses.Select(w => w.CoordinatorId));
            return;
        }
        var ex = Assert.Throws<ValidationFailedException>(() => c.AssignWitnesses(credentials, Given.Officer, Now));
        Assert.True(refusedField == ex.Violations.Single().Field, $"{situation}: {ex.Message}");
        Assert.Equal(S.DeathDeclared, c.Status);
        Assert.Empty(c.Witnesses);
    }

    [Theory]
    [InlineData(new[] { "w1", "w2" }, null)]
    [InlineData(new[] { "w1" }, "witness_report.signed_by")]
    [InlineData(new[] { "w1", "w9" }, "witness_report.signed_by")]
    [InlineData(new[] { "w1", "w1" }, "witness_report.signed_by")]
    public void RecordWitnessReport_ForEachSignerSet_NeedsTwoAppointedWitnesses(string[] signers, string? refusedField)
    {
        var c = Given.CaseAt(S.BodyRestored);

        if (refusedField is null)
        {
            c.RecordWitnessReport("WR", signers, Coordinator, Now);
            Assert.Equal(S.Witnessed, c.Status);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() => c.RecordWitnessReport("WR", signers, Coordinator, Now)).Violations.Single().Field);
        Assert.Equal(S.BodyRestored, c.Status);
    }

    // ---- organ outcomes ----

    [Theory]
    [InlineData(Organ.Liver, OrganOutcomeKind.Transplanted, "hosp-2", null, null)]
    [InlineData(Organ.Liver, OrganOutcomeKind.Transplanted, null, null, "outcome.receiving_hospital")]
    [InlineData(Organ.Liver, OrganOutcomeKind.Discarded, null, "fatty", null)]
    [InlineData(Organ.Liver, OrganOutcomeKind.Discarded, null, " ", "outcome.discard_reason")]
    [InlineData(Organ.Liver, OrganOutcomeKind.NotRecovered, null, null, null)]
    [InlineData(Organ.Heart, OrganOutcomeKind.NotRecovered, null, null, "outcome.organ")]
    [InlineData((Organ)0, OrganOutcomeKind.NotRecovered, null, null, "outcome.organ")]
    [InlineData(Organ.Liver, (OrganOutcomeKind)7, null, null, "outcome.kind")]
    public void RecordOrganOutcome_WhileProcuring_NeedsAConsentedOrganAndTheOutcomesDetails(Organ organ, OrganOutcomeKind kind,
        string? hospital, string? reason, string? refusedField)
    {
        var c = Given.CaseAt(S.Procuring);

        if (refusedField is null)
        {
            c.RecordOrganOutcome(organ, kind, hospital, reason, Coordinator, Now);
            Assert.Equal(kind, c.Outcomes.Single().Kind);
            Assert.Equal(S.Procuring, c.Status);
            return;
        }
        var ex = Assert.Throws<ValidationFailedException>(() => c.RecordOrganOutcome(organ, kind, hospital, reason, Coordinator, Now));
        Assert.Equal(refusedField, ex.Violations.Single().Field);
        Assert.Empty(c.Outcomes);
    }

    [Theory]
    [InlineData(OrganOutcomeKind.NotRecovered, null)]
    [InlineData(OrganOutcomeKind.Transplanted, "outcome.kind")]
    [InlineData(OrganOutcomeKind.Discarded, "outcome.kind")]
    public void RecordOrganOutcome_DuringAllocation_AllowsOnlyNotRecovered(OrganOutcomeKind kind, string? refusedField)
    {
        var c = Given.CaseAt(S.AllocationRunning);

        if (refusedField is null)
        {
            c.RecordOrganOutcome(Organ.Liver, kind, "hosp-2", "r", Coordinator, Now);
            Assert.Single(c.Outcomes);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() =>
            c.RecordOrganOutcome(Organ.Liver, kind, "hosp-2", "r", Coordinator, Now)).Violations.Single().Field);
    }

    [Fact]
    public void RecordOrganOutcome_WhenTheOrganAlreadyHasOne_IsRefused()
    {
        var c = Given.CaseAt(S.Procuring);
        c.RecordOrganOutcome(Organ.Liver, OrganOutcomeKind.Transplanted, "hosp-2", null, Coordinator, Now);

        var ex = Assert.Throws<ValidationFailedException>(() =>
            c.RecordOrganOutcome(Organ.Liver, OrganOutcomeKind.Discarded, null, "late", Coordinator, Now));

        Assert.Equal("outcome.organ", ex.Violations.Single().Field);
        Assert.Single(c.Outcomes);
    }

    [Fact]
    public void StartProcurement_WhenAnOrganWasAlreadyNotRecovered_IsRefused()
    {
        var c = Given.CaseAt(S.AllocationRunning);
        c.RecordOrganOutcome(Organ.Liver, OrganOutcomeKind.NotRecovered, null, null, Coordinator, Now);

        var ex = Assert.Throws<ValidationFailedException>(() => c.StartProcurement([Organ.Liver], Given.Team, Coordinator, Now));

        Assert.Equal("procurement.organs", ex.Violations.Single().Field);
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(2, "outcomes")]
    [InlineData(0, "outcomes")]
    public void RestoreBody_WhenAConsentedOrganHasNoOutcome_IsRefused(int outcomes, string? refusedField)
    {
        var c = Given.CaseAt(S.Procuring);
        foreach (var organ in Given.ConsentedOrgans.Take(outcomes))
        {
            c.RecordOrganOutcome(organ, OrganOutcomeKind.NotRecovered, null, null, Coordinator, Now);
        }

        if (refusedField is null)
        {
            c.RestoreBody("REST", Coordinator, Now);
            Assert.Equal(S.BodyRestored, c.Status);
            Assert.False(c.Realised);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() => c.RestoreBody("REST", Coordinator, Now)).Violations.Single().Field);
        Assert.Equal(S.Procuring, c.Status);
    }

    // ---- body release, certificate ----

    [Theory]
    [InlineData(BodyRecipient.Family, false, null, null)]
    [InlineData(BodyRecipient.ReceivingUnit, true, "浙江大学医学院", null)]
    [InlineData(BodyRecipient.ReceivingUnit, false, "浙江大学医学院", "recipient")]
    [InlineData(BodyRecipient.ReceivingUnit, true, null, "receiving_unit")]
    [InlineData((BodyRecipient)0, true, null, "recipient")]
    public void ReleaseBody_ToAReceivingUnit_NeedsTheFamilysBodyConsent(BodyRecipient recipient, bool bodyConsent, string? unit, string? refusedField)
    {
        var c = Given.CaseAt(S.Witnessed, bodyConsent);

        if (refusedField is null)
        {
            c.ReleaseBody(recipient, unit, Coordinator, Now);
            Assert.Equal(S.BodyReleased, c.Status);
            Assert.Equal(unit, c.BodyReceivingUnit);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() => c.ReleaseBody(recipient, unit, Coordinator, Now)).Violations.Single().Field);
        Assert.Equal(S.Witnessed, c.Status);
    }

    [Theory]
    [InlineData("", "certificate_number")]
    [InlineData("   ", "certificate_number")]
    [InlineData("12345678901234567890123456789012345678901", "certificate_number")]
    [InlineData("ZJ-2026-0001", null)]
    public void IssueCertificate_ForEachNumber_NeedsANumberForTheFamily(string number, string? refusedField)
    {
        var c = Given.CaseAt(S.BodyReleased);

        if (refusedField is null)
        {
            c.IssueCertificate(number, Coordinator, Now);
            Assert.Equal(number, c.CertificateNumber);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() => c.IssueCertificate(number, Coordinator, Now)).Violations.Single().Field);
        Assert.Null(c.CertificateNumber);
    }

    [Theory]
    [InlineData("", "cotrs_donor_id")]
    [InlineData("COTRS-330-2026-17", null)]
    public void StartAllocation_ForEachCotrsId_NeedsTheCotrsDonorId(string id, string? refusedField)
    {
        var c = Given.CaseAt(S.WitnessAssigned);

        if (refusedField is null)
        {
            c.StartAllocation(id, Coordinator, Now);
            Assert.Equal(id, c.CotrsDonorId);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() => c.StartAllocation(id, Coordinator, Now)).Violations.Single().Field);
    }

    // ---- closing ----

    [Theory]
    [InlineData(S.Evaluating, ClosureReason.MedicalContraindication, true)]
    [InlineData(S.RegistryChecked, ClosureReason.MedicalContraindication, false)]
    [InlineData(S.FamilyApproach, ClosureReason.FamilyDeclined, true)]
    [InlineData(S.AllocationRunning, ClosureReason.FamilyDeclined, true)]
    [InlineData(S.Procuring, ClosureReason.FamilyDeclined, false)]
    [InlineData(S.DeathDetermination, ClosureReason.NotProgressed, true)]
    [InlineData(S.DeathDeclared, ClosureReason.NotProgressed, false)]
    [InlineData(S.Referred, ClosureReason.PriorObjection, true)]
    [InlineData(S.Evaluating, ClosureReason.PriorObjection, false)]
    [InlineData(S.EthicsReview, ClosureReason.EthicsRejected, true)]
    [InlineData(S.Completed, ClosureReason.NotProgressed, false)]
    public void Close_ForEachStateAndReason_ClosesOnlyWhereThatExitExists(S state, ClosureReason reason, bool closes)
    {
        var c = Given.CaseAt(state);

        if (closes)
        {
            c.Close(reason, "note", Coordinator, Now);
            Assert.Equal(S.Closed, c.Status);
            Assert.Equal(reason, c.ClosureReason);
            Assert.Equal("Closed", c.Timeline[^1].Action);
            Assert.StartsWith(reason.ToString(), c.Timeline[^1].Reason, StringComparison.Ordinal);
            return;
        }
        var ex = Assert.Throws<IllegalTransitionException>(() => c.Close(reason, "note", Coordinator, Now));
        Assert.Equal(state.ToString(), ex.State);
        Assert.Equal(state, c.Status);
        Assert.Null(c.ClosureReason);
    }

    [Fact]
    public void Close_WithoutANote_IsRefusedNamingTheField()
    {
        var c = Given.CaseAt(S.Evaluating);

        Assert.Equal("note", Assert.Throws<ValidationFailedException>(() =>
            c.Close(ClosureReason.MedicalContraindication, "", Coordinator, Now)).Violations.Single().Field);
    }

    [Theory]
    [InlineData("33010", "hosp-1", "region_code")]
    [InlineData("110100", "hosp-1", "region_code")]
    [InlineData("330106", "", "hospital_id")]
    [InlineData("330106", "hosp-1", null)]
    public void Refer_ForEachInput_NeedsAZhejiangRegionAndTheHospital(string region, string hospital, string? refusedField)
    {
        OrganDonationCase Refer() => OrganDonationCase.Refer(Guid.NewGuid(), region, hospital, null, Guid.NewGuid(), Coordinator, Now);

        if (refusedField is null)
        {
            var c = Refer();
            Assert.Equal(S.Referred, c.Status);
            Assert.Equal("Referred", Assert.Single(c.Timeline).Action);
            Assert.Equal(Coordinator.UserId, c.CoordinatorId);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(Refer).Violations.Single().Field);
    }

    [Fact]
    public void Timeline_AfterEachStep_RecordsActorRoleOrganisationAndEvidence()
    {
        var c = Given.CaseAt(S.ConsentSigned);

        var consent = c.Timeline.Single(e => e.Action == "ConsentSigned");
        Assert.Equal(Coordinator.UserId, consent.ActorUserId);
        Assert.Equal(Coordinator.Role, consent.ActorRole);
        Assert.Equal(Coordinator.OrgId, consent.ActorOrgId);
        Assert.Equal("CONSENT-1", consent.Evidence);
        Assert.Equal(["Referred", "RegistryChecked", "EvaluationStarted", "FamilyApproached", "ConsentSigned"], c.Timeline.Select(e => e.Action));
    }
}
