using DonationRegistry.Hsc.V1;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>
/// The diagram committed in docs is what the running service's rpc returns (the domain test keeps the file equal to the machine;
/// this one proves the rpc serves that machine, through gRPC with a real token).
/// </summary>
[Collection(CollectionFixture.Collection)]
public sealed class CollectionDiagramRpcTests(CollectionFixture fixture)
{
    [Fact]
    public async Task GetCollectionCaseDiagram_WhenCalled_ReturnsTheMermaidCommittedInDocs()
    {
        var hospital = await new CollectionSteps(fixture, Parties.Ningbo).HospitalAsync();

        var diagram = await hospital.GetCollectionCaseDiagramAsync(new GetCollectionCaseDiagramRequest());

        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagrams", "hsc-collection-case.md")).ReplaceLineEndings("\n");
        var start = document.IndexOf("```mermaid\n", StringComparison.Ordinal) + "```mermaid\n".Length;
        var committed = document[start..document.IndexOf("\n```", start, StringComparison.Ordinal)];
        Assert.Equal(committed, diagram.Mermaid.ReplaceLineEndings("\n").TrimEnd());
        foreach (var step in new[] { "MedicalExam", "Evaluation", "CollectionPlan", "AdmissionAndMobilisation", "CollectionAndHandover", "FollowUp", "Archiving", "FeeSettlement", "Suspended", "Cancelled", "Closed" })
        {
            Assert.Contains(step, diagram.Mermaid, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("DonationRegistry.sln not found above the test folder.");
    }
}
