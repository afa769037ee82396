namespace DonationRegistry.Hla.Matching;

/// <summary>Packs sex (2 bits), ABO (3 bits), CMV (2 bits) and the searchable flag (1 bit) of a slot into one byte.</summary>
internal static class DonorAttributes
{
    public static byte Pack(DonorProfile profile) =>
        (byte)((int)profile.Sex | ((int)profile.Abo << 2) | ((int)profile.Cmv << 5) | (profile.Searchable ? 0x80 : 0));

    public static DonorSex Sex(byte packed) => (DonorSex)(packed & 0x3);

    public static AboGroup Abo(byte packed) => (AboGroup)((packed >> 2) & 0x7);

    public static CmvStatus Cmv(byte packed) => (CmvStatus)((packed >> 5) & 0x3);

    public static bool Searchable(byte packed) => (packed & 0x80) != 0;
}
