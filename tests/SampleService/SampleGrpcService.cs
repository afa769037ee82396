using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.SampleService.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace DonationRegistry.SampleService;

/// <summary>Thin service over the platform's defaults; see sample.proto.</summary>
public sealed class SampleGrpcService : Sample.SampleBase
{
    [Authorize(Policy = ScopePolicy.Registration, Roles = Roles.RegistryOfficer)]
    public override Task<WhoAmI> GetWhoAmI(GetWhoAmIRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        return Task.FromResult(new WhoAmI { Subject = caller.Subject, Role = caller.Role, OrgId = caller.OrgId ?? "", Region = caller.Region ?? "" });
    }

    [AllowAnonymous]
    public override Task<CheckVolunteerResponse> CheckVolunteer(CheckVolunteerRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            violations.Add(new FieldViolation("name", "Name is required."));
        }
        if (request.Age < 18)
        {
            violations.Add(new FieldViolation("age", "Volunteers must be 18 or over."));
        }
        return violations.Count > 0
            ? throw new ValidationFailedException(violations, "输入有误，请检查标注的字段。")
            : Task.FromResult(new CheckVolunteerResponse { Valid = true });
    }

    [AllowAnonymous]
    public override Task<ExplodeResponse> Explode(ExplodeRequest request, ServerCallContext context) =>
        throw new InvalidOperationException("secret connection string Password=hunter2");

    [AllowAnonymous]
    public override Task<RevokeResponse> Revoke(RevokeRequest request, ServerCallContext context) =>
        throw new IllegalTransitionException("Draft", "Revoke", ["Submit", "Cancel"]);
}
