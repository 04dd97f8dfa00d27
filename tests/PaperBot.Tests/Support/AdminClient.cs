using System.Net;
using System.Text.RegularExpressions;

namespace PaperBot.Tests.Support;

/// <summary>A browser-like HTTP client for /admin: keeps cookies, does not follow redirects, reads the forms' anti-forgery field.</summary>
internal sealed partial class AdminClient : IDisposable
{
    private readonly HttpClient _http;

    public AdminClient(Uri address, string? bearer = null)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        if (bearer is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>The anti-forgery field of the last page read.</summary>
    public string? Antiforgery { get; private set; }

    [GeneratedRegex("name=\"__antiforgery\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetAsync(string path = "/admin", Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        change?.Invoke(request);
        var response = await _http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        if (AntiforgeryField().Match(html) is { Success: true } match)
        {
            Antiforgery = WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        return (response.StatusCode, html, response);
    }

    /// <summary>POSTs a form like the page's, with its anti-forgery field unless <paramref name="withAntiforgery"/> is false.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, bool withAntiforgery = true, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (withAntiforgery && Antiforgery is not null)
        {
            values.Add(new("__antiforgery", Antiforgery));
        }

        return await _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    public void Dispose() => _http.Dispose();
}
