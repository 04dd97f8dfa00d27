namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>How a fuzz request is signed; everything but <see cref="Signed"/> must be refused with 401.</summary>
internal enum FuzzAuth
{
    Signed,
    Unsigned,
    ForgedSecret,
    TamperedBody,
    StaleTimestamp,
    FutureTimestamp,
    GarbledSignature,
}
