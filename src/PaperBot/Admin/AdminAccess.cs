using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PaperBot.Admin;

/// <summary>
/// Who may open <c>/admin</c>. With <c>Admin:Token</c> set: a request carrying it as <c>Authorization: Bearer</c>, or
/// the sign-in cookie, whose value is an HMAC of the token (so the cookie never holds the token itself). Without a
/// token: loopback clients only, and not through a proxy (a forwarded request is not local, whatever its socket says).
/// </summary>
internal sealed class AdminAccess(IOptions<AdminOptions> options)
{
    public const string CookieName = "paperbot_admin";

    private static readonly byte[] SessionPurpose = Encoding.UTF8.GetBytes("paperbot-admin-session-v1");

    public AdminAccessResult Check(HttpContext context)
    {
        var settings = options.Value;
        if (!settings.HasToken)
        {
            return IsLocal(context) ? AdminAccessResult.Loopback : AdminAccessResult.LoopbackOnly;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return SameSecret(header["Bearer ".Length..].Trim(), settings.Token!.Trim()) ? AdminAccessResult.Bearer : AdminAccessResult.BadBearer;
        }

        return context.Request.Cookies.TryGetValue(CookieName, out var cookie) && SameSecret(cookie, SessionValue())
            ? AdminAccessResult.Cookie
            : AdminAccessResult.NeedsSignIn;
    }

    /// <summary>Whether <paramref name="candidate"/> is the configured token (compared in constant time).</summary>
    public bool IsToken(string? candidate) => options.Value.HasToken && SameSecret(candidate?.Trim() ?? "", options.Value.Token!.Trim());

    /// <summary>The sign-in cookie's value: HMAC-SHA256 of a fixed purpose, keyed with the token.</summary>
    public string SessionValue() =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Token!.Trim()), SessionPurpose));

    public void SignIn(HttpContext context) =>
        context.Response.Cookies.Append(CookieName, SessionValue(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/admin",
            MaxAge = TimeSpan.FromHours(12),
        });

    public static void SignOut(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/admin", HttpOnly = true, SameSite = SameSiteMode.Strict });

    private static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("Forwarded");

    private static bool SameSecret(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
