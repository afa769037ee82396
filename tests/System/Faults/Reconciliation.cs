using Npgsql;

namespace DonationRegistry.SystemTests.Faults;

/// <summary>
/// Counts, in every database, what the acknowledged enrolments of a load run left behind (对账): the enrolment row in Registration,
/// its <c>HscVolunteerEnrolled</c> outbox row (sent), the inbox row and the donor in Hsc, and the donor's one enrolment audit entry.
/// Zero loss = every count equals the acknowledged count; zero duplicates = no request, event or effect appears twice.
/// </summary>
public sealed class Reconciliation(SystemFixture system)
{
    /// <summary>Polls until nothing is missing any more (or <paramref name="within"/> passes) and returns the last count.</summary>
    public async Task<ReconciliationReport> WaitUntilCompleteAsync(LoadOutcome outcome, TimeSpan within)
    {
        var report = await CountAsync(outcome);
        var deadline = DateTime.UtcNow + within;
        while (!report.Complete && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            report = await CountAsync(outcome);
        }
        return report;
    }

    public async Task<ReconciliationReport> CountAsync(LoadOutcome outcome)
    {
        var requests = outcome.Acknowledged.Keys.ToArray();
        var volunteers = outcome.Acknowledged.Values.ToArray();
        var volunteerTexts = volunteers.Select(v => v.ToString()).ToArray();

        await using var registration = new NpgsqlConnection(system.Database("registrationdb"));
        await registration.OpenAsync();
        var stored = new Dictionary<Guid, List<Guid>>();
        await using (var command = new NpgsqlCommand(
            "SELECT \"RequestId\", \"VolunteerId\" FROM hsc_enrolments WHERE \"RequestId\" = ANY(@r)", registration))
        {
            command.Parameters.AddWithValue("r", requests);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var request = reader.GetGuid(0);
                if (!stored.TryGetValue(request, out var list))
                {
                    stored[request] = list = [];
                }
                list.Add(reader.GetGuid(1));
            }
        }
        var messages = new List<Guid>();
        long unsent = 0;
        var eventsPerVolunteer = new Dictionary<string, int>();
        await using (var command = new NpgsqlCommand(
            "SELECT message_id, sent_at IS NULL, body->>'volunteerId' FROM outbox_messages " +
            "WHERE message_type LIKE '%HscVolunteerEnrolled%' AND body->>'volunteerId' = ANY(@v)", registration))
        {
            command.Parameters.AddWithValue("v", volunteerTexts);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                messages.Add(reader.GetGuid(0));
                unsent += reader.GetBoolean(1) ? 1 : 0;
                eventsPerVolunteer[reader.GetString(2)] = eventsPerVolunteer.GetValueOrDefault(reader.GetString(2)) + 1;
            }
        }

        await using var hsc = new NpgsqlConnection(system.Database("hscdb"));
        await hsc.OpenAsync();
        var donors = await ScalarAsync(hsc, "SELECT count(*) FROM donors WHERE \"Id\" = ANY(@p)", volunteers);
        var inbox = await ScalarAsync(hsc, "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@p)", messages.ToArray());
        var audited = await ScalarAsync(hsc,
            "SELECT count(*) FROM audit_log WHERE \"Operation\" = 'HscVolunteerEnrolled' AND \"SubjectId\" = ANY(@p)", volunteers);

        return new ReconciliationReport(
            Acknowledged: requests.Length,
            Stored: stored.Count(s => s.Value.Count == 1 && s.Value[0] == outcome.Acknowledged[s.Key]),
            StoredWrongOrTwice: stored.Count(s => s.Value.Count != 1 || s.Value[0] != outcome.Acknowledged[s.Key]),
            Events: eventsPerVolunteer.Count,
            EventsTwice: eventsPerVolunteer.Count(e => e.Value > 1),
            Unsent: unsent,
            InboxRows: inbox,
            Donors: donors,
            AuditEntries: audited);
    }

    private static async Task<long> ScalarAsync<T>(NpgsqlConnection connection, string sql, T[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", values);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
