namespace PaperBot.Admin;

/// <summary>How a request to <c>/admin</c> fared with <see cref="AdminAccess"/>.</summary>
internal enum AdminAccessResult
{
    /// <summary>No token is set and the client is on this machine.</summary>
    Loopback,

    /// <summary>No token is set and the client is elsewhere: refused, with how to open the page up.</summary>
    LoopbackOnly,

    /// <summary>The request carried the token as a Bearer header.</summary>
    Bearer,

    /// <summary>A Bearer header with another value.</summary>
    BadBearer,

    /// <summary>The sign-in cookie is valid.</summary>
    Cookie,

    /// <summary>A token is set and the request has neither: show the sign-in form.</summary>
    NeedsSignIn,
}
