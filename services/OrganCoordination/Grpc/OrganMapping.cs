using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.V1;
using Google.Protobuf.WellKnownTypes;
using Model = DonationRegistry.OrganCoordination.Domain;
using Cases = DonationRegistry.OrganCoordination.Domain.OrganCases;
using Creds = DonationRegistry.OrganCoordination.Domain.Credentials;

namespace DonationRegistry.OrganCoordination.Grpc;

/// <summary>Domain ↔ proto messages. Enum values line up by number (0 = unspecified in proto, never a domain value).</summary>
internal static class OrganMapping
{
    public static OrganCase ToMessage(Cases.OrganDonationCase c, bool withTimeline = true)
    {
        var m = new OrganCase
        {
            Name = ResourceNames.OrganCase(c.Id),
            RegionCode = c.RegionCode,
            HospitalId = c.HospitalId,
            CoordinatorId = c.CoordinatorId,
            State = (OrganCaseState)c.Status,
            ClosureReason = c.ClosureReason is { } r ? (ClosureReason)r : ClosureReason.Unspecified,
            DonorIdType = c.DonorIdNumber is { } d ? (IdType)d.Type : IdType.Unspecified,
            DonorIdNumberMasked = c.DonorIdNumber?.Masked ?? "",
            EthicsCommitteeSize = c.EthicsCommitteeSize ?? 0,
            EthicsApprovals = c.EthicsApprovals ?? 0,
            CotrsDonorId = c.CotrsDonorId ?? "",
            WitnessReportReference = c.WitnessReportReference ?? "",
            BodyRecipient = c.BodyRecipient is { } b ? (BodyRecipient)b : BodyRecipient.Unspecified,
            BodyReceivingUnit = c.BodyReceivingUnit ?? "",
            CertificateNumber = c.CertificateNumber ?? "",
            FamilyCareContactConsent = c.FamilyCareContactConsent,
            FamilyReference = c.FamilyReference.ToString(),
            ReferTime = Timestamp.FromDateTimeOffset(c.ReferredAt),
            CloseTime = c.ClosedAt is { } closed ? Timestamp.FromDateTimeOffset(closed) : null,
            Etag = ETags.Of(c.RowVersion),
        };
        if (c.RegistryCheck is { } check)
        {
            m.RegistryCheck = new V1.RegistryCheck
            {
                Answer = (RegistryAnswer)check.Answer,
                Registration = check.RegistrationId is { } rid ? "registrations/" + rid : "",
                RegistrationScope = check.RegistrationScope ?? "",
                CheckTime = Timestamp.FromDateTimeOffset(check.CheckedAt),
            };
        }
        if (c.Consent is { } consent)
        {
            m.Consent = new V1.FamilyConsent
            {
                Delegation = consent.Delegation is { } del
                    ? new V1.FamilyDelegation { Representative = del.RepresentativeReference, DocumentReference = del.DocumentReference }
                    : null,
                IncludesBody = consent.IncludesBody,
                IncludesCornea = consent.IncludesCornea,
                DocumentReference = consent.DocumentReference,
            };
            m.Consent.RequiredRelatives.AddRange(consent.RequiredRelatives.Select(r => new V1.Relative { Reference = r.Reference, Kind = (RelativeKind)r.Kind }));
            m.Consent.SignedBy.AddRange(consent.SignedBy);
            m.Consent.Organs.AddRange(consent.Organs.Select(o => (Organ)o));
        }
        if (c.Death is { } death)
        {
            m.Death = new V1.DeathDeclaration
            {
                Category = (DeathCategory)death.Category,
                DeathTime = Timestamp.FromDateTimeOffset(death.DiedAt),
                DocumentReference = death.DocumentReference,
            };
            m.Death.DeterminingPhysicians.AddRange(death.DeterminingPhysicians);
        }
        m.Witnesses.AddRange(c.Witnesses.Select(w => new V1.WitnessAssignment
        {
            CoordinatorId = w.CoordinatorId, CredentialNumber = w.CredentialNumber, AssignTime = Timestamp.FromDateTimeOffset(w.AssignedAt),
        }));
        m.ProcuredOrgans.AddRange(c.ProcuredOrgans.Select(o => (Organ)o));
        m.ProcurementTeam.AddRange(c.ProcurementTeam);
        m.Outcomes.AddRange(c.Outcomes.Select(o => new V1.OrganOutcome
        {
            Organ = (Organ)o.Organ, Kind = (OrganOutcomeKind)o.Kind, ReceivingHospital = o.ReceivingHospital ?? "",
            DiscardReason = o.DiscardReason ?? "", RecordTime = Timestamp.FromDateTimeOffset(o.RecordedAt),
        }));
        m.AllowedActions.AddRange(c.AllowedTriggers.Select(t => t.ToString()));
        if (withTimeline)
        {
            m.Timeline.AddRange(c.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(ToMessage));
        }
        return m;
    }

    public static Credential ToMessage(Creds.CoordinatorCredential c, DateTimeOffset now)
    {
        var m = new Credential
        {
            Name = ResourceNames.Credential(c.Id),
            HolderId = c.HolderId,
            OrgId = c.OrgId,
            RegionCode = c.RegionCode,
            Number = c.Number ?? "",
            State = (CredentialState)c.Status,
            TrainingHours = (double)c.TrainingHours,
            CertifyTime = c.CertifiedAt is { } certified ? Timestamp.FromDateTimeOffset(certified) : null,
            ExpireTime = c.ExpiresAt is { } expires ? Timestamp.FromDateTimeOffset(expires) : null,
            Active = c.IsActiveAt(now),
            RevocationReason = c.RevocationReason is { } r ? (RevocationReason)r : RevocationReason.Unspecified,
            BarredForLife = c.BarredForLife,
            Etag = ETags.Of(c.RowVersion),
        };
        m.AllowedActions.AddRange(c.AllowedTriggers.Select(t => t.ToString()));
        m.Timeline.AddRange(c.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(ToMessage));
        return m;
    }

    public static V1.TimelineEntry ToMessage(Model.TimelineEntry e) => new()
    {
        Action = e.Action,
        State = e.Status,
        Actor = e.ActorUserId,
        ActorRole = e.ActorRole,
        ActorOrgId = e.ActorOrgId ?? "",
        Reason = e.Reason ?? "",
        Evidence = e.Evidence ?? "",
        Time = Timestamp.FromDateTimeOffset(e.At),
    };

    public static Cases.FamilyConsent ToConsent(V1.FamilyConsent? c) => c is null
        ? new Cases.FamilyConsent([], [], null, [], false, false, "")
        : new Cases.FamilyConsent(
            [.. c.RequiredRelatives.Select(r => new Cases.Relative(r.Reference, (Cases.RelativeKind)r.Kind))],
            [.. c.SignedBy],
            c.Delegation is { } d ? new Cases.FamilyDelegation(d.Representative, d.DocumentReference) : null,
            [.. c.Organs.Select(o => (Cases.Organ)o)],
            c.IncludesBody, c.IncludesCornea, c.DocumentReference);

    public static Cases.DeathDeclaration ToDeath(V1.DeathDeclaration? d) => d is null
        ? new Cases.DeathDeclaration(default, DateTimeOffset.MaxValue, [], "")
        : new Cases.DeathDeclaration((Cases.DeathCategory)d.Category,
            d.DeathTime is null ? DateTimeOffset.MaxValue : d.DeathTime.ToDateTimeOffset(), [.. d.DeterminingPhysicians], d.DocumentReference);
}
