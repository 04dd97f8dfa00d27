using PaperBot.Core.Papers;

namespace PaperBot.Testing.Relevance;

/// <summary>
/// A second labelled set, written after the scoring method was chosen on <see cref="LabelledSet"/> and never used to
/// choose anything: six other topics, six invented papers each, and sixteen papers on none of them, several of which
/// share words with a topic without being on it (graph colouring beside molecules, attention in psychology beside
/// efficient attention). Its figures tell whether what was calibrated on the first set carries over.
/// </summary>
public static class HeldOutSet
{
    public static readonly IReadOnlyList<Paper> Papers =
    [
        Make("2602.00001", "Sequential Suggestions from Purchase Histories", "A transformer reads the order in which shoppers bought items and predicts their next basket, improving hit rate on three e-commerce datasets."),
        Make("2602.00002", "Cold-Start Ranking with Item Descriptions", "Products without interactions are placed in personalised lists by encoding their text, so new catalogue entries reach interested customers."),
        Make("2602.00003", "Collaborative Filtering at Streaming Scale", "Matrix factorisation updated online from viewing events ranks films and series for millions of subscribers with second-level freshness."),
        Make("2602.00004", "Explaining Why a Playlist Was Chosen", "We generate short justifications for suggested songs from a listener's past plays and evaluate whether they increase trust."),
        Make("2602.00005", "Debiasing Implicit Feedback", "Clicks over-represent items shown at the top; inverse propensity weighting corrects the training signal of a personalised feed."),
        Make("2602.00006", "Language Models as Conversational Shopping Assistants", "A chat model asks about taste and budget, then proposes items from a store's inventory that match the user's stated preferences."),
        Make("2602.00007", "Mastering Chess and Shogi without Human Games", "A network trained only by playing against itself, with tree search at each move, reaches superhuman strength in two board games."),
        Make("2602.00008", "Exploration Bonuses for Sparse-Reward Atari", "Curiosity measured as prediction error drives an agent through levels of Montezuma's Revenge that random exploration never reaches."),
        Make("2602.00009", "Population-Based Training for StarCraft", "A league of policies that keep exploiting each other's weaknesses produces a real-time strategy player at grandmaster level."),
        Make("2602.00010", "World Models for Sample-Efficient Play", "An agent learns a latent simulator of the screen and plans inside it, needing a hundred times fewer frames on arcade benchmarks."),
        Make("2602.00011", "Offline Policies from Replays of Card Games", "Logged matches of poker players train a value function that beats online baselines without a single new hand being dealt."),
        Make("2602.00012", "Generalising to Unseen Maze Levels", "Procedurally generated layouts reveal that agents memorise training levels; data augmentation of observations closes the gap."),
        Make("2602.00013", "Equivariant Diffusion for Small-Molecule Generation", "A generative model over atom coordinates and types proposes drug-like compounds that dock into a kinase pocket."),
        Make("2602.00014", "Predicting Crystal Stability with Graph Networks", "Message passing over unit cells estimates formation energy, screening a million hypothetical inorganic materials for synthesis."),
        Make("2602.00015", "Retrosynthesis Planning with Transformers", "Given a target compound, a sequence model proposes reactant sets step by step until commercially available building blocks are reached."),
        Make("2602.00016", "Property Prediction from SMILES Strings", "Pretraining on ten million molecular strings improves toxicity and solubility estimates for medicinal chemistry."),
        Make("2602.00017", "Active Learning for Battery Electrolytes", "A surrogate model chooses which formulations to simulate next, finding electrolytes with higher ionic conductivity in fewer calculations."),
        Make("2602.00018", "Binding Affinity from Protein-Ligand Complexes", "A geometric network scores how strongly candidate compounds bind their target, ranking hits for a virtual screening campaign."),
        Make("2602.00019", "One Model for Two Hundred Language Pairs", "A single encoder-decoder trained on mined bitext translates between two hundred tongues, with the largest gains for African languages."),
        Make("2602.00020", "Back-Translation for Low-Resource Pairs", "Synthetic parallel sentences produced from monolingual text lift quality for Nepali and Sinhala to English by several BLEU points."),
        Make("2602.00021", "Evaluating Translation without References", "A learned metric predicts human quality judgements of machine output directly from the source sentence and the hypothesis."),
        Make("2602.00022", "Speech-to-Speech Translation for Unwritten Languages", "Discrete acoustic units let a model convert spoken Hokkien into spoken English without any text in between."),
        Make("2602.00023", "Terminology Constraints in Neural MT", "Decoding that enforces a glossary keeps domain terms consistent when medical leaflets are rendered in other languages."),
        Make("2602.00024", "Large Language Models as Document Translators", "Prompting a chat model with whole documents rather than sentences preserves pronouns and style across paragraphs in German and Chinese."),
        Make("2602.00025", "Linear-Time Attention with Kernel Feature Maps", "Replacing the softmax with a random-feature approximation makes the cost of a layer grow linearly with sequence length."),
        Make("2602.00026", "IO-Aware Exact Attention Kernels", "Tiling the computation to stay in on-chip memory speeds up exact self-attention threefold and allows contexts of 64k tokens."),
        Make("2602.00027", "Sparse Patterns for Million-Token Inputs", "Combining local windows, a few global tokens and random links keeps quality while processing genomes and books in one pass."),
        Make("2602.00028", "State Space Layers as an Alternative to Self-Attention", "A selective recurrent layer matches transformer quality on language modelling while its memory stays constant per generated token."),
        Make("2602.00029", "Ring Parallelism for Long Sequences", "Splitting the sequence across devices and passing key-value blocks around a ring trains models on contexts of a million tokens."),
        Make("2602.00030", "Compressing the Context into Memory Tokens", "Past segments are summarised into a small set of learned vectors, so the model reads arbitrarily long documents at a fixed cost."),
        Make("2602.00031", "Differentially Private Fine-Tuning of Language Models", "Clipping and noising per-example gradients lets a model adapt to hospital notes with a formal guarantee for every patient."),
        Make("2602.00032", "Federated Learning across Smartphones", "Keyboards learn next-word prediction from typing on millions of devices while the raw text never leaves the phone."),
        Make("2602.00033", "Membership Inference Attacks on Diffusion Models", "We show that an attacker can tell whether a given photo was in the training data, and measure how defences reduce this leakage."),
        Make("2602.00034", "Machine Unlearning for Deleted Accounts", "When users withdraw consent, a fast procedure removes the influence of their records from a trained classifier without retraining."),
        Make("2602.00035", "Secure Aggregation with Dropouts", "A cryptographic protocol sums model updates from clients so the server learns only the total, even when some clients disconnect."),
        Make("2602.00036", "Extracting Memorised Training Text", "Carefully chosen prompts make a chat model repeat phone numbers and addresses it saw during training; we quantify the risk."),
        Make("2602.00037", "Graph Colouring with Reinforcement Learning", "A policy assigns colours to vertices one at a time and learns from the number of conflicts, beating greedy heuristics on sparse graphs."),
        Make("2602.00038", "Attention in Human Visual Search", "Eye-tracking experiments show where people look when hunting for a target among distractors, and a saliency model predicts it."),
        Make("2602.00039", "Game-Theoretic Pricing of Cloud Resources", "We model providers and tenants as players of a Stackelberg game and derive stable prices for virtual machines."),
        Make("2602.00040", "Translating Natural Language into SQL", "A model maps questions about a database to executable queries, evaluated on cross-domain benchmarks of business schemas."),
        Make("2602.00041", "Chemistry Question Answering for Students", "A tutor answers textbook questions on stoichiometry and checks the arithmetic of its explanations."),
        Make("2602.00042", "Private Set Intersection for Advertising Measurement", "Two companies learn how many customers they share without revealing their lists, using elliptic-curve blinding."),
        Make("2602.00043", "Sign Language Recognition from Video", "A pose-based model recognises isolated signs of American Sign Language from webcam recordings."),
        Make("2602.00044", "Wildfire Spread Prediction from Satellite Data", "A convolutional model predicts the next day's burned area from fuel, wind and previous fire perimeters."),
        Make("2602.00045", "Legal Contract Clause Classification", "We label clauses of commercial contracts by type and risk to help lawyers review agreements faster."),
        Make("2602.00046", "Robot Navigation in Crowded Stations", "A mobile robot plans socially compliant paths around commuters using predicted pedestrian motion."),
        Make("2602.00047", "Text-to-Image Generation with Layout Control", "Users draw boxes to place objects, and a diffusion model renders a picture that respects the arrangement."),
        Make("2602.00048", "Detecting Fraud in Card Transactions", "A sequence model over payment histories flags suspicious purchases in real time for a retail bank."),
        Make("2602.00049", "Scaling Laws for Data Mixtures", "We fit how the proportions of web, code and books in pretraining data affect downstream accuracy of language models."),
        Make("2602.00050", "Summarising Scientific Papers for Lay Readers", "A model rewrites abstracts in plain language, and readers without training rate the results for clarity."),
        Make("2602.00051", "Optimising Warehouse Picking Routes", "Mixed-integer programming and learned heuristics shorten the paths of workers collecting orders in a distribution centre."),
        Make("2602.00052", "Hand Gesture Control for Smart Homes", "A small radar sensor recognises swipes and pinches to switch lights and adjust thermostats."),
    ];

