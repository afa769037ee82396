using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Xunit;
using DonationRegistry.TestSupport.Security;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Bad input to the body, tissue, receiving-unit, memorial and overview rpcs → INVALID_ARGUMENT with a field violation naming the
/// field, and nothing written (every table counted before and after). Each case sets up its own target first.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class DonationBadInputTests(OrganFixture fixture)
{
    /// <summary>What a bad call gets: the clients, and the body or tissue case made for it.</summary>
    public sealed record Target(BodyDonationCases.BodyDonationCasesClient Bodies, BodyDonationCases.BodyDonationCasesClient BodyUnit,
        TissueDonationCases.TissueDonationCasesClient Tissues, TissueDonationCases.TissueDonationCasesClient EyeBank,
        ReceivingUnits.ReceivingUnitsClient Units, Memorials.MemorialsClient Memorials, DonationOverview.DonationOverviewClient Overview,
        BodyCase? Body, TissueCase? Tissue);

    private static string BadChecksum() => TestIdNumbers.WithWrongCheckCharacter(People.NewIdNumber());

    private static Timestamp Ago(double hours) => Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-hours));

    private static CreateBodyCaseRequest Body(Action<CreateBodyCaseRequest> change)
    {
        var request = new CreateBodyCaseRequest { RegionCode = OrganFixture.Region, OrgId = OrganFixture.Hospital, DeathTime = Ago(2) };
        change(request);
        return request;
    }

    private static CreateTissueCaseRequest Tissue(Action<CreateTissueCaseRequest> change)
    {
        var request = new CreateTissueCaseRequest
        {
            Kind = TissueKind.Cornea, RegionCode = OrganFixture.Region, OrgId = OrganFixture.Hospital,
            ReceivingUnit = "receivingUnits/" + OrganFixture.EyeBank, DeathTime = Ago(1),
        };
        change(request);
        return request;
    }

    private static CreateReceivingUnitRequest Unit(Action<ReceivingUnit> change, string? id = null)
    {
        var unit = new ReceivingUnit
        {
            DisplayName = "坏输入眼库", Kind = ReceivingUnitKind.EyeBank, RegionCode = "330100", AcceptedDonations = { DonationKind.CorneaDonation }, Active = true,
        };
        change(unit);
        return new CreateReceivingUnitRequest { ReceivingUnitId = id ?? "EB-BAD-" + Guid.NewGuid().ToString("N")[..6], ReceivingUnit = unit };
    }

    private static RecordMemorialRequest Memorial(BodyCase c, Action<RecordMemorialRequest> change)
    {
        var request = DonationSteps.Memorial(c.Name, c.Etag);
        change(request);
        return request;
    }

    public static TheoryData<string, string?, Func<Target, Task>, string> Cases() => new()
    {
        // Body cases
        { "body: no region", null, t => t.Bodies.CreateBodyCaseAsync(Body(r => r.RegionCode = "")).ResponseAsync, "region_code" },
        { "body: region outside Zhejiang", null, t => t.Bodies.CreateBodyCaseAsync(Body(r => r.RegionCode = "110101")).ResponseAsync, "region_code" },
        { "body: no organisation", null, t => t.Bodies.CreateBodyCaseAsync(Body(r => r.OrgId = "")).ResponseAsync, "org_id" },
        { "body: no time of death", null, t => t.Bodies.CreateBodyCaseAsync(Body(r => r.DeathTime = null)).ResponseAsync, "death_time" },
        { "body: death in the future", null, t => t.Bodies.CreateBodyCaseAsync(Body(r => r.DeathTime = Ago(-1))).ResponseAsync, "death_time" },
        { "body: death too long ago", null, t => t.Bodies.CreateBodyCaseAsync(Body(r => r.DeathTime = Ago(24 * 31))).ResponseAsync, "death_time" },
        { "body: ID number bad", null, t => t.Bodies.CreateBodyCaseAsync(Body(r => { r.DonorIdType = IdType.ResidentId; r.DonorIdNumber = BadChecksum(); })).ResponseAsync, "donor_id_number" },
        { "body: number without type", null, t => t.Bodies.CreateBodyCaseAsync(Body(r => r.DonorIdNumber = People.NewIdNumber())).ResponseAsync, "donor_id_type" },
        { "body: request id not a UUID", null, t => t.Bodies.CreateBodyCaseAsync(Body(r => r.RequestId = "x")).ResponseAsync, "request_id" },
        { "body: malformed unit name", "body:BodyDeathNotified", t => t.Bodies.AgreeHandoverAsync(new AgreeHandoverRequest { Name = t.Body!.Name, Etag = t.Body.Etag, ReceivingUnit = OrganFixture.BodyUnit }).ResponseAsync, "receiving_unit" },
        { "body: unit of the wrong kind", "body:BodyDeathNotified", t => t.Bodies.AgreeHandoverAsync(new AgreeHandoverRequest { Name = t.Body!.Name, Etag = t.Body.Etag, ReceivingUnit = "receivingUnits/" + OrganFixture.EyeBank }).ResponseAsync, "receiving_unit" },
        { "body: receipt without record", "body:HandoverAgreed", t => t.BodyUnit.ReceiveBodyAsync(new ReceiveBodyRequest { Name = t.Body!.Name, Etag = t.Body.Etag }).ResponseAsync, "document_reference" },
        { "body: use missing", "body:Received", t => t.BodyUnit.StartBodyUseAsync(new StartBodyUseRequest { Name = t.Body!.Name, Etag = t.Body.Etag }).ResponseAsync, "use" },
        { "body: disposal missing", "body:InUse", t => t.BodyUnit.RecordBodyDisposalAsync(new RecordBodyDisposalRequest { Name = t.Body!.Name, Etag = t.Body.Etag }).ResponseAsync, "disposal" },
        { "body: specimen without executor's request", "body:InUse", t => t.BodyUnit.RecordBodyDisposalAsync(new RecordBodyDisposalRequest { Name = t.Body!.Name, Etag = t.Body.Etag, Disposal = BodyDisposal.KeptAsSpecimen }).ResponseAsync, "executor_request_reference" },
        { "body: rejection reason missing", "body:BodyDeathNotified", t => t.Bodies.RejectBodyCaseAsync(new RejectBodyCaseRequest { Name = t.Body!.Name, Etag = t.Body.Etag }).ResponseAsync, "reason" },
        { "body: read without purpose", "body:BodyDeathNotified", t => t.Bodies.GetBodyCaseAsync(new GetBodyCaseRequest { Name = t.Body!.Name }).ResponseAsync, "purpose" },
        { "body: malformed case name", "body:BodyDeathNotified", t => t.Bodies.RejectBodyCaseAsync(new RejectBodyCaseRequest { Name = "organCases/1", Etag = t.Body!.Etag, Reason = BodyRejectionReason.TooLate }).ResponseAsync, "name" },
        { "body: missing etag", "body:BodyDeathNotified", t => t.Bodies.RejectBodyCaseAsync(new RejectBodyCaseRequest { Name = t.Body!.Name, Reason = BodyRejectionReason.TooLate }).ResponseAsync, "etag" },
        { "body: list page token foreign", null, t => t.Bodies.ListBodyCasesAsync(new ListBodyCasesRequest { PageToken = "bm90LWEta2V5", Purpose = "p" }).ResponseAsync, "page_token" },
        // Tissue cases
        { "tissue: kind missing", null, t => t.Tissues.CreateTissueCaseAsync(Tissue(r => r.Kind = TissueKind.Unspecified)).ResponseAsync, "kind" },
        { "tissue: no bank", null, t => t.Tissues.CreateTissueCaseAsync(Tissue(r => r.ReceivingUnit = "")).ResponseAsync, "receiving_unit" },
        { "tissue: inactive bank", null, t => t.Tissues.CreateTissueCaseAsync(Tissue(r => r.ReceivingUnit = "receivingUnits/" + OrganFixture.InactiveEyeBank)).ResponseAsync, "receiving_unit" },
        { "tissue: unknown bank", null, t => t.Tissues.CreateTissueCaseAsync(Tissue(r => r.ReceivingUnit = "receivingUnits/EB-NONE")).ResponseAsync, "receiving_unit" },
        { "tissue: death over a week ago", null, t => t.Tissues.CreateTissueCaseAsync(Tissue(r => r.DeathTime = Ago(24 * 8))).ResponseAsync, "death_time" },
        { "tissue: region malformed", null, t => t.Tissues.CreateTissueCaseAsync(Tissue(r => r.RegionCode = "33010")).ResponseAsync, "region_code" },
        { "tissue: recovery before death", "tissue:TissueDeathNotified", t => t.EyeBank.RecoverTissueAsync(new RecoverTissueRequest { Name = t.Tissue!.Name, Etag = t.Tissue.Etag, RecoverTime = Ago(30), DocumentReference = "R" }).ResponseAsync, "recover_time" },
        { "tissue: recovery in the future", "tissue:TissueDeathNotified", t => t.EyeBank.RecoverTissueAsync(new RecoverTissueRequest { Name = t.Tissue!.Name, Etag = t.Tissue.Etag, RecoverTime = Ago(-1), DocumentReference = "R" }).ResponseAsync, "recover_time" },
        { "tissue: recovery without record", "tissue:TissueDeathNotified", t => t.EyeBank.RecoverTissueAsync(new RecoverTissueRequest { Name = t.Tissue!.Name, Etag = t.Tissue.Etag, RecoverTime = Ago(0.1) }).ResponseAsync, "document_reference" },
        { "tissue: use missing", "tissue:Recovered", t => t.EyeBank.RecordTissueUseAsync(new RecordTissueUseRequest { Name = t.Tissue!.Name, Etag = t.Tissue.Etag }).ResponseAsync, "use" },
        { "tissue: decline reason missing", "tissue:TissueDeathNotified", t => t.Tissues.DeclineTissueCaseAsync(new DeclineTissueCaseRequest { Name = t.Tissue!.Name, Etag = t.Tissue.Etag }).ResponseAsync, "reason" },
        { "tissue: read without purpose", "tissue:TissueDeathNotified", t => t.Tissues.GetTissueCaseAsync(new GetTissueCaseRequest { Name = t.Tissue!.Name }).ResponseAsync, "purpose" },
        // Receiving units
        { "unit: id malformed", null, t => t.Units.CreateReceivingUnitAsync(Unit(_ => { }, id: "x")).ResponseAsync, "receiving_unit_id" },
        { "unit: no name", null, t => t.Units.CreateReceivingUnitAsync(Unit(u => u.DisplayName = "")).ResponseAsync, "receiving_unit.display_name" },
        { "unit: kind missing", null, t => t.Units.CreateReceivingUnitAsync(Unit(u => u.Kind = ReceivingUnitKind.Unspecified)).ResponseAsync, "receiving_unit.kind" },
        { "unit: region malformed", null, t => t.Units.CreateReceivingUnitAsync(Unit(u => u.RegionCode = "3301")).ResponseAsync, "receiving_unit.region_code" },
        { "unit: accepts nothing", null, t => t.Units.CreateReceivingUnitAsync(Unit(u => u.AcceptedDonations.Clear())).ResponseAsync, "receiving_unit.accepted_donations" },
        { "unit: eye bank accepting bodies", null, t => t.Units.CreateReceivingUnitAsync(Unit(u => u.AcceptedDonations.Add(DonationKind.BodyDonation))).ResponseAsync, "receiving_unit.accepted_donations" },
        { "unit: update without name", null, t => t.Units.UpdateReceivingUnitAsync(new UpdateReceivingUnitRequest { ReceivingUnit = new ReceivingUnit { DisplayName = "x" } }).ResponseAsync, "receiving_unit.name" },
        // Memorials
        { "memorial: no site", "body:Disposed", t => t.Memorials.RecordMemorialAsync(Memorial(t.Body!, r => r.Site = "")).ResponseAsync, "memorial.site" },
        { "memorial: name without consent", "body:Disposed", t => t.Memorials.RecordMemorialAsync(Memorial(t.Body!, r => { r.InscriptionConsented = false; r.ConsentDocumentReference = ""; })).ResponseAsync, "memorial.inscribed_name" },
        { "memorial: consent without its document", "body:Disposed", t => t.Memorials.RecordMemorialAsync(Memorial(t.Body!, r => r.ConsentDocumentReference = "")).ResponseAsync, "memorial.consent_document_reference" },
        { "memorial: consent without the name", "body:Disposed", t => t.Memorials.RecordMemorialAsync(Memorial(t.Body!, r => r.InscribedName = "")).ResponseAsync, "memorial.inscribed_name" },
        { "memorial: not a case name", null, t => t.Memorials.RecordMemorialAsync(new RecordMemorialRequest { Case = "credentials/1", Etag = "1", Site = "s" }).ResponseAsync, "case" },
        { "memorial: read without purpose", null, t => t.Memorials.GetMemorialAsync(new GetMemorialRequest { Name = "memorials/" + Guid.NewGuid() }).ResponseAsync, "purpose" },
        // Statistics
        { "statistics: year out of range", null, t => t.Overview.GetDonationStatisticsAsync(new GetDonationStatisticsRequest { Year = 1900 }).ResponseAsync, "year" },
        { "statistics: region malformed", null, t => t.Overview.GetDonationStatisticsAsync(new GetDonationStatisticsRequest { RegionCode = "33" }).ResponseAsync, "region_code" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_WithBadInput_IsInvalidArgumentNamingTheFieldAndWritesNothing(string situation, string? setup, Func<Target, Task> call, string field)
    {
        await fixture.EnsureUnitsAsync();
        var steps = new DonationSteps(fixture);
        var officer = await fixture.ProvincialOfficerTokenAsync();
        BodyCase? body = null;
        TissueCase? tissue = null;
        if (setup?.Split(':') is ["body", var bodyState])
        {
            body = await steps.BodyInStateAsync(System.Enum.Parse<BodyCaseState>(bodyState));
        }
        if (setup?.Split(':') is ["tissue", var tissueState])
        {
            tissue = await steps.TissueInStateAsync(TissueKind.Cornea, System.Enum.Parse<TissueCaseState>(tissueState));
        }
        var target = new Target(await steps.BodyCoordinatorAsync(), await steps.BodyUnitAsync(), await steps.TissueCoordinatorAsync(),
            await steps.TissueUnitAsync(OrganFixture.EyeBank), fixture.Units(officer), await steps.MemorialsAsync(), fixture.Overview(officer), body, tissue);
        var before = await fixture.RowCountsAsync();

        await RpcAssert.InvalidAsync(field, () => call(target));

        var after = await fixture.RowCountsAsync();
        Assert.True(before.SequenceEqual(after), $"{situation}: something was written");
    }
}
