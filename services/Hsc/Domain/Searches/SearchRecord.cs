using DonationRegistry.Common;

namespace DonationRegistry.Hsc.Domain.Searches;

/// <summary>
/// One submitted patient search, stored with its request, the release used, who asked and when, the total count and the ranked
/// result list (up to a cap) so that paging and history stay stable while the pool changes.
/// </summary>
public sealed class SearchRecord
{
    private SearchRecord()
    {
    }

    public SearchRecord(Guid id, string patientReference, string patientGlString, string requestJson, string release, int totalCount,
        string resultsJson, int storedCount, DateTimeOffset submittedAt, Actor actor)
    {
        Id = id;
        PatientReference = patientReference;
        PatientGlString = patientGlString;
        RequestJson = requestJson;
        Release = release;
        TotalCount = totalCount;
        ResultsJson = resultsJson;
        StoredCount = storedCount;
        SubmittedAt = submittedAt;
        SubmittedBy = actor.UserId;
        SubmitterRole = actor.Role;
        SubmitterOrgId = actor.OrgId;
    }

    public Guid Id { get; private set; }
    /// <summary>The transplant centre's pseudonymous patient reference (no names).</summary>
    public string PatientReference { get; private set; } = "";
    public string PatientGlString { get; private set; } = "";
    /// <summary>Criteria and filters as submitted (JSON).</summary>
    public string RequestJson { get; private set; } = "";
    public string Release { get; private set; } = "";
    public int TotalCount { get; private set; }
    /// <summary>The ranked matches (JSON array), at most the service's cap.</summary>
    public string ResultsJson { get; private set; } = "";
    public int StoredCount { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public string SubmitterRole { get; private set; } = "";
    public string? SubmitterOrgId { get; private set; }
}
