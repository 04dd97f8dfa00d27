using PaperBot.Core.Semantic;

namespace PaperBot.Benchmarks;

/// <summary>Closeness of one query vector to 20,000 stored ones: the vectorised dot product against a scalar loop.</summary>
internal static class ScanBenchmark
{
    public static void Run()
    {
        const int Count = 20_000;
        const int Dimensions = 384;
        var random = new Random(3);
        var vectors = new float[Count][];
        for (var i = 0; i < Count; i++)
        {
            vectors[i] = new float[Dimensions];
            for (var d = 0; d < Dimensions; d++)
            {
                vectors[i][d] = (float)(random.NextDouble() - 0.5);
            }

            VectorMath.Normalize(vectors[i]);
        }

        var query = vectors[17];
        var scores = new float[Count];
        var scalar = Timing.Median(9, () =>
        {
            for (var i = 0; i < Count; i++)
            {
                var sum = 0f;
                for (var d = 0; d < Dimensions; d++)
                {
                    sum += query[d] * vectors[i][d];
                }

                scores[i] = sum;
            }

            return scores;
        });
        var vectorised = Timing.Median(9, () =>
        {
            for (var i = 0; i < Count; i++)
            {
                scores[i] = VectorMath.Dot(query, vectors[i]);
            }

            return scores;
        });
        Console.WriteLine($"scan {Count:N0} x {Dimensions}:     vectorised {vectorised.TotalMilliseconds:F2} ms, scalar {scalar.TotalMilliseconds:F2} ms ({scalar / vectorised:F1}x)");
    }
}
