using System.Runtime.InteropServices;

namespace PaperBot.Semantic;

/// <summary>
/// Hands memory ONNX Runtime freed after a batch back to the system. glibc keeps freed blocks in per-thread
/// arenas, so without this the process stays at the size of its largest batch plus fragmentation forever.
/// </summary>
internal static partial class NativeMemory
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    // glibc's M_MMAP_THRESHOLD; blocks at least this large are mapped on their own and unmapped when freed.
    private const int MmapThresholdOption = -3;
    private const int MmapThreshold = 128 * 1024;

    /// <summary>
    /// Called once before the model's session is created. glibc raises its mmap threshold after each large free (up
    /// to 32 MB), so the tensors ONNX Runtime allocates and frees per operator (several MB each) soon land in the
    /// heap arenas and fragment them: RSS while embedding peaked 100-150 MB above the model's size. A fixed
    /// threshold keeps every block of 128 KB or more mapped on its own and returned to the system when freed.
    /// </summary>
    public static void Tune()
    {
        if (_unavailable)
        {
            return;
        }

        try
        {
            _ = Mallopt(MmapThresholdOption, MmapThreshold);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    public static void Trim()
    {
        if (_unavailable)
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
            _unavailable = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
