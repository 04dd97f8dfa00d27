namespace PaperBot.Discord.Tests.Fuzz;

/// <summary>How a fuzz request is signed; everything but <see cref="Signed"/> must be refused with 401.</summary>
internal enum FuzzAuth
{
    Signed,
    Unsigned,
    ForgedKey,
    TamperedBody,
    StaleTimestamp,
    GarbledSignature,
}
