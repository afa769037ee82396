using System.Globalization;
using DonationRegistry.Registration.Application;
using Google.Protobuf.WellKnownTypes;
using CommonSex = DonationRegistry.Common.PersonalData.Sex;
using Model = DonationRegistry.Registration.Domain.Registrations;
using V1 = DonationRegistry.Registration.V1;

namespace DonationRegistry.Registration.Grpc;

/// <summary>Registrations between the API messages and the domain (enum values are numbered alike on both sides). ID numbers
/// leave the service masked only.</summary>
internal static class RegistrationMapping
{
    public static RegistrationInput ToInput(V1.Registration? r)
    {
        r ??= new V1.Registration();
        return new RegistrationInput(r.RegistrationPoint, (Model.Channel)r.Channel, (Model.Programme)r.Programme,
            [.. r.Scope.Select(s => (Model.DonationScope)s)], ToPersonForm(r.Person), ToContact(r.NotificationContact),
            ToExecutor(r.Executor), r.Consents?.SensitiveData ?? false, r.Consents?.TransferToProvincialCentre ?? false);
    }

    public static Model.PersonForm ToPersonForm(V1.Person? p)
    {
        p ??= new V1.Person();
        DateOnly? birth = null;
        if (!string.IsNullOrWhiteSpace(p.BirthDate))
        {
            // An unparseable date is reported like a mismatch: kept as "no date" plus the violation from the form check below.
            birth = DateOnly.TryParseExact(p.BirthDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : DateOnly.MaxValue;
        }
        return new Model.PersonForm(p.FullName, (Model.IdType)p.IdType, p.IdNumber, birth, (CommonSex)p.Sex, p.Phone,
            string.IsNullOrEmpty(p.Address) ? null : p.Address);
    }

    public static Model.ContactForm? ToContact(V1.Contact? c) => c is null ? null : new Model.ContactForm(c.FullName, c.Relation, c.Phone);

    public static Model.ExecutorForm? ToExecutor(V1.Executor? x) =>
        x is null ? null : new Model.ExecutorForm((Model.ExecutorKind)x.Kind, x.Name, x.Phone);

    public static WitnessingInput? ToWitnessing(V1.Witnessing? w) => w is null
        ? null
        : new WitnessingInput([.. w.Witnesses.Select(x => new WitnessInput(x.FullName, x.Relation, (Model.IdType)x.IdType, x.IdNumber,
            x.SignedAt?.ToDateTimeOffset()))], w.FamilyInformed, w.LetterSha256);

    public static AmendmentInput ToAmendment(V1.Registration? r)
    {
        r ??= new V1.Registration();
        return new AmendmentInput([.. r.Scope.Select(s => (Model.DonationScope)s)], r.Person?.Phone, r.Person?.Address,
            ToContact(r.NotificationContact), ToExecutor(r.Executor));
    }

    public static V1.Registration ToMessage(Model.VolunteerRegistration r) => ToMessage(r, r.Snapshot(), r.VersionNumber);

    /// <summary>The registration with the amendable part as in <paramref name="details"/> (for a kept version).</summary>
    public static V1.Registration ToMessage(Model.VolunteerRegistration r, Model.AmendableDetails details, int version)
    {
        var volunteer = r.Volunteer;
        var message = new V1.Registration
        {
            Name = ResourceNames.Registration(r.Id),
            RegistrationNumber = r.Number ?? "",
            RegistrationPoint = r.PointId is { } point ? ResourceNames.Point(point) : "",
            Channel = (V1.Channel)r.Channel,
            Programme = (V1.Programme)r.Programme,
            Person = new V1.Person
            {
                FullName = volunteer.FullName,
                IdType = (V1.IdType)volunteer.IdType,
                IdNumber = volunteer.IdNumberMasked,
                BirthDate = volunteer.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Sex = (V1.Sex)volunteer.Sex,
                Phone = details.Phone,
                Address = details.Address ?? "",
            },
            NotificationContact = details.NotificationContact is { } c
                ? new V1.Contact { FullName = c.FullName, Relation = c.Relation, Phone = c.Phone }
                : null,
            Executor = details.Executor is { } x ? new V1.Executor { Kind = (V1.ExecutorKind)x.Kind, Name = x.Name, Phone = x.Phone } : null,
            Consents = new V1.Consents { SensitiveData = true, TransferToProvincialCentre = true },
            Status = (V1.RegistrationStatus)r.Status,
            Version = version,
            RegionCode = r.RegionCode,
            CreateTime = Timestamp.FromDateTimeOffset(r.CreatedAt),
            Etag = ETags.Of(r.RowVersion),
        };
        message.Scope.AddRange(details.Scope.Select(s => (V1.DonationScope)s));
        if (r.WitnessedAt is { } witnessedAt)
        {
            var witnessing = new V1.Witnessing
            {
                FamilyInformed = r.FamilyInformed,
                LetterSha256 = r.LetterSha256 ?? "",
                RecordedAt = Timestamp.FromDateTimeOffset(witnessedAt),
            };
            witnessing.Witnesses.AddRange(r.Witnesses.OrderBy(w => w.Id).Select(w => new V1.Witness
            {
                FullName = w.FullName,
                Relation = w.Relation,
                IdType = (V1.IdType)w.IdType,
                IdNumber = w.IdNumberMasked,
                SignedAt = Timestamp.FromDateTimeOffset(w.SignedAt),
            }));
            message.Witnessing = witnessing;
        }
        if (r.Number is { } number && r.CertificateIssuedAt is { } issued)
        {
            message.Certificate = new V1.Certificate
            {
                RegistrationNumber = number,
                VerificationCode = r.VerificationCode ?? "",
                IssuedAt = Timestamp.FromDateTimeOffset(issued),
            };
        }
        message.Timeline.AddRange(r.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new V1.TimelineEntry
        {
            Action = t.Action,
            Status = (V1.RegistrationStatus)t.Status,
            Actor = t.ActorUserId,
            ActorRole = t.ActorRole,
            ActorOrgId = t.ActorOrgId ?? "",
            Reason = t.Reason ?? "",
            At = Timestamp.FromDateTimeOffset(t.At),
        }));
        return message;
    }
}
