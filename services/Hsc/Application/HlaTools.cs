using DonationRegistry.Common.Errors;
using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using DonationRegistry.Hsc.Searching;
using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.Hsc.Application;

/// <summary>How the service reads typings, for coordinators and for checking correctness from outside: reductions, one-pair
/// explanations, and the release in use and its reload (administrators).</summary>
public sealed class HlaTools(HlaEngine engine)
{
    public const int MaxTypingLength = 20_000;

    /// <summary>The reduction of one typing and how it was read (form, candidate alleles, P groups).</summary>
    public (string Result, PositionTyping Interpretation, IReadOnlyList<string> PGroups, string Release) Reduce(Caller caller, string? typing,
        ReductionTarget? target)
    {
        AccessPolicy.Require(caller, Operation.UseHlaTools);
        var nomenclature = engine.Current.Nomenclature;
        var text = (typing ?? "").Trim();
        if (text.Length is 0 or > MaxTypingLength)
        {
            throw new ValidationFailedException("typing", $"Give one typing (1–{MaxTypingLength} characters).");
        }
        if (target is null)
        {
            throw new ValidationFailedException("target", "Choose G, P, LG, LGX or SEROLOGY_ANTIGEN.");
        }
        try
        {
            var position = nomenclature.Interpret(text);
            var result = nomenclature.Reduce(text, target.Value);
            return (result, position, [.. position.PGroups.Select(id => nomenclature.PGroupName(position.Locus, id))], nomenclature.Release);
        }
        catch (HlaTypingException ex)
        {
            throw new ValidationFailedException("typing", TypingCommands.Describe(ex), "分型无法识别。");
        }
    }

    /// <summary>Scores a patient against a donor at every locus (10/10 criteria; untyped optional loci count as potential).</summary>
    public (DonorMatch Match, string Release) Explain(Caller caller, string? patientTyping, string? donorTyping)
    {
        AccessPolicy.Require(caller, Operation.UseHlaTools);
        var nomenclature = engine.Current.Nomenclature;
        var v = new List<FieldViolation>();
        var patient = Parse(nomenclature, patientTyping, "patient_typing", v);
        var donor = Parse(nomenclature, donorTyping, "donor_typing", v);
        if (v.Count > 0)
        {
            throw new ValidationFailedException(v, "分型无法识别。");
        }
        var explanation = MatchExplainer.Explain(patient!, donor!, MatchCriteria.TenOfTen, new NomenclatureGrader(nomenclature));
        return (explanation.Match, nomenclature.Release);
    }

    public HlaEngine Release(Caller caller)
    {
        AccessPolicy.Require(caller, Operation.UseHlaTools);
        return engine;
    }

    /// <summary>Starts loading another release in the background; FAILED_PRECONDITION when one is already loading.</summary>
    public HlaEngine Reload(Caller caller, string? version)
    {
        AccessPolicy.Require(caller, Operation.ReloadRelease);
        var loadable = engine.LoadableVersions();
        if (string.IsNullOrWhiteSpace(version) || !loadable.Contains(version.Trim()))
        {
            throw new ValidationFailedException("version", $"'{version}': not a loadable release; choose one of {string.Join(", ", loadable)}.");
        }
        if (!engine.StartReload(version.Trim()))
        {
            throw new IllegalTransitionException(engine.ReloadState, "ReloadHlaRelease", [], "正在加载另一个版本，请稍后再试。");
        }
        return engine;
    }

    private static Genotype? Parse(HlaNomenclature nomenclature, string? glString, string field, List<FieldViolation> v)
    {
        if (string.IsNullOrWhiteSpace(glString) || glString.Length > MaxTypingLength)
        {
            v.Add(new FieldViolation(field, "Give the typing as a GL String."));
            return null;
        }
        try
        {
            return nomenclature.ParseGlString(glString.Trim());
        }
        catch (HlaTypingException ex)
        {
            v.Add(new FieldViolation(field, TypingCommands.Describe(ex)));
            return null;
        }
    }
}
