using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.V1;
using Grpc.Core;
using Model = DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Grpc;

/// <summary>The Families API: validates every field first (nothing is written on bad input), then calls <see cref="FamilyCommands"/>.</summary>
public sealed class FamiliesGrpcService(FamilyCommands families, CareStatistics statistics, CareClock clock) : Families.FamiliesBase
{
    public override async Task<FamilyCareStatistics> GetFamilyCareStatistics(GetFamilyCareStatisticsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var region = fields.Region(string.IsNullOrEmpty(request.RegionCode) ? caller.Region : request.RegionCode, "region_code");
        if (request.Year != 0)
        {
            fields.Range(request.Year, 2016, 2100, "year");
        }
        fields.ThrowIfAny();
        var summary = await statistics.ComputeAsync(caller, region, request.Year == 0 ? null : request.Year, context.CancellationToken);
        return CareMapping.ToMessage(summary, region, request.Year);
    }

    public override async Task<Family> GetFamily(GetFamilyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Families, "name");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await families.GetAsync(caller, id, context.CancellationToken));
    }

    public override async Task<ListFamiliesResponse> ListFamilies(ListFamiliesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var region = fields.Region(string.IsNullOrEmpty(request.RegionCode) ? caller.Region : request.RegionCode, "region_code");
        fields.Range(request.PageSize, 0, 200, "page_size");
        fields.ThrowIfAny();
        var (page, next) = await families.ListAsync(caller, region, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListFamiliesResponse { NextPageToken = next ?? "" };
        response.Families.AddRange(page.Select(CareMapping.ToMessage));
        return response;
    }

    public override async Task<Family> RecordFamilyConsent(RecordFamilyConsentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Families, "name");
        var evidence = fields.Text(request.EvidenceReference, "evidence_reference", 100);
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await families.RecordConsentAsync(caller, id, evidence, context.CancellationToken));
    }

    public override async Task<Family> UpdateFamilyDetails(UpdateFamilyDetailsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Families, "name");
        if (request.Contact is null)
        {
            fields.Add("contact", "The contact person is required.");
        }
        var name = fields.Text(request.Contact?.DisplayName, "contact.display_name", 50);
        var phone = fields.Phone(request.Contact?.Phone, "contact.phone");
        var relationship = fields.Text(request.Contact?.Relationship, "contact.relationship", 20);
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await families.UpdateDetailsAsync(caller, id, new Model.ContactPerson(name, phone, relationship),
            request.CivilAffairsAssistance, context.CancellationToken));
    }

    public override async Task<Family> AddChild(AddChildRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Families, "name");
        var name = fields.Text(request.DisplayName, "display_name", 50);
        var birth = fields.Date(request.BirthDate, "birth_date");
        if (birth != default && (birth > clock.Today || birth < clock.Today.AddYears(-30)))
        {
            fields.Add("birth_date", "Must not be in the future nor more than 30 years ago.");
        }
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await families.AddChildAsync(caller, id, name, birth, context.CancellationToken));
    }

    public override async Task<Family> RecordGuardianConsent(RecordGuardianConsentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Families, "name");
        var child = fields.Uuid(request.ChildId, "child_id");
        var guardian = fields.Text(request.GuardianName, "guardian_name", 50);
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await families.RecordGuardianConsentAsync(caller, id, child, guardian, context.CancellationToken));
    }

    public override async Task<Family> RecordChildSchooling(RecordChildSchoolingRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Families, "name");
        var child = fields.Uuid(request.ChildId, "child_id");
        var school = fields.Text(request.School, "school", 100);
        var stage = fields.Enum(request.Stage, "stage");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await families.RecordChildSchoolingAsync(caller, id, child, school, (Model.SchoolStage)stage,
            context.CancellationToken));
    }

    public override async Task<Family> AddElder(AddElderRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Families, "name");
        var name = fields.Text(request.DisplayName, "display_name", 50);
        var age = fields.Range(request.Age, 50, 120, "age");
        var health = fields.Text(request.Health, "health", 200);
        var living = fields.Enum(request.LivingSituation, "living_situation");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await families.AddElderAsync(caller, id, name, age, health, (Model.LivingSituation)living,
            context.CancellationToken));
    }
}
