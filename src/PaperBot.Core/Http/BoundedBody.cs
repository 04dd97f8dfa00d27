namespace PaperBot.Core.Http;

/// <summary>Reads a request body up to a size limit, for the platforms' signed endpoints (the bytes are what is verified).</summary>
public static class BoundedBody
{
    /// <summary>The body's bytes, or null when it is (or says it is) larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        if (declaredLength is { } length)
        {
            // The usual case (the platforms send Content-Length): one buffer of the right size.
            var whole = new byte[length];
            var filled = await body.ReadAtLeastAsync(whole, whole.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return filled == whole.Length ? whole : whole[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
