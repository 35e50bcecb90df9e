using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LazyDist.Dashboard.Serving;

/// <summary>
/// Lets a request in when the dashboard has no token, or when it presents the token as
/// <c>?token=</c> (then kept in a cookie, as Jupyter does), a cookie, or <c>Authorization: Bearer</c>.
/// Compared in constant time.
/// </summary>
internal sealed class TokenCheck(string token)
{
    public const string Cookie = "lazydist-token";

    public bool Admit(HttpContext context)
    {
        if (token.Length == 0)
            return true;
        if (context.Request.Query.TryGetValue("token", out var query) && Matches(query.ToString()))
        {
            context.Response.Cookies.Append(Cookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            return true;
        }
        if (context.Request.Cookies.TryGetValue(Cookie, out var cookie) && Matches(cookie))
            return true;
        string header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && Matches(header["Bearer ".Length..]);
    }

    private bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token));
}
