namespace DonationRegistry.Portal.Resources;

/// <summary>Marker of the Portal's texts: Text.resx (Chinese, the default) and Text.en.resx.</summary>
public sealed class Text;
