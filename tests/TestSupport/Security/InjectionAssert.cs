using Grpc.Core;
using Xunit;

namespace DonationRegistry.TestSupport.Security;

/// <summary>The rule of issue #9 for one injection-shaped filter value (see <see cref="InjectionStrings"/>).</summary>
public static class InjectionAssert
{
    /// <summary>
    /// Runs <paramref name="search"/> (returns how many rows it found, all of which the caller expects none of) and asserts a normal
    /// answer: OK and nothing found; or INVALID_ARGUMENT, allowed for an identifier filter (<paramref name="freeText"/> false), for
    /// the over-long input and for a NUL character. Returns the refusal, so the caller can check that it names the field.
    /// </summary>
    public static async Task<RpcException?> AnswersNormallyAsync(string field, string text, bool freeText, Func<Task<int>> search)
    {
        try
        {
            var found = await search();
            Assert.True(found == 0, $"{field} = {Show(text)} found {found} rows");
            return null;
        }
        catch (RpcException ex)
        {
            // NUL cannot be stored as text: every service refuses it as bad input (ServiceDefaults' NulCharacterGuard).
            var mayRefuse = !freeText || ReferenceEquals(text, InjectionStrings.VeryLong) || text.Contains('\0', StringComparison.Ordinal);
            Assert.True(mayRefuse && ex.StatusCode == StatusCode.InvalidArgument,
                $"{field} = {Show(text)}: {ex.StatusCode} {ex.Status.Detail}");
            return ex;
        }
    }

    private static string Show(string text) => text.Length > 40 ? $"{text[..20]}… ({text.Length} chars)" : text;
}