    public static readonly IReadOnlyList<LabelledTopic> Topics =
    [
        new("recommenders", "suggesting products, films and songs that a person will like from what they did before",
            "recommendation OR recommender OR personalised OR personalized OR \"collaborative filtering\" OR playlist OR shoppers OR \"implicit feedback\" OR preferences",
            "recommendation OR recommender OR \"collaborative filtering\"",
            ["2602.00001", "2602.00002", "2602.00003", "2602.00004", "2602.00005", "2602.00006"]),
        new("game agents", "programs that teach themselves to play board and video games by trial and error",
            "agent OR \"self-play\" OR \"playing against itself\" OR atari OR starcraft OR poker OR chess OR arcade OR levels",
            "\"reinforcement learning\" OR game OR games",
            ["2602.00007", "2602.00008", "2602.00009", "2602.00010", "2602.00011", "2602.00012"]),
        new("chemistry", "discovering new medicines and materials by learning from the structure of compounds",
            "molecule OR molecular OR compound OR compounds OR crystal OR materials OR retrosynthesis OR electrolytes OR ligand OR smiles",
            "drug OR molecule OR chemistry OR materials",
            ["2602.00013", "2602.00014", "2602.00015", "2602.00016", "2602.00017", "2602.00018"]),
        new("translation", "converting text or speech from one human language into another, especially rare ones",
            "translation OR translate OR translates OR bitext OR \"back-translation\" OR bleu OR mt OR \"parallel sentences\" OR translators",
            "translation OR \"machine translation\" OR multilingual",
            ["2602.00019", "2602.00020", "2602.00021", "2602.00022", "2602.00023", "2602.00024"]),
        new("long context", "letting transformers read very long inputs without the cost exploding quadratically",
            "(attention OR \"self-attention\") (linear OR sparse OR tokens OR sequence) OR \"long sequences\" OR \"state space\" OR \"memory tokens\"",
            "attention OR \"long context\" OR efficient",
            ["2602.00025", "2602.00026", "2602.00027", "2602.00028", "2602.00029", "2602.00030"]),
        new("privacy", "training on personal data without revealing anything about any single individual",
            "private OR privacy OR federated OR \"membership inference\" OR unlearning OR \"secure aggregation\" OR memorised OR consent",
            "privacy OR \"differential privacy\" OR federated",
            ["2602.00031", "2602.00032", "2602.00033", "2602.00034", "2602.00035", "2602.00036"]),
    ];

    private static Paper Make(string id, string title, string abstractText) =>
        TestPapers.Make(id, title, abstractText: abstractText, authors: ["A. Researcher"]);
}
