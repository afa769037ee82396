using DonationRegistry.Hsc.Domain.Collection;
using Xunit;

namespace DonationRegistry.Hsc.Domain.Tests.Collection;

/// <summary>
/// docs/diagrams/hsc-collection-case.md is drawn by the state machine itself; this test fails when the code and the document drift
/// apart (regenerate with <c>DR_WRITE_DIAGRAMS=1 dotnet test tests/Hsc.Domain.Tests --filter CollectionDiagram</c>).
/// </summary>
public sealed class CollectionDiagramTests
{
    [Fact]
    public void Document_WhenComparedWithTheStateMachine_ShowsItsCurrentDiagram()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "diagrams", "hsc-collection-case.md");
        var expected =
            "# HSC collection case (generated)\n\n" +
            "Drawn by the code (`CollectionProcedure.ToMermaid()`, also returned by the rpc `GetCollectionCaseDiagram`); a test keeps " +
            "this file current. Regenerate: `DR_WRITE_DIAGRAMS=1 dotnet test tests/Hsc.Domain.Tests --filter CollectionDiagram`. " +
            "Rules: docs/hsc-collection.md.\n\n" +
            "```mermaid\n" + CollectionProcedure.ToMermaid().ReplaceLineEndings("\n").TrimEnd() + "\n```\n";

        if (Environment.GetEnvironmentVariable("DR_WRITE_DIAGRAMS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with DR_WRITE_DIAGRAMS=1 to write it.");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
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
