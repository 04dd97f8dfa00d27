using System.Runtime.InteropServices;

namespace PaperBot.Semantic;

/// <summary>
/// Hands memory ONNX Runtime freed after a batch back to the system. glibc keeps freed blocks in per-thread
/// arenas, so without this the process stays at the size of its largest batch plus fragmentation forever.
/// </summary>
internal static partial class NativeMemory
{
    private static bool unavailable = !OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (unavailable)
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl (Alpine) has no malloc_trim; its allocator returns memory on its own.
            unavailable = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
