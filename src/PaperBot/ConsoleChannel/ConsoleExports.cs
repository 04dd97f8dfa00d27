namespace PaperBot.ConsoleChannel;

/// <summary>
/// Where the console channel puts exported files: <c>Console:ExportFolder</c> (default <c>exports</c>, relative
/// to the working directory). An existing file is never overwritten; a number is added to the name instead.
/// </summary>
public sealed class ConsoleExports(IConfiguration configuration)
{
    public string Folder { get; } = Path.GetFullPath(configuration.GetValue<string>("Console:ExportFolder") ?? "exports");

    public string Save(string fileName, byte[] content)
    {
        Directory.CreateDirectory(Folder);
        var safe = Path.GetFileName(fileName);
        var path = Path.Combine(Folder, safe);
        for (var n = 1; File.Exists(path); n++)
        {
            path = Path.Combine(Folder, $"{Path.GetFileNameWithoutExtension(safe)}-{n}{Path.GetExtension(safe)}");
        }

        File.WriteAllBytes(path, content);
        return path;
    }
}
