extern alias registration;

using System.Text;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit;
using CsvDocument = registration::DonationRegistry.Registration.Application.CsvDocument;
using RegistrationStatus = registration::DonationRegistry.Registration.Domain.Registrations.RegistrationStatus;
using DonationRegistry.TestSupport.Security;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// ImportRegistrations through gRPC against the real database: a 10,000-row drive file with 1 % bad rows, re-import, duplicates
/// inside a file, header and encoding errors, and the CSV reader itself.
/// </summary>
[Collection(RegistrationFixture.Collection)]
public sealed class ImportTests(RegistrationFixture fixture)
{
    /// <summary>Ways a row goes bad, and the column the report must name.</summary>
    private static readonly (string Field, Func<string, string> Row)[] BadRows =
    [
        ("证件号码", id => ImportCsv.Row(TestIdNumbers.WithWrongCheckCharacter(id))),                 // wrong check character
        ("捐献范围", id => ImportCsv.Row(id).Replace("肾脏;肝脏", "肾脏;翅膀", StringComparison.Ordinal)), // unknown scope item
        ("姓名", id => ImportCsv.Row(id, name: "")),                                                // name missing
        ("手机号码", id => ImportCsv.Row(id).Replace("13800138000", "12345", StringComparison.Ordinal)),  // not a mobile number
        ("敏感信息同意", id => ImportCsv.Row(id).Replace(",是,是", ",否,是", StringComparison.Ordinal)),  // no consent to sensitive data
        ("捐献类型", id => ImportCsv.Row(id).Replace(",器官,", ",血液,", StringComparison.Ordinal)),     // unknown programme
        ("捐献范围", id => ImportCsv.Row(id).Replace(",器官,", ",遗体组织,", StringComparison.Ordinal)), // organs under the body programme
        ("执行人姓名", id => ImportCsv.BodyRow(id).Replace("养老机构,浙江民生社会养老服务中心,0571-88889999", ",,", StringComparison.Ordinal)), // body without executor
        ("证件号码", _ => ImportCsv.Row(TestPeople.NewIdNumber(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-16)))), // under 18
        ("出生日期", id => ImportCsv.Row(id).Replace("居民身份证," + id + ",", "护照,E12345678,1990-13-45", StringComparison.Ordinal)), // impossible date
    ];

    [Fact]
    public async Task ImportRegistrations_When10000RowsWith1PercentBad_StreamsProgressReportsBadRowsAndRegistersGoodRowsOnce()
    {
        const int rows = 10_000;
        var point = await fixture.CreateActivePointAsync("330106");
        var expectedErrors = new Dictionary<int, string>();
        var csv = new StringBuilder("\uFEFF" + ImportCsv.Header + "\r\n");
        for (var i = 0; i < rows; i++)
        {
            var id = TestPeople.NewIdNumber();
            if (i % 100 == 37)
            {
                var bad = BadRows[i / 100 % BadRows.Length];
                csv.Append(bad.Row(id)).Append("\r\n");
                expectedErrors[i + 2] = bad.Field;
            }
            else
            {
                csv.Append(i % 3 == 0 ? ImportCsv.BodyRow(id) : ImportCsv.Row(id)).Append("\r\n");
            }
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());

        var first = await ImportAsync(point.ClerkToken, point.Name, bytes);

        var last = first[^1];
        Assert.True(last.Done);
        Assert.All(first[..^1], m => Assert.False(m.Done));
        Assert.True(first.Count >= rows / 500, $"expected progress every 500 rows, got {first.Count} messages");
        Assert.Equal(first.Select(m => m.RowsRead).Order(), first.Select(m => m.RowsRead));
        Assert.Equal((rows, rows, 9_900, 0, 100), (last.RowsTotal, last.RowsRead, last.RowsRegistered, last.RowsSkipped, last.RowsRejected));
        Assert.Equal(expectedErrors.Keys.Order(), last.Errors.Select(e => e.Row).Distinct().Order());
        foreach (var error in last.Errors)
        {
            Assert.Equal(expectedErrors[error.Row], error.Field);
            Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        }
        var pointId = Guid.Parse(point.Name["registrationPoints/".Length..]);
        Assert.Equal(9_900, await CountAtPointAsync(pointId));
        Assert.Equal(9_900, await fixture.WithDbAsync(db => db.Registrations.CountAsync(r => r.PointId == pointId && r.Status == RegistrationStatus.Draft)));

        var second = await ImportAsync(point.ClerkToken, point.Name, bytes);

        Assert.Equal((rows, 0, 9_900, 100), (second[^1].RowsRead, second[^1].RowsRegistered, second[^1].RowsSkipped, second[^1].RowsRejected));
        Assert.Equal(9_900, await CountAtPointAsync(pointId));
    }

    [Fact]
    public async Task ImportRegistrations_WhenSamePersonTwiceInFileOrAlreadyRegistered_SkipsWithoutDuplicating()
    {
        var point = await fixture.CreateActivePointAsync("330106");
        var (a, b, c) = (TestPeople.NewIdNumber(), TestPeople.NewIdNumber(), TestPeople.NewIdNumber());
        await fixture.Client<Registrations.RegistrationsClient>(point.ClerkToken)
            .CreateRegistrationAsync(TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(c)));
        var csv = string.Join("\n", ImportCsv.Header, ImportCsv.Row(a), ImportCsv.Row(b), ImportCsv.Row(a, name: "张三丰"),
            ImportCsv.Row(c), ImportCsv.BodyRow(a));

        var result = (await ImportAsync(point.ClerkToken, point.Name, Encoding.UTF8.GetBytes(csv)))[^1];

        // a and b are new; a again and c (registered before) are skipped; a's body-and-tissue row is another programme, so new.
        Assert.Equal((5, 3, 2, 0), (result.RowsRead, result.RowsRegistered, result.RowsSkipped, result.RowsRejected));
        Assert.Equal(4, await CountAtPointAsync(Guid.Parse(point.Name["registrationPoints/".Length..])));
    }

    [Fact]
    public async Task ImportRegistrations_WhenRequiredColumnMissing_ReturnsInvalidArgumentNamingTheColumn()
    {
        var point = await fixture.CreateActivePointAsync("330106");
        var csv = ImportCsv.Header.Replace(",证件号码", "", StringComparison.Ordinal) + "\n张三,居民身份证\n";

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ImportAsync(point.ClerkToken, point.Name, Encoding.UTF8.GetBytes(csv)));

        Assert.Contains("证件号码", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRegistrations_WhenFileIsNotUtf8_ReturnsInvalidArgumentAndWritesNothing()
    {
        var point = await fixture.CreateActivePointAsync("330106");
        // "姓名" in GBK: 0xD0 0xD5 0xC3 0xFB is not valid UTF-8.
        byte[] gbk = [0xD0, 0xD5, 0xC3, 0xFB, (byte)'\n', 0xD5, 0xC5];

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ImportAsync(point.ClerkToken, point.Name, gbk));

        Assert.Equal(0, await CountAtPointAsync(Guid.Parse(point.Name["registrationPoints/".Length..])));
    }

    [Fact]
    public void CsvDocument_WhenQuotedFieldsHoldCommasQuotesAndLineBreaks_ReadsRecordsWithSpreadsheetRowNumbers()
    {
        var text = "\uFEFF a , b ,c\r\n1,\"x, \"\"y\"\"\",\"line1\nline2\"\r\n\r\n2,,\"\"\n";

        var csv = CsvDocument.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(["a", "b", "c"], csv.Header);
        Assert.Equal(2, csv.Records.Count);
        Assert.Equal(2, csv.Records[0].Row);
        Assert.Equal(["1", "x, \"y\"", "line1\nline2"], csv.Records[0].Fields);
        Assert.Equal(4, csv.Records[1].Row);
        Assert.Equal(["2", "", ""], csv.Records[1].Fields);
    }

    private async Task<List<ImportProgress>> ImportAsync(string token, string pointName, byte[] csv)
    {
        var client = fixture.Client<Registrations.RegistrationsClient>(token);
        using var call = client.ImportRegistrations(new ImportRegistrationsRequest
        {
            RegistrationPoint = pointName, FileName = "drive.csv", Csv = ByteString.CopyFrom(csv),
        });
        var messages = new List<ImportProgress>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            messages.Add(call.ResponseStream.Current);
        }
        return messages;
    }

    private Task<int> CountAtPointAsync(Guid pointId) =>
        fixture.WithDbAsync(db => db.Registrations.CountAsync(r => r.PointId == pointId));
}
