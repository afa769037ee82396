using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Visits;
using Xunit;

namespace DonationRegistry.FamilyCare.Domain.Tests;

/// <summary>
/// docs/diagrams/familycare-lifecycles.md is drawn by the state machines themselves; this test fails when code and document drift
/// apart (regenerate with <c>DR_WRITE_DIAGRAMS=1 dotnet test tests/FamilyCare.Domain.Tests --filter LifecycleDiagram</c>).
/// </summary>
public sealed class LifecycleDiagramTests
{
    [Fact]
    public void Document_WhenComparedWithTheStateMachines_ShowsTheirCurrentDiagrams()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "diagrams", "familycare-lifecycles.md");
        var expected = Render();

        if (Environment.GetEnvironmentVariable("DR_WRITE_DIAGRAMS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with DR_WRITE_DIAGRAMS=1 to write it.");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    private static string Render() =>
        "# FamilyCare lifecycles (generated)\n\n" +
        "Drawn by the code (`AidLifecycle.ToMermaid()`, `VisitLifecycle.ToMermaid()`); a test keeps this file current.\n\n" +
        "## Student aid (小桔灯助学)\n\n```mermaid\n" + AidLifecycle.ToMermaid().ReplaceLineEndings("\n").TrimEnd() + "\n```\n\n" +
        "## Care visit (走访)\n\n```mermaid\n" + VisitLifecycle.ToMermaid().ReplaceLineEndings("\n").TrimEnd() + "\n```\n";

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
