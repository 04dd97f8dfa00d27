using System.Numerics;
using System.Runtime.InteropServices;

namespace PaperBot.Core.Semantic;

/// <summary>Dot products over unit vectors (equal to their cosine), vectorised with <see cref="Vector{T}"/>.</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"vectors of {a.Length} and {b.Length} dimensions cannot be compared", nameof(b));
        }

        var sum = Vector<float>.Zero;
        var i = 0;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var k = 0; k < va.Length; k++)
        {
            sum += va[k] * vb[k];
        }

        i = va.Length * Vector<float>.Count;
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>Scales <paramref name="vector"/> to unit length in place (a zero vector stays zero).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }
    }
}
