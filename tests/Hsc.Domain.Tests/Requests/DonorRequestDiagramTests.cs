using DonationRegistry.Hsc.Domain.Requests;
using Xunit;

namespace DonationRegistry.Hsc.Domain.Tests.Requests;

/// <summary>
/// docs/diagrams/hsc-donor-request.md is drawn by the workflow itself; this test fails when code and document drift apart
/// (regenerate with <c>DR_WRITE_DIAGRAMS=1 dotnet test tests/Hsc.Domain.Tests --filter DonorRequestDiagram</c>).
/// </summary>
public sealed class DonorRequestDiagramTests
{
    [Fact]
    public void Document_WhenComparedWithTheWorkflow_ShowsItsCurrentDiagram()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "diagrams", "hsc-donor-request.md");
        var expected =
            "# HSC donor request workflow (generated)\n\n" +
            "Drawn by the code (`DonorRequestLifecycle.ToMermaid()`); a test keeps this file current. Rules: docs/hsc-requests.md.\n\n" +
            "```mermaid\n" + DonorRequestLifecycle.ToMermaid().ReplaceLineEndings("\n").TrimEnd() + "\n```\n";

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
