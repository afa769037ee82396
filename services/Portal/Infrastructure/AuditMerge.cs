using DonationRegistry.Audit.V1;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>
/// Merges the newest-first pages of several services' audit logs into one newest-first list. An entry is shown only once every
/// service that still has more has been read past its time, so a later page can never hold an entry that belongs above one
/// already shown. Pure: the page loads and feeds it.
/// </summary>
public sealed class AuditMerge
{
    private readonly List<AuditEntry> _held = [];
    // Per unfinished service: the token to continue and the time of the oldest entry read from it so far.
    private readonly Dictionary<string, (string Token, DateTimeOffset ReadTo)> _unfinished = new(StringComparer.Ordinal);

    /// <summary>Entries ready to show, newest first.</summary>
    public List<AuditEntry> Shown { get; } = [];

    /// <summary>Services whose log has more entries than read so far, with the token to continue.</summary>
    public IReadOnlyList<(string Service, string Token)> Pending => _unfinished.Select(s => (s.Key, s.Value.Token)).ToList();

    public bool HasMore => _unfinished.Count > 0 || _held.Count > 0;

    /// <summary>Adds one page of <paramref name="service"/> (newest first) and its next-page token ("" when it was the last).</summary>
    public void Add(string service, IReadOnlyList<AuditEntry> page, string nextToken)
    {
        _held.AddRange(page);
        if (nextToken.Length == 0 || page.Count == 0)
        {
            _unfinished.Remove(service);
        }
        else
        {
            _unfinished[service] = (nextToken, page[^1].Time.ToDateTimeOffset());
        }
    }

    /// <summary>Moves to <see cref="Shown"/> every held entry no unfinished service can still out-date; call after each round.</summary>
    public void Release()
    {
        var frontier = _unfinished.Count == 0 ? DateTimeOffset.MinValue : _unfinished.Values.Max(s => s.ReadTo);
        var ready = _held.Where(e => e.Time.ToDateTimeOffset() >= frontier)
            .OrderByDescending(e => e.Time.ToDateTimeOffset()).ThenBy(e => e.Service, StringComparer.Ordinal).ToList();
        _held.RemoveAll(e => e.Time.ToDateTimeOffset() >= frontier);
        Shown.AddRange(ready);
    }
}
