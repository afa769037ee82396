using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

/// <summary>
/// Malformed typings, GL Strings, HML documents and CSV files: each answers INVALID_ARGUMENT with a field violation naming the
/// field and the offending token, and nothing is written (no typing row, the donor unchanged).
/// </summary>
[Collection(HscFixture.Collection)]
public sealed class BadInputTests(HscFixture fixture)
{
    private readonly DonorSteps _steps = new(fixture);

    private const string Rest = "^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01";

    public static TheoryData<string, string> GlStrings() => new()
    {
        { "A*99:99+A*01:01" + Rest, "A*99:99" },
        { "A*01:01:01:999+A*01:01" + Rest, "A*01:01:01:999" },
        { "A*01:01+A*02:01+A*03:01" + Rest, "A*01:01+A*02:01+A*03:01" },
        { "A*01:01++A*02:01" + Rest, "A*01:01++A*02:01" },
        { "A*01:01+A*02:01^^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", "A*01:01+A*02:01^^B*08:01" },
        { "A*01:01+A*02:01" + Rest + "^", "A*01:01+A*02:01^B*08:01" },
        { "A*01:01+A*02:01^A*03:01+A*11:01" + Rest, "A*03:01" },
        { "A*0x:01+A*01:01" + Rest, "A*0x:01" },
        { "A*01:01+A*02:01^HLA-Q*01:01+HLA-Q*01:02" + Rest, "HLA-Q*01:01" },
        { "A*01:34N+A*01:01" + Rest, "A*01:34N" },
        { "A*01:01/B*08:01+A*02:01" + Rest, "B*08:01" },
        { "A*01:ZZZZ+A*02:01" + Rest, "A*01:ZZZZ" },
        { "A*99:99P+A*02:01" + Rest, "A*99:99P" },
        { "A*99:99:99G+A*02:01" + Rest, "A*99:99:99G" },
        { "A*01:01+A*02:01^B999+B8^DRB1*03:01+DRB1*04:01", "B999" },
        { "A*01:01~+A*02:01" + Rest, "A*01:01~" },
        { "A*01:01+A*02:01|" + Rest, "A*01:01+A*02:01|" },
        { "A*01:01+A*02:01^B*08:01+B*44:02^DRB1*99:01+DRB1*04:01", "DRB1*99:01" },
        { "A*01:01+A*02:01" + Rest + "^DQB1*99:01+DQB1*02:01", "DQB1*99:01" },
        { "A*01:01:01:01:01+A*02:01" + Rest, "A*01:01:01:01:01" },
        { "A*:01+A*02:01" + Rest, "A*:01" },
        { "A*01:01+A*02:01" + Rest + "^DPB1*9999:01+DPB1*04:01", "DPB1*9999:01" },
        { "A*01:01+A*02:01" + Rest + "^DRB3*99:01+DRB3*01:01", "DRB3*99:01" },
        { "A*9999+A*02:01" + Rest, "A*9999" },
        { "A*01:01+B*08:01^DRB1*03:01+DRB1*04:01", "A*01:01+B*08:01" },
        { "A*01:01$+A*02:01" + Rest, "A*01:01$" },
    };

    [Theory]
    [MemberData(nameof(GlStrings))]
    public async Task RecordTyping_WhenTheGlStringIsMalformed_IsInvalidNamingTheTokenAndWritesNothing(string glString, string token)
    {
        var (name, _) = await _steps.SampledAsync();
        var client = await _steps.CoordinatorAsync();
        var before = await SnapshotAsync(name);

        await RpcAssert.InvalidAsync("gl_string", token, async () =>
            await client.RecordTypingAsync(new RecordTypingRequest { Name = name, GlString = glString }));

        Assert.Equal(before, await SnapshotAsync(name));
    }

    public static TheoryData<string, string, string> HmlDocuments() => new()
    {
        // (document with {S} for the donor's sample id, expected field prefix, expected token)
        { "this is not XML", "hml", "'line 1'" },
        { "<foo xmlns=\"urn:other\"/>", "hml", "foo" },
        { DonorSteps.Hml(("{S}", ["HLA-A*99:99+HLA-A*01:01", "HLA-B*08:01+HLA-B*44:02", "HLA-DRB1*03:01+HLA-DRB1*04:01"])), "hml.samples[0]", "A*99:99" },
        { DonorSteps.Hml(("NO-SUCH-SAMPLE", ["HLA-A*01:01+HLA-A*02:01"])), "hml.samples[0]", "NO-SUCH-SAMPLE" },
        { DonorSteps.Hml(("{S}", ["HLA-A*01:01+HLA-A*02:01", "HLA-B*08:01+HLA-B*44:02+HLA-B*07:02"])), "hml.samples[0]", "HLA-B*08:01+HLA-B*44:02+HLA-B*07:02" },
        { DonorSteps.Hml(("{S}", ["HLA-A*01:01+HLA-A*02:01", "HLA-A*03:01+HLA-A*11:01"])), "hml", "HLA-A*03:01+HLA-A*11:01" },
        { DonorSteps.Hml(("{S}", ["HLA-DRB1*01:01+HLA-DRB1*01:XYZQ"])), "hml.samples[0]", "DRB1*01:XYZQ" },
    };

