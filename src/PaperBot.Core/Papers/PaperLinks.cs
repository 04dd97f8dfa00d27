namespace PaperBot.Core.Papers;

/// <summary>Public links of a paper, built from its arXiv id.</summary>
public static class PaperLinks
{
    public static string HuggingFace(string arxivId) => $"https://huggingface.co/papers/{arxivId}";

    public static string ArxivAbstract(string arxivId) => $"https://arxiv.org/abs/{arxivId}";

    public static string ArxivPdf(string arxivId) => $"https://arxiv.org/pdf/{arxivId}";
}
