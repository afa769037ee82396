using DonationRegistry.Hsc.V1;

namespace DonationRegistry.Hsc.Tests;

/// <summary>Donors in a given state through the API (a coordinator of the donor's city acts).</summary>
public sealed class DonorSteps(HscFixture fixture)
{
    public async Task<DonorPool.DonorPoolClient> CoordinatorAsync(string city = "330100") =>
        fixture.Client<DonorPool.DonorPoolClient>(await fixture.CoordinatorTokenAsync(city));

    /// <summary>An enrolled donor with a sample recorded; returns its resource name and sample id.</summary>
    public async Task<(string Name, string SampleId)> SampledAsync(string region = "330106", int birthYear = 1995, string sex = "Male")
    {
        var id = await fixture.EnrolAsync(region, birthYear, sex);
        var sampleId = "S-" + Guid.NewGuid().ToString("N")[..12];
        var client = await CoordinatorAsync(region[..4] + "00");
        await client.RecordSampleAsync(new RecordSampleRequest { Name = $"donors/{id}", SampleId = sampleId });
        return ($"donors/{id}", sampleId);
    }

    /// <summary>An Available donor typed with <paramref name="glString"/>.</summary>
    public async Task<Donor> AvailableAsync(string glString, string region = "330106", int birthYear = 1995, string sex = "Male",
        AboGroup abo = AboGroup.Unspecified)
    {
        var (name, _) = await SampledAsync(region, birthYear, sex);
        var client = await CoordinatorAsync(region[..4] + "00");
        var donor = await client.RecordTypingAsync(new RecordTypingRequest { Name = name, GlString = glString, Method = TypingMethod.Ngs });
        if (abo != AboGroup.Unspecified)
        {
            donor = await client.SetDonorAttributesAsync(new SetDonorAttributesRequest { Name = name, Abo = abo });
        }
        return donor;
    }

    /// <summary>An HML 1.0.1 document with one sample per (sample id, locus GL Strings).</summary>
    public static string Hml(params (string SampleId, string[] LocusGlStrings)[] samples)
    {
        var body = string.Concat(samples.Select(s =>
            $"""
              <sample id="{s.SampleId}" center-code="888">
            {string.Concat(s.LocusGlStrings.Select(g => $"""
                <typing gene-family="HLA" date="2026-11-01">
                  <allele-assignment date="2026-11-01" allele-db="IMGT/HLA" allele-version="3.58.0">
                    <glstring>{g}</glstring>
                  </allele-assignment>
                  <typing-method><sbt-ngs locus="{g.Split('*')[0]}" test-id="GTR000000000.0" test-id-source="NCBI-GTR" /></typing-method>
                </typing>

            """))}  </sample>

            """));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <hml xmlns="http://schemas.nmdp.org/spec/hml/1.0.1" version="1.0.1" project-name="LAB">
              <reporting-center reporting-center-id="888" />
            {body}</hml>
            """;
    }
}
