namespace PaperBot.Testing.Platforms;

/// <summary>What a fake platform does to a request instead of answering it normally.</summary>
public enum Fault
{
    /// <summary>Answer 502 Bad Gateway, as a platform's edge does when the service behind it is down.</summary>
    ServerError,

    /// <summary>Abort the connection without an answer (the client sees a connection reset).</summary>
    ConnectionReset,

    /// <summary>Carry the request out, then abort the connection: the client cannot know it succeeded.</summary>
    AnswerLost,

    /// <summary>Answer 429 with <see cref="FaultPlan.RetryAfter"/>, whatever the emulated limits say.</summary>
    TooManyRequests,
}
