namespace DonationRegistry.Common.PersonalData;

/// <summary>
/// How an ID number appears on screens and in logs (DOMAIN.md section 6): first four and last four characters, the rest starred,
/// e.g. <c>3301**********1231</c>. Short numbers (passports) keep only their last two.
/// </summary>
public static class IdNumberMask
{
    public static string Mask(string? idNumber)
    {
        var value = ResidentIdNumber.Normalise(idNumber);
        return value.Length switch
        {
            0 => "",
            >= 12 => string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 8), value.AsSpan(value.Length - 4)),
            > 2 => new string('*', value.Length - 2) + value[^2..],
            _ => new string('*', value.Length),
        };
    }
}
