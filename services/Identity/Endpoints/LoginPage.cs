using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DonationRegistry.Identity.Endpoints;

/// <summary>The login page: plain HTML, no script, one form.</summary>
internal static class LoginPage
{
    /// <summary>Escapes markup but leaves Chinese text readable in the page source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(LoginText text, string? returnUrl, string? userName, string? error,
        string antiforgeryField, string antiforgeryToken)
    {
        var e = Encoder;
        var switchHref = LoginEndpoints.LoginPath + QueryString.Create([
            KeyValuePair.Create("lang", (string?)text.SwitchLang),
            KeyValuePair.Create("ReturnUrl", returnUrl),
        ]);
        var errorHtml = error is null ? "" : $"""<p class="error" role="alert">{e.Encode(error)}</p>""";
        return $$"""
            <!DOCTYPE html>
            <html lang="{{text.Lang}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{e.Encode(text.Title)}}</title>
            <style>
            body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f5f5f5; margin: 0; }
            main { max-width: 22rem; margin: 10vh auto; background: #fff; padding: 2rem; border-top: 4px solid #c8102e; }
            h1 { font-size: 1.2rem; } label { display: block; margin-top: 1rem; }
            input[type=text], input[type=password] { width: 100%; padding: .5rem; box-sizing: border-box; }
            button { margin-top: 1.5rem; width: 100%; padding: .6rem; background: #c8102e; color: #fff; border: 0; }
            .error { color: #b00020; } nav { margin-top: 1rem; text-align: right; font-size: .9rem; }
            </style>
            </head>
            <body>
            <main>
            <h1>{{e.Encode(text.Heading)}}</h1>
            {{errorHtml}}
            <form method="post" action="{{LoginEndpoints.LoginPath}}">
            <input type="hidden" name="{{e.Encode(antiforgeryField)}}" value="{{e.Encode(antiforgeryToken)}}">
            <input type="hidden" name="ReturnUrl" value="{{e.Encode(returnUrl ?? "")}}">
            <input type="hidden" name="lang" value="{{text.Lang}}">
            <label for="username">{{e.Encode(text.UserName)}}</label>
            <input type="text" id="username" name="username" value="{{e.Encode(userName ?? "")}}" autocomplete="username" required autofocus>
            <label for="password">{{e.Encode(text.Password)}}</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            <button type="submit">{{e.Encode(text.Submit)}}</button>
            </form>
            <nav><a href="{{e.Encode(switchHref)}}">{{e.Encode(text.SwitchLabel)}}</a></nav>
            </main>
            </body>
            </html>
            """;
    }

    public static string RenderSignedIn(LoginText text, string displayName)
    {
        var e = Encoder;
        return $"""
            <!DOCTYPE html>
            <html lang="{text.Lang}"><head><meta charset="utf-8"><title>{e.Encode(text.Title)}</title></head>
            <body><main><p>{e.Encode(text.SignedIn)} {e.Encode(displayName)}</p></main></body></html>
            """;
    }
}
