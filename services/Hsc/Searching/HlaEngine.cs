using Grpc.Core;

namespace DonationRegistry.Hsc.Searching;

/// <summary>
/// The IMGT/HLA release and the donor index this replica serves with, swapped atomically on reload (interpretation and index are
/// wired to the HLA library's nomenclature and index when they land).
/// </summary>
public sealed class HlaEngine
{
    public bool IsLoaded => false;

    public void Apply(IReadOnlyList<DonorRow> rows) => _ = rows;

    public InterpretedTyping Interpret(string glString) =>
        throw new RpcException(new Status(StatusCode.Unavailable, $"The HLA nomenclature is not loaded yet; cannot read '{glString}'."));
}
