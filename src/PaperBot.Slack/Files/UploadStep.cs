namespace PaperBot.Slack.Files;

/// <summary>The four steps of sending an export as a private file, in order.</summary>
internal enum UploadStep
{
    /// <summary><c>conversations.open</c> with the caller (scope <c>im:write</c>).</summary>
    OpenDirectMessage,

    /// <summary><c>files.getUploadURLExternal</c> (scope <c>files:write</c>).</summary>
    ReserveUpload,

    /// <summary>POST of the bytes to the upload URL.</summary>
    UploadBytes,

    /// <summary><c>files.completeUploadExternal</c> into the direct message (scope <c>files:write</c>).</summary>
    ShareFile,
}
