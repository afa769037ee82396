namespace DonationRegistry.Identity.Endpoints;

/// <summary>The login page's words in one language.</summary>
internal sealed record LoginText(
    string Lang,
    string Title,
    string Heading,
    string UserName,
    string Password,
    string Submit,
    string WrongCredentials,
    string Disabled,
    string Expired,
    string SignedIn,
    string SwitchLabel,
    string SwitchLang)
{
    public static LoginText Chinese { get; } = new(
        "zh-CN", "登录 - 浙江省红十字会捐献登记系统", "浙江省红十字会捐献登记系统", "用户名", "密码", "登录",
        "用户名或密码错误。", "该账户已停用，请联系系统管理员。", "页面已过期，请重新登录。", "您已登录。", "English", "en");

    public static LoginText English { get; } = new(
        "en", "Sign in - Zhejiang Red Cross Donation Registry", "Zhejiang Red Cross Donation Registry", "User name", "Password",
        "Sign in", "Wrong user name or password.", "This account is disabled; please contact your administrator.",
        "The page expired; please sign in again.", "You are signed in.", "中文", "zh");

    /// <summary>English when asked for with <c>lang=en</c>, <c>ui_locales</c> of the authorization request or Accept-Language; else Chinese.</summary>
    public static LoginText For(HttpRequest request, string? returnUrl)
    {
        string? lang = request.Query["lang"];
        if (string.IsNullOrEmpty(lang) && request.HasFormContentType)
        {
            lang = request.Form["lang"];
        }
        if (string.IsNullOrEmpty(lang) && returnUrl is not null && returnUrl.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
        {
            lang = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(returnUrl[q..]).TryGetValue("ui_locales", out var locales)
                ? locales.ToString().Split(' ').FirstOrDefault()
                : null;
        }
        if (string.IsNullOrEmpty(lang))
        {
            lang = request.GetTypedHeaders().AcceptLanguage
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => l.Value.Value)
                .FirstOrDefault(l => l is not null && (l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("zh", StringComparison.OrdinalIgnoreCase)));
        }
        return lang is not null && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
    }
}
