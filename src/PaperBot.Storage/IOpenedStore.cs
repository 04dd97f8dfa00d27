namespace PaperBot.Storage;

/// <summary>A store that was opened (and upgraded) when it was resolved: what to log about it at start-up.</summary>
public interface IOpenedStore
{
    /// <summary>Which store this is, for the log: the engine and where it is (never a password).</summary>
    string Description { get; }

    /// <summary>What opening it upgraded, one sentence each.</summary>
    IReadOnlyList<string> Upgrades { get; }
}