    [Theory]
    [MemberData(nameof(HmlDocuments))]
    public async Task UploadHml_WhenTheDocumentIsBad_IsInvalidNamingTheTokenAndWritesNothing(string document, string field, string token)
    {
        var (name, sampleId) = await _steps.SampledAsync();
        var client = await _steps.CoordinatorAsync();
        var before = await SnapshotAsync(name);

        await RpcAssert.InvalidAsync(field, token, async () =>
            await client.UploadHmlAsync(new UploadHmlRequest { Hml = ByteString.CopyFromUtf8(document.Replace("{S}", sampleId, StringComparison.Ordinal)) }));

        Assert.Equal(before, await SnapshotAsync(name));
    }

    public static TheoryData<string, string, string> CsvFiles() => new()
    {
        { "sample_id,A_1,A_2,B_1,B_2,DRB1_1,DRB1_2\n{S},99:99,02:01,08:01,44:02,03:01,04:01\n", "csv.rows[1]", "A*99:99" },
        { "sample_id,A_1,A_2,DRB1_1,DRB1_2\n{S},01:01,02:01,03:01,04:01\n", "csv.header", "B_1" },
        { "sample_id,A_1,B_1,DRB1_1,X_1\n{S},01:01,08:01,03:01,1\n", "csv.header", "X_1" },
        { "sample_id,A_1,B_1,DRB1_1,method\n{S},01:01,08:01,03:01,PCR\n", "csv.rows[1].method", "PCR" },
        { "sample_id,A_1,A_2,B_1,DRB1_1\n{S},,02:01,08:01,03:01\n", "csv.rows[1].A_1", "A*02:01" },
        { "sample_id,A_1,B_1,DRB1_1\nUNKNOWN-SAMPLE,01:01,08:01,03:01\n", "csv.rows[1]", "UNKNOWN-SAMPLE" },
        { "sample_id,A_1,B_1,DRB1_1\n{S},01:01,08:01,03:01\n{S},01:01,08:01,03:01\n", "csv.rows[2]", "{S}" },
    };

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public async Task ImportTypingsCsv_WhenTheFileIsBad_IsInvalidNamingTheTokenAndWritesNothing(string csv, string field, string token)
    {
        var (name, sampleId) = await _steps.SampledAsync();
        var client = await _steps.CoordinatorAsync();
        var before = await SnapshotAsync(name);

        await RpcAssert.InvalidAsync(field, token.Replace("{S}", sampleId, StringComparison.Ordinal), async () =>
            await client.ImportTypingsCsvAsync(new ImportTypingsCsvRequest { Csv = ByteString.CopyFromUtf8(csv.Replace("{S}", sampleId, StringComparison.Ordinal)) }));

        Assert.Equal(before, await SnapshotAsync(name));
    }

    [Theory]
    [InlineData("A*99:99", "A*99:99")]
    [InlineData("B*08:01:01:01:01", "B*08:01:01:01:01")]
    [InlineData("Cw99", "Cw99")]
    public async Task ReduceTyping_WhenTheTypingIsUnknown_IsInvalidNamingTheToken(string typing, string token)
    {
        var search = fixture.Client<Search.SearchClient>(await fixture.CoordinatorTokenAsync());

        await RpcAssert.InvalidAsync("typing", token, async () =>
            await search.ReduceTypingAsync(new ReduceTypingRequest { Typing = typing, Target = ReductionTarget.G }));
    }

    [Theory]
    [InlineData("B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", "B*08:01+B*44:02^DRB1*03:01+DRB1*04:01")]
    [InlineData("A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*77:77", "DRB1*77:77")]
    public async Task SubmitSearch_WhenThePatientTypingIsBad_IsInvalidAndStoresNoSearch(string typing, string token)
    {
        var search = fixture.Client<Search.SearchClient>(await fixture.CoordinatorTokenAsync());
        var before = await fixture.WithDbAsync(db => db.Searches.CountAsync());

        await RpcAssert.InvalidAsync("patient_typing", token, async () => await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-bad", PatientTyping = typing, Criteria = new SearchCriteria { Preset = CriteriaPreset.TenOfTen },
        }));

        Assert.Equal(before, await fixture.WithDbAsync(db => db.Searches.CountAsync()));
    }

    /// <summary>What a refused write must leave alone: the donor's row, every typing row, the audit log size.</summary>
    private Task<string> SnapshotAsync(string name)
    {
        var id = Guid.Parse(name["donors/".Length..]);
        return fixture.WithDbAsync(async db =>
        {
            var donor = await db.Donors.AsNoTracking().SingleAsync(d => d.Id == id);
            var typings = await db.Typings.CountAsync();
            var audit = await db.Audit.CountAsync(a => a.SubjectId == id);
            return $"{donor.Status}|{donor.CurrentTypingId}|{donor.UpdatedAt:O}|{donor.Version}|{typings}|{audit}";
        });
    }
}
