extern alias familycare;

using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using FamilyCareDbContext = familycare::DonationRegistry.FamilyCare.Infrastructure.FamilyCareDbContext;
using Model = familycare::DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>
/// Issue #9: no log line or response of the FamilyCare service shows a plaintext ID number (<see cref="IdNumberScan"/>). The service
/// holds none (referrals carry pseudonymous ids), so the ID numbers come in where staff might paste them by mistake — as the family's
/// name, a region filter, the contact's phone — and must be refused without being echoed or logged, while an instance of this test's
/// own (own database, logging at its configured levels into the scan) takes a family through consent, details, a child with guardian
/// consent and schooling, and a student-aid case; a tap on the broker collects whatever the service publishes.
/// </summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class LogScanTests(FamilyCareFixture fixture)
{
    private static readonly string[] Events =
        ["OrganDonationCompleted", "HscDonationCompleted", "BodyDonationCompleted", "TissueDonationCompleted", "FollowUpDue"];

    [Fact]
    public async Task CareWork_WithIdNumbersPastedIntoFields_LeavesNoPlaintextIdNumberInLogsOrResponses()
    {
        await using var scanned = new ScannedService<FamilyCareDbContext>("familycaredb", fixture.Identity.Authority, Events);
        await scanned.StartAsync();
        var (scan, host) = (scanned.Scan, scanned.Host);
        var staffToken = await fixture.StaffTokenAsync();
        var families = new Families.FamiliesClient(host.Channel(staffToken));
        var aid = new StudentAid.StudentAidClient(host.Channel(staffToken));
        var name = "families/" + await ReferredFamilyAsync(host);

        scan.Response(await families.RecordFamilyConsentAsync(new RecordFamilyConsentRequest { Name = name, EvidenceReference = "CONSENT-1" }));
        scan.Response(await families.UpdateFamilyDetailsAsync(new UpdateFamilyDetailsRequest
        {
            Name = name, Contact = new ContactPerson { DisplayName = "王芳", Phone = "13800000000", Relationship = "配偶" },
        }));
        var family = scan.Response(await families.AddChildAsync(new AddChildRequest
        {
            Name = name, DisplayName = "小明",
            BirthDate = DateTime.UtcNow.AddYears(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        var child = family.Children[^1].ChildId;
        scan.Response(await families.RecordGuardianConsentAsync(new RecordGuardianConsentRequest { Name = name, ChildId = child, GuardianName = "王芳" }));
        scan.Response(await families.RecordChildSchoolingAsync(new RecordChildSchoolingRequest
        {
            Name = name, ChildId = child, School = "西湖小学", Stage = SchoolStage.Primary,
        }));
        scan.Response(await families.GetFamilyAsync(new GetFamilyRequest { Name = name }));
        scan.Response(await families.ListFamiliesAsync(new ListFamiliesRequest()));
        var aidCase = scan.Response(await aid.CreateAidCaseAsync(new CreateAidCaseRequest { RequestId = Guid.NewGuid().ToString(), Family = name, ChildId = child }));
        scan.Response(await aid.ApplyAidCaseAsync(new ApplyAidCaseRequest { Name = aidCase.Name, GuardianName = "王芳" }));
        scan.Response(await aid.VerifyAidCaseAsync(new VerifyAidCaseRequest { Name = aidCase.Name, HardshipVerified = true, EnrolmentVerified = true }));
        // ID numbers pasted where they do not belong: refused, never echoed.
        var pasted = scan.Use(TestIdNumbers.New());
        await scan.RefusalAsync(() => families.GetFamilyAsync(new GetFamilyRequest { Name = "families/" + pasted }).ResponseAsync);
        await scan.RefusalAsync(() => families.ListFamiliesAsync(new ListFamiliesRequest { RegionCode = pasted }).ResponseAsync);
        var withX = scan.Use(TestIdNumbers.New(endingInX: true));
        await scan.RefusalAsync(() => families.UpdateFamilyDetailsAsync(new UpdateFamilyDetailsRequest
        {
            Name = name, Contact = new ContactPerson { DisplayName = "王芳", Phone = withX, Relationship = "配偶" },
        }).ResponseAsync);
        await scan.RefusalAsync(() => aid.CreateAidCaseAsync(new CreateAidCaseRequest { RequestId = Guid.NewGuid().ToString(), Family = name, ChildId = pasted }).ResponseAsync);

        scanned.AssertNoLeaks();
    }

    /// <summary>A referred family written as the referral consumer would (the events carry no personal data to scan for).</summary>
    private static async Task<Guid> ReferredFamilyAsync(ServiceHost<FamilyCareDbContext> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyCareDbContext>();
        var family = Model.Family.Refer(Guid.CreateVersion7(), Model.ReferralSource.OrganDonation, Guid.NewGuid(), Guid.NewGuid(),
            FamilyCareFixture.County, true, DateTimeOffset.UtcNow);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        return family.Id;
    }
}
