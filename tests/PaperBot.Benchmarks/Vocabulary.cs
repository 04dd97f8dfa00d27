namespace PaperBot.Benchmarks;

/// <summary>Words and names of the kind that fill Daily Papers listings and researchers' subscriptions.</summary>
internal static class Vocabulary
{
    public static readonly string[] Topics =
    [
        "agents", "agentic", "reasoning", "planning", "robotics", "manipulation", "diffusion", "transformers",
        "attention", "retrieval", "alignment", "preference", "reward", "benchmark", "evaluation", "hallucination",
        "multimodal", "vision", "video", "audio", "speech", "music", "3d", "gaussian", "splatting", "nerf", "point",
        "segmentation", "detection", "tracking", "depth", "pose", "avatar", "editing", "inpainting", "super-resolution",
        "quantization", "pruning", "distillation", "sparsity", "mixture", "experts", "moe", "scaling", "pretraining",
        "fine-tuning", "lora", "adapters", "instruction", "tuning", "prompting", "chain-of-thought", "tool", "code",
        "coding", "math", "theorem", "proving", "verification", "safety", "jailbreak", "watermarking", "privacy",
        "federated", "graph", "molecules", "protein", "drug", "chemistry", "materials", "weather", "climate", "medical",
        "clinical", "radiology", "pathology", "genomics", "tabular", "time-series", "forecasting", "recommendation",
        "search", "ranking", "embedding", "embeddings", "tokenizer", "tokenization", "multilingual", "translation",
        "low-resource", "summarization", "dialogue", "memory", "long-context", "compression", "inference", "serving",
        "kernels", "hardware", "efficient", "latency", "speculative", "decoding", "sampling", "uncertainty",
        "calibration", "interpretability", "circuits", "probing", "steering", "world", "simulation", "navigation",
        "driving", "autonomous", "embodied", "humanoid", "locomotion", "control", "policy", "imitation", "offline",
        "exploration", "curriculum", "self-play", "synthetic", "data", "dataset", "annotation", "crowdsourcing",
        "gui", "web", "browser", "spreadsheet", "table", "chart", "document", "ocr", "layout", "captioning",
        "grounding", "referring", "counting", "physics", "fluid", "pde", "operator", "symbolic", "program",
        "synthesis", "compiler", "verilog", "education", "legal", "finance", "biology", "neuroscience", "brain",
        "optimizer", "adam", "muon", "normalization", "initialization", "tokenizers", "vocabulary", "morphology",
        "parsing", "syntax", "semantics", "pragmatics", "sarcasm", "emotion", "empathy", "persona", "roleplay",
        "storytelling", "poetry", "humor", "debate", "persuasion", "negotiation", "game", "chess", "go", "poker",
        "minecraft", "atari", "procgen", "sokoban", "sudoku", "puzzles", "riddles", "arithmetic", "geometry",
        "algebra", "calculus", "statistics", "causality", "counterfactual", "fairness", "bias", "toxicity",
        "misinformation", "fact-checking", "citation", "scientific", "peer", "review", "patents", "emails",
        "meetings", "slides", "posters", "sketches", "svg", "cad", "meshes", "textures", "materials", "lighting",
        "relighting", "hdr", "denoising", "deblurring", "dehazing", "low-light", "underwater", "satellite",
        "remote", "sensing", "lidar", "radar", "event", "camera", "stereo", "optical", "flow", "occupancy",
        "mapping", "slam", "localization", "trajectory", "prediction", "pedestrians", "traffic", "drones", "uav",
        "quadruped", "grasping", "assembly", "cooking", "surgery", "ultrasound", "mri", "ct", "x-ray", "ecg", "eeg",
        "wearables", "sleep", "mental", "health", "nutrition", "agriculture", "crops", "wildlife", "ecology",
        "ocean", "earthquake", "energy", "battery", "grid", "carbon", "quantum", "astronomy", "galaxies", "particle",
    ];

    public static readonly string[] Phrases =
    [
        "world model", "language models", "large language models", "vision language", "reinforcement learning",
        "diffusion models", "video generation", "image generation", "text-to-image", "text to speech",
        "mixture of experts", "state space models", "retrieval augmented generation", "chain of thought",
        "test-time compute", "test time scaling", "reward model", "direct preference optimization", "policy optimization",
        "gaussian splatting", "neural radiance fields", "point cloud", "scene understanding", "visual question answering",
        "code generation", "theorem proving", "tool use", "computer use", "web agents", "multi-agent systems",
        "knowledge distillation", "model merging", "continual learning", "in-context learning", "instruction tuning",
        "speculative decoding", "kv cache", "long context", "vision transformer", "self-supervised learning",
        "contrastive learning", "representation learning", "protein design", "drug discovery", "weather forecasting",
        "autonomous driving", "robot learning", "humanoid robots", "dexterous manipulation", "motion generation",
    ];

    public static readonly string[] Exclusions =
        ["survey", "benchmark", "dataset", "position", "medical", "review", "tutorial", "3d", "video", "audio", "chinese"];

    public static readonly string[] FirstNames =
    [
        "Wei", "Yann", "Ana", "Jürgen", "Li", "Sara", "José", "Mei", "Ravi", "François", "Yoshua", "Fei-Fei", "Percy",
        "Chelsea", "Sergey", "Pieter", "Noam", "Ilya", "Oriol", "Quoc", "Jeff", "Kaiming", "Ross", "Alexei", "Jiaya",
        "Xiaolong", "Hao", "Yu", "Zhang", "Chen", "Maria", "Elena", "Tomás", "Ahmed", "Fatima", "Kenji", "Hiroshi",
    ];

    public static readonly string[] LastNames =
    [
        "LeCun", "Silva", "Müller", "Li", "O'Neil", "Núñez", "Chen", "Kumar", "Dubois", "Bengio", "Liang", "Finn",
        "Levine", "Abbeel", "Shazeer", "Sutskever", "Vinyals", "Le", "Dean", "He", "Girshick", "Efros", "Jia", "Wang",
        "Zhang", "Liu", "Yang", "Zhao", "Huang", "Wu", "Zhou", "Sun", "Garcia", "Rossi", "Schmidt", "Tanaka", "Sato",
    ];

    public static readonly string[] Organizations =
    [
        "Google DeepMind", "OpenAI", "Meta AI", "Microsoft Research", "NVIDIA", "Alibaba Qwen", "DeepSeek", "ByteDance Seed",
        "Tencent Hunyuan", "Shanghai AI Laboratory", "Tsinghua University", "Stanford University", "MIT", "CMU",
        "Hugging Face", "Allen Institute for AI", "Mistral AI", "Apple", "Salesforce Research", "Zhipu AI",
    ];

    public static readonly string[] Filler =
    [
        "we", "propose", "a", "novel", "method", "that", "improves", "the", "performance", "of", "existing", "approaches",
        "on", "several", "tasks", "our", "results", "show", "significant", "gains", "over", "strong", "baselines", "and",
        "achieves", "state-of-the-art", "with", "fewer", "parameters", "in", "this", "paper", "introduce", "framework",
        "for", "learning", "from", "large-scale", "inputs", "experiments", "demonstrate", "effectiveness", "across",
        "models", "trained", "using", "simple", "yet", "effective", "which", "enables", "better", "generalization",
        "to", "unseen", "settings", "source", "is", "available", "further", "analysis", "reveals", "key", "insights",
    ];
}
