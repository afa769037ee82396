using MudBlazor;

namespace DonationRegistry.Portal.Components.Layout;

/// <summary>The Red Cross red as primary colour, Chinese-friendly system fonts.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#c8102e", AppbarBackground = "#c8102e", Secondary = "#455a64" },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
