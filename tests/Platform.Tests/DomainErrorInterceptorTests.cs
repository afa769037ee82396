using DonationRegistry.SampleService.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Platform.Tests;

/// <summary>The interceptor as a caller meets it: through a gRPC channel to a running service.</summary>
public sealed class DomainErrorInterceptorTests : IAsyncLifetime
{
    // Anonymous methods only: the issuer is never contacted.
    private readonly SampleServiceHost _host = new("http://127.0.0.1:9/");
    private Sample.SampleClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new Sample.SampleClient(_host.Channel());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CheckVolunteer_WhenFieldsInvalid_ReturnsInvalidArgumentWithEachFieldViolation()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.CheckVolunteerAsync(new CheckVolunteerRequest { Name = " ", Age = 17 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(["name", "age"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("zh-CN", status.GetDetail<LocalizedMessage>()?.Locale);
    }

    [Fact]
    public async Task CheckVolunteer_WhenValid_Succeeds()
    {
        var reply = await _client.CheckVolunteerAsync(new CheckVolunteerRequest { Name = "张三", Age = 30 });

        Assert.True(reply.Valid);
    }

    [Fact]
    public async Task Explode_WhenUnexpectedException_ReturnsInternalWithoutExceptionText()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.ExplodeAsync(new ExplodeRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.DoesNotContain("hunter2", ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Reference", ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(ex.Trailers, t => t.Key != "grpc-status-details-bin" && t.Value.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_WhenTransitionIllegal_ReturnsFailedPreconditionNamingStateAndAllowedTriggers()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.RevokeAsync(new RevokeRequest()).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("Draft", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Submit, Cancel", ex.Status.Detail, StringComparison.Ordinal);
        var info = ex.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal("Draft", info!.Metadata["state"]);
    }

    [Fact]
    public async Task Health_WhenServiceRunning_AliveAndHealthAnswerOk()
    {
        using var http = _host.Http();

        Assert.True((await http.GetAsync(new Uri("/alive", UriKind.Relative))).IsSuccessStatusCode);
        Assert.True((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode);
    }
}
