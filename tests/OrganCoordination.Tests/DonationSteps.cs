extern alias organ;

using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using OrganDbContext = organ::DonationRegistry.OrganCoordination.Infrastructure.OrganDbContext;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Drives body and tissue cases through the API: the hospital coordinator opens them, agrees the handover and records the memorial;
/// the receiving unit's (bank's) staff receive, use, dispose, recover. By default on the fixture's service; with
/// <paramref name="host"/> on another one (its coordinator token and clock given).
/// </summary>
public sealed class DonationSteps(OrganFixture fixture, ServiceHost<OrganDbContext>? host = null, string? coordinatorToken = null,
    TimeProvider? clock = null)
{
    public const string Purpose = "integration test";

    private ServiceHost<OrganDbContext> Host => host ?? fixture.Organ;

    public DateTimeOffset Now => (clock ?? TimeProvider.System).GetUtcNow();

    public async Task<string> CoordinatorTokenAsync() => coordinatorToken ?? await fixture.CoordinatorTokenAsync();

    public async Task<BodyDonationCases.BodyDonationCasesClient> BodyCoordinatorAsync() => new(Host.Channel(await CoordinatorTokenAsync()));

    public async Task<BodyDonationCases.BodyDonationCasesClient> BodyUnitAsync(string unit = OrganFixture.BodyUnit) =>
        new(Host.Channel(await fixture.UnitStaffTokenAsync(unit)));

    public async Task<TissueDonationCases.TissueDonationCasesClient> TissueCoordinatorAsync() => new(Host.Channel(await CoordinatorTokenAsync()));

    public async Task<TissueDonationCases.TissueDonationCasesClient> TissueUnitAsync(string unit) => new(Host.Channel(await fixture.UnitStaffTokenAsync(unit)));

    public async Task<Memorials.MemorialsClient> MemorialsAsync() => new(Host.Channel(await CoordinatorTokenAsync()));

    public static string BankOf(TissueKind kind) => kind == TissueKind.Brain ? OrganFixture.BrainBank : OrganFixture.EyeBank;

    public async Task<BodyCase> CreateBodyAsync(string? idNumber = null, string? requestId = null) =>
        await (await BodyCoordinatorAsync()).CreateBodyCaseAsync(new CreateBodyCaseRequest
        {
            RequestId = requestId ?? Guid.NewGuid().ToString(),
            RegionCode = OrganFixture.Region,
            OrgId = OrganFixture.Hospital,
            DonorIdType = idNumber is null ? IdType.Unspecified : IdType.ResidentId,
            DonorIdNumber = idNumber ?? "",
            DeathTime = Timestamp.FromDateTimeOffset(Now.AddHours(-2)),
            FamilyCareContactConsent = true,
        });

    /// <summary>A body case moved by legal steps until it is in <paramref name="target"/>.</summary>
    public async Task<BodyCase> BodyInStateAsync(BodyCaseState target, string? idNumber = null)
    {
        await fixture.EnsureUnitsAsync(host);
        return await ContinueBodyAsync(await CreateBodyAsync(idNumber), target);
    }

    /// <summary>Moves <paramref name="c"/> on by legal steps until it is in <paramref name="target"/>.</summary>
    public async Task<BodyCase> ContinueBodyAsync(BodyCase c, BodyCaseState target)
    {
        var coordinator = await BodyCoordinatorAsync();
        var unit = await BodyUnitAsync();
        while (c.State != target)
        {
            c = c.State switch
            {
                BodyCaseState.BodyDeathNotified => await coordinator.AgreeHandoverAsync(new AgreeHandoverRequest
                {
                    Name = c.Name, Etag = c.Etag, ReceivingUnit = "receivingUnits/" + OrganFixture.BodyUnit,
                }),
                BodyCaseState.HandoverAgreed => await unit.ReceiveBodyAsync(new ReceiveBodyRequest { Name = c.Name, Etag = c.Etag, DocumentReference = "REC-1" }),
                BodyCaseState.Received => await unit.StartBodyUseAsync(new StartBodyUseRequest { Name = c.Name, Etag = c.Etag, Use = BodyUse.Teaching }),
                BodyCaseState.InUse => await unit.RecordBodyDisposalAsync(new RecordBodyDisposalRequest { Name = c.Name, Etag = c.Etag, Disposal = BodyDisposal.Cremation }),
                BodyCaseState.Disposed => await MemorialiseBodyAsync(c),
                _ => throw new InvalidOperationException($"{target} is not reachable on the main path from {c.State}."),
            };
        }
        return c;
    }

    public async Task<TissueCase> CreateTissueAsync(TissueKind kind, string? idNumber = null, string? bank = null, TimeSpan? sinceDeath = null) =>
        await (await TissueCoordinatorAsync()).CreateTissueCaseAsync(new CreateTissueCaseRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Kind = kind,
            RegionCode = OrganFixture.Region,
            OrgId = OrganFixture.Hospital,
            ReceivingUnit = "receivingUnits/" + (bank ?? BankOf(kind)),
            DonorIdType = idNumber is null ? IdType.Unspecified : IdType.ResidentId,
            DonorIdNumber = idNumber ?? "",
            DeathTime = Timestamp.FromDateTimeOffset(Now - (sinceDeath ?? TimeSpan.FromHours(1))),
            FamilyCareContactConsent = true,
        });

    /// <summary>A tissue case moved by legal steps until it is in <paramref name="target"/>.</summary>
    public async Task<TissueCase> TissueInStateAsync(TissueKind kind, TissueCaseState target, string? idNumber = null)
    {
        await fixture.EnsureUnitsAsync(host);
        return await ContinueTissueAsync(await CreateTissueAsync(kind, idNumber), kind, target);
    }

    /// <summary>Moves <paramref name="c"/> on by legal steps until it is in <paramref name="target"/>.</summary>
    public async Task<TissueCase> ContinueTissueAsync(TissueCase c, TissueKind kind, TissueCaseState target)
    {
        var unit = await TissueUnitAsync(BankOf(kind));
        while (c.State != target)
        {
            c = c.State switch
            {
                TissueCaseState.TissueDeathNotified => await unit.RecoverTissueAsync(new RecoverTissueRequest
                {
                    Name = c.Name, Etag = c.Etag, RecoverTime = Timestamp.FromDateTimeOffset(Now.AddMinutes(-1)), DocumentReference = "RT-1",
                }),
                TissueCaseState.Recovered => await unit.RecordTissueUseAsync(new RecordTissueUseRequest
                {
                    Name = c.Name, Etag = c.Etag, Use = kind == TissueKind.Cornea ? TissueUse.Transplant : TissueUse.TissueResearch,
                }),
                TissueCaseState.Used => await MemorialiseTissueAsync(c),
                _ => throw new InvalidOperationException($"{target} is not reachable on the main path from {c.State}."),
            };
        }
        return c;
    }

    public static RecordMemorialRequest Memorial(string caseName, string etag, string? name = "张三", string site = "生命礼敬园") => new()
    {
        Case = caseName,
        Etag = etag,
        Site = site,
        InscriptionConsented = name is not null,
        ConsentDocumentReference = name is null ? "" : "MEM-CONSENT-1",
        InscribedName = name ?? "",
    };

    private async Task<BodyCase> MemorialiseBodyAsync(BodyCase c)
    {
        await (await MemorialsAsync()).RecordMemorialAsync(Memorial(c.Name, c.Etag));
        return await (await BodyCoordinatorAsync()).GetBodyCaseAsync(new GetBodyCaseRequest { Name = c.Name, Purpose = Purpose });
    }

    private async Task<TissueCase> MemorialiseTissueAsync(TissueCase c)
    {
        await (await MemorialsAsync()).RecordMemorialAsync(Memorial(c.Name, c.Etag, name: null));
        return await (await TissueCoordinatorAsync()).GetTissueCaseAsync(new GetTissueCaseRequest { Name = c.Name, Purpose = Purpose });
    }
}
