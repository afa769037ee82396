using DonationRegistry.Common.Errors;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Platform.Tests;

/// <summary>Every domain error kind maps to the status code ARCHITECTURE.md section 3 names.</summary>
public sealed class DomainErrorMappingTests
{
    public static TheoryData<DomainException, StatusCode> Cases => new()
    {
        { new ValidationFailedException("name", "required"), StatusCode.InvalidArgument },
        { new NotFoundException("Registration", "R1"), StatusCode.NotFound },
        { new IllegalTransitionException("Draft", "Confirm", ["Submit"]), StatusCode.FailedPrecondition },
        { new ConcurrentEditException("Registration", "R1"), StatusCode.Aborted },
        { new DuplicateException("exists"), StatusCode.AlreadyExists },
        { new AccessDeniedException("no"), StatusCode.PermissionDenied },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CodeOf_WhenDomainError_ReturnsDocumentedStatus(DomainException error, StatusCode expected) =>
        Assert.Equal(expected, DomainErrorInterceptor.CodeOf(error));
}
