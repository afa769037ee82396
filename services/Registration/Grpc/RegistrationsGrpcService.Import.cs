using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;

namespace DonationRegistry.Registration.Grpc;

/// <summary>ImportRegistrations: streams the importer's progress reports as <see cref="ImportProgress"/> messages.</summary>
public sealed partial class RegistrationsGrpcService
{
    public override async Task ImportRegistrations(ImportRegistrationsRequest request, IServerStreamWriter<ImportProgress> responseStream,
        ServerCallContext context)
    {
        var caller = context.GetCaller();
        var pointId = ResourceNames.ParsePoint(request.RegistrationPoint, "registration_point");
        // Resolved per call rather than through the constructor, so this part of the class stays independent of the rest.
        var importer = context.GetHttpContext().RequestServices.GetRequiredService<RegistrationImporter>();
        await importer.ImportAsync(caller, pointId, request.Csv.Memory, request.FileName, summary => responseStream.WriteAsync(ToMessage(summary), context.CancellationToken),
            context.CancellationToken);
    }

    private static ImportProgress ToMessage(ImportSummary summary)
    {
        var message = new ImportProgress
        {
            RowsRead = summary.RowsRead,
            RowsRegistered = summary.Registered,
            RowsSkipped = summary.Skipped,
            RowsRejected = summary.Rejected,
            RowsTotal = summary.Total,
            Done = summary.Done,
        };
        message.Errors.AddRange(summary.Errors.Select(e => new ImportRowError { Row = e.Row, Field = e.Field, Reason = e.Reason }));
        return message;
    }
}
