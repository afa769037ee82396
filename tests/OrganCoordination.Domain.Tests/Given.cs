using DonationRegistry.OrganCoordination.Domain.Credentials;
using DonationRegistry.OrganCoordination.Domain.OrganCases;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

/// <summary>Test data: actors, a fixed time, credentials in every state and organ cases walked to any state by legal steps.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);
    public static readonly Actor Coordinator = new("coord-1", "organ_coordinator", "hosp-1", "330100");
    public static readonly Actor Officer = new("officer-1", "registry_officer", "rc-330000", "330000");
    public static readonly CredentialRules Rules = new();
    public static readonly IReadOnlyList<Organ> ConsentedOrgans = [Organ.Liver, Organ.LeftKidney, Organ.RightKidney];
    public static readonly IReadOnlyList<string> Physicians = ["dr-a", "dr-b"];
    public static readonly IReadOnlyList<string> Team = ["surgeon-x", "surgeon-y"];

    /// <summary>A credential of <paramref name="holder"/> in <paramref name="status"/> (certified at <see cref="Now"/> minus a day).</summary>
    public static CoordinatorCredential Credential(string holder, CredentialStatus status = CredentialStatus.Certified, DateTimeOffset? certifiedAt = null)
    {
        var at = certifiedAt ?? Now.AddDays(-1);
        var credential = CoordinatorCredential.Apply(Guid.NewGuid(), holder, "rc-330100", "330100", [], Officer, at);
        if (status == CredentialStatus.Applicant)
        {
            return credential;
        }
        credential.RecordTraining(Rules.InitialTrainingHours, "course-1", Officer, at);
        credential.Certify("ZJ-" + holder, Rules, Officer, at);
        if (status == CredentialStatus.Suspended)
        {
            credential.Suspend("under review", Officer, at);
        }
        if (status == CredentialStatus.Revoked)
        {
            credential.Revoke(RevocationReason.LeftRole, null, Officer, at);
        }
        return credential;
    }

    public static FamilyConsent Consent(IReadOnlyList<Organ>? organs = null, bool body = false) => new(
        [new Relative("R1", RelativeKind.Spouse), new Relative("R2", RelativeKind.AdultChild), new Relative("R3", RelativeKind.Parent)],
        ["R1", "R2", "R3"], null, organs ?? ConsentedOrgans, body, false, "CONSENT-1");

    public static OrganDonationCase Case() =>
        OrganDonationCase.Refer(Guid.NewGuid(), "330106", "hosp-1", null, Guid.NewGuid(), Coordinator, Now.AddHours(-10));

    /// <summary>A case walked by legal steps (with the registry answering Registered) until it reaches <paramref name="target"/>.</summary>
    public static OrganDonationCase CaseAt(OrganCaseStatus target, bool bodyConsent = false)
    {
        var c = Case();
        var at = Now.AddHours(-9);
        var steps = new (OrganCaseStatus Before, Action<OrganDonationCase> Step)[]
        {
            (OrganCaseStatus.Referred, x => x.RecordRegistryCheck(new RegistryCheck(RegistryAnswer.Registered, Guid.NewGuid(), "Organ", at), Coordinator, at)),
            (OrganCaseStatus.RegistryChecked, x => x.StartEvaluation(Coordinator, at)),
            (OrganCaseStatus.Evaluating, x => x.ApproachFamily(Coordinator, at)),
            (OrganCaseStatus.FamilyApproach, x => x.SignConsent(Consent(body: bodyConsent), Coordinator, at)),
            (OrganCaseStatus.ConsentSigned, x => x.SubmitToEthics(Coordinator, at)),
            (OrganCaseStatus.EthicsReview, x => x.RecordEthicsDecision(9, 7, "ETH-1", Coordinator, at)),
            (OrganCaseStatus.DeathDetermination, x => x.DeclareDeath(new DeathDeclaration(DeathCategory.BrainDeath, at, Physicians, "DD-1"), Coordinator, at)),
            (OrganCaseStatus.DeathDeclared, x => x.AssignWitnesses([Credential("w1"), Credential("w2")], Officer, Now)),
            (OrganCaseStatus.WitnessAssigned, x => x.StartAllocation("COTRS-1", Coordinator, Now)),
            (OrganCaseStatus.AllocationRunning, x => x.StartProcurement(ConsentedOrgans, Team, Coordinator, Now)),
            (OrganCaseStatus.Procuring, x =>
            {
                x.RecordOrganOutcome(Organ.Liver, OrganOutcomeKind.Transplanted, "hosp-2", null, Coordinator, Now);
                x.RecordOrganOutcome(Organ.LeftKidney, OrganOutcomeKind.Transplanted, "hosp-3", null, Coordinator, Now);
                x.RecordOrganOutcome(Organ.RightKidney, OrganOutcomeKind.Discarded, null, "biopsy", Coordinator, Now);
                x.RestoreBody("REST-1", Coordinator, Now);
            }),
            (OrganCaseStatus.BodyRestored, x => x.RecordWitnessReport("WR-1", ["w1", "w2"], Coordinator, Now)),
            (OrganCaseStatus.Witnessed, x => x.ReleaseBody(BodyRecipient.Family, null, Coordinator, Now)),
            (OrganCaseStatus.BodyReleased, x => x.IssueCertificate("CERT-1", Coordinator, Now)),
            (OrganCaseStatus.CertificateIssued, x => x.Complete(true, Coordinator, Now)),
        };
        foreach (var (before, step) in steps)
        {
            if (c.Status == target)
            {
                break;
            }
            if (c.Status != before)
            {
                throw new InvalidOperationException($"Walk expected {before}, found {c.Status}.");
            }
            step(c);
        }
        return c.Status == target ? c : throw new InvalidOperationException($"{target} is not on the main path.");
    }
}
