using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.Registration.Domain.Registrations;
using Xunit;

namespace DonationRegistry.Registration.Domain.Tests;

/// <summary>
/// The lifecycle diagrams in docs/diagrams/registration-lifecycles.md are drawn by the state machines themselves; this test fails
/// when the code and the document drift apart (regenerate with <c>DR_WRITE_DIAGRAMS=1 dotnet test --filter LifecycleDiagram</c>).
/// </summary>
public sealed class LifecycleDiagramTests
{
    [Fact]
    public void Document_WhenComparedWithTheStateMachines_ShowsTheirCurrentDiagrams()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "diagrams", "registration-lifecycles.md");
        var expected = Render();

        if (Environment.GetEnvironmentVariable("DR_WRITE_DIAGRAMS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with DR_WRITE_DIAGRAMS=1 to write it.");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    private static string Render() =>
        "# Registration lifecycles (generated)\n\n" +
        "Drawn by the code (`PointLifecycle.ToMermaid()`, `RegistrationLifecycle.ToMermaid()`); a test keeps this file current.\n\n" +
        "## Registration point (登记点)\n\n```mermaid\n" + PointLifecycle.ToMermaid().TrimEnd() + "\n```\n\n" +
        "## Volunteer registration (登记)\n\n```mermaid\n" + RegistrationLifecycle.ToMermaid().ReplaceLineEndings("\n").TrimEnd() + "\n```\n";

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
