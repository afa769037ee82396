using DonationRegistry.OrganCoordination.Domain.BodyCases;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using DonationRegistry.OrganCoordination.Domain.TissueCases;
using Xunit;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

/// <summary>
/// The diagrams in docs/diagrams/organ-lifecycles.md are drawn by the state machines themselves; this test fails when the code and
/// the document drift apart (regenerate with <c>DR_WRITE_DIAGRAMS=1 dotnet test --filter LifecycleDiagram</c>).
/// </summary>
public sealed class LifecycleDiagramTests
{
    [Fact]
    public void Document_WhenComparedWithTheStateMachines_ShowsTheirCurrentDiagrams()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "diagrams", "organ-lifecycles.md");
        var expected = Render();

        if (Environment.GetEnvironmentVariable("DR_WRITE_DIAGRAMS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with DR_WRITE_DIAGRAMS=1 to write it.");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToMermaid_ForEachMachine_IsAStateDiagramNamingEveryState()
    {
        AssertNamesAll<OrganCaseStatus>(OrganCaseLifecycle.ToMermaid());
        AssertNamesAll<BodyCaseStatus>(BodyCaseLifecycle.ToMermaid());
        AssertNamesAll<TissueCaseStatus>(TissueCaseLifecycle.ToMermaid());
        AssertNamesAll<CredentialStatus>(CredentialLifecycle.ToMermaid());
    }

    private static void AssertNamesAll<TState>(string diagram) where TState : struct, Enum
    {
        Assert.StartsWith("stateDiagram", diagram, StringComparison.Ordinal);
        foreach (var state in Enum.GetValues<TState>())
        {
            Assert.Contains(state.ToString(), diagram, StringComparison.Ordinal);
        }
    }

    private static string Render() =>
        "# Organ, body and tissue donation lifecycles (generated)\n\n" +
        "Drawn by the code (`OrganCaseLifecycle`, `BodyCaseLifecycle`, `TissueCaseLifecycle`, `CredentialLifecycle` `.ToMermaid()`);\n" +
        "a test in tests/OrganCoordination.Domain.Tests keeps this file current. The rules each step checks (consent of every required\n" +
        "relative, two thirds of the ethics committee, physicians not on the procurement team, two active witnesses, consented organs\n" +
        "only) live in the aggregates and are listed in docs/organ-coordination.md.\n\n" +
        Section("Organ donation case (人体器官捐献)", OrganCaseLifecycle.ToMermaid()) +
        Section("Body donation (遗体捐献)", BodyCaseLifecycle.ToMermaid()) +
        Section("Cornea and brain tissue (角膜、脑组织)", TissueCaseLifecycle.ToMermaid()) +
        Section("Coordinator credential (协调员资格)", CredentialLifecycle.ToMermaid()).TrimEnd('\n') + "\n";

    private static string Section(string title, string diagram) => $"## {title}\n\n```mermaid\n{diagram.TrimEnd()}\n```\n\n";

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
