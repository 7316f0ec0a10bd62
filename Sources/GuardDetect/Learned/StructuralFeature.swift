/// Structural facts about a text that words alone spread thin: it contains a URL, a shell pipe, talks to
/// an assistant, shouts, hides characters. Each is one dense feature of the learned models.
public struct StructuralFeature: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    // Character level (``NormalizedText``).
    public static let url = Self(rawValue: 1 << 0)
    public static let homePath = Self(rawValue: 1 << 1)
    public static let atSign = Self(rawValue: 1 << 2)
    public static let pipe = Self(rawValue: 1 << 3)
    public static let dollar = Self(rawValue: 1 << 4)
    public static let backtick = Self(rawValue: 1 << 5)
    public static let angleBracket = Self(rawValue: 1 << 6)
    public static let markupComment = Self(rawValue: 1 << 7)
    public static let heading = Self(rawValue: 1 << 8)
    public static let colonLabel = Self(rawValue: 1 << 9)
    public static let shouting = Self(rawValue: 1 << 10)
    public static let hiddenCharacters = Self(rawValue: 1 << 11)
    public static let otherScript = Self(rawValue: 1 << 12)
    public static let encodedText = Self(rawValue: 1 << 13)
    public static let spacedLetters = Self(rawValue: 1 << 14)
    // Word level (``StructuralLexicon``).
    public static let addressesModel = Self(rawValue: 1 << 15)
    public static let secondPerson = Self(rawValue: 1 << 16)
    public static let shellCommand = Self(rawValue: 1 << 17)
    public static let secretWords = Self(rawValue: 1 << 18)
    public static let deprecation = Self(rawValue: 1 << 19)
    public static let upgrade = Self(rawValue: 1 << 20)
    public static let urgency = Self(rawValue: 1 << 21)
    public static let concealment = Self(rawValue: 1 << 22)
    public static let override = Self(rawValue: 1 << 23)
    public static let sending = Self(rawValue: 1 << 24)
    public static let toolWords = Self(rawValue: 1 << 25)
    public static let absolutes = Self(rawValue: 1 << 26)
    public static let userWords = Self(rawValue: 1 << 27)
    public static let authority = Self(rawValue: 1 << 28)
    public static let instructionWords = Self(rawValue: 1 << 29)
    public static let funds = Self(rawValue: 1 << 30)
    // Phrase level (word pairs).
    public static let youMust = Self(rawValue: 1 << 31)
    public static let doNotTell = Self(rawValue: 1 << 32)
    public static let insteadUse = Self(rawValue: 1 << 33)
    public static let beforeAnything = Self(rawValue: 1 << 34)
    public static let previousInstructions = Self(rawValue: 1 << 35)
    public static let offensiveVerb = Self(rawValue: 1 << 36)
    public static let defensiveWords = Self(rawValue: 1 << 37)

    /// How many flags exist: the models' structural block has this many weights.
    public static let count = 38

    /// Words for explanations, by bit.
    public static let names: [String] = [
        "a URL", "a home-directory or dotfile path", "an e-mail address", "a shell pipe", "a `$` variable", "backticks",
        "angle-bracket markup", "a markup comment", "a heading", "a `label:` prefix", "shouted words", "hidden characters",
        "a non-Latin script", "an encoded payload", "spaced-out letters", "words addressed to an AI model",
        "second-person wording", "shell commands", "credential words", "a deprecation claim", "an upgrade or maintenance claim",
        "urgency markers", "concealment words", "override words", "sending or forwarding words", "talk of tools",
        "absolutes (always, never, every)", "talk of the user", "claims of authority (system, admin)", "talk of instructions",
        "talk of funds", "\"you must\"-style orders", "\"do not tell\"-style concealment", "\"use … instead\" redirection",
        "\"before anything else\" ordering", "\"previous instructions\"", "offensive verbs", "defensive wording",
    ]

    /// The bits set, in order.
    public var indices: [Int] {
        (0..<Self.count).filter { rawValue & (1 << UInt64($0)) != 0 }
    }
}

/// Word and word-pair lists behind the word-level structural flags, keyed by the featurizer's hashes.
enum StructuralLexicon {
    static let words: [StructuralFeature: [String]] = [
        .addressesModel: ["assistant", "ai", "llm", "model", "agent", "chatbot", "claude", "gpt", "chatgpt", "gemini", "copilot", "bot", "asistente", "assistent", "ассистент", "модель"],
        .secondPerson: ["you", "your", "yourself", "tu", "usted", "du", "dein", "vous", "ты", "вы"],
        .shellCommand: ["curl", "wget", "bash", "sh", "zsh", "powershell", "pwsh", "chmod", "sudo", "eval", "exec", "nc", "netcat", "rm", "printenv", "env", "iex", "certutil", "mshta", "rundll32", "regsvr32", "crontab", "ssh", "scp"],
        .secretWords: ["clave", "senha", "schlüssel", "ключ", "ключи", "passphrase", "password", "passwords", "token", "tokens", "api_key", "apikey", "credentials", "credential", "secret", "secrets", "mnemonic", "seed", "id_rsa", "private_key", "cookies", "contraseña", "passwort", "пароль"],
        .deprecation: ["retired", "decommissioned", "unsupported", "deprecated", "obsolete", "outdated", "discontinued", "legacy", "replaced", "sunset", "veraltet", "obsoleto", "устарел"],
        .upgrade: ["enhanced", "v2", "newer", "upgrade", "upgraded", "enhancement", "maintenance", "patch", "migrated", "migration", "hotfix"],
        .urgency: ["important", "urgent", "critical", "mandatory", "immediately", "attention", "warning", "required", "must", "wichtig", "importante", "важно", "urgente"],
        .concealment: ["secretly", "silently", "quietly", "covertly", "discreetly", "invisibly", "unnoticed", "stealthily"],
        .override: ["ignorar", "vergiss", "oublie", "dimentica", "esqueça", "игнорировать", "ignoring", "ignore", "disregard", "forget", "override", "bypass", "supersede", "supersedes", "ignora", "ignoriere", "ignorieren", "ignorez", "ignorer", "игнорируй", "забудь", "olvida"],
        .sending: ["cc", "attach", "append", "webhook", "envia", "envoie", "invia", "senden", "schicke", "weiterleiten", "перешли", "отправить", "send", "forward", "upload", "transmit", "post", "email", "exfiltrate", "bcc", "leak", "share", "envía", "sende", "envoyer", "отправь"],
        .toolWords: ["tool", "tools", "function", "invoke", "mcp", "server", "herramienta", "werkzeug", "outil", "инструмент"],
        .absolutes: ["always", "never", "every", "all", "any", "siempre", "immer", "toujours", "всегда", "nunca", "niemals", "jamais", "никогда"],
        .userWords: ["usuário", "utente", "nutzer", "user", "users", "human", "usuario", "benutzer", "utilisateur", "пользователь"],
        .authority: ["official", "certified", "verified", "trusted", "endorsed", "maintainer", "sysadmin", "system", "admin", "administrator", "developer", "root", "operator", "sistema", "système", "система"],
        .instructionWords: ["istruzioni", "instruções", "инструкций", "anweisung", "befehle", "directions", "instructions", "instruction", "prompt", "directive", "directives", "rules", "instrucciones", "anweisungen", "consignes", "инструкции"],
        .funds: ["wallet", "transfer", "payment", "amount", "recipient", "iban", "usdc", "eth", "btc", "swap", "withdraw", "allowance"],
        .offensiveVerb: ["steal", "exfiltrate", "phish", "phishing", "exploit", "hijack", "dump", "harvest", "keylogger", "backdoor", "ransomware", "persistence", "evade", "evasion", "inject", "spoof", "crack", "bruteforce", "enumerate", "escalate", "impersonate", "obfuscate", "implant", "beacon", "lateral", "mimikatz", "payload"],
        .defensiveWords: ["detect", "detection", "monitor", "monitoring", "alert", "alerts", "investigate", "incident", "prevent", "protect", "audit", "compliance", "remediate", "remediation", "mitigate", "mitigation", "defend", "vulnerability", "scanner"],
    ]

    static let pairs: [StructuralFeature: [String]] = [
        .youMust: ["you must", "you should", "you need", "you have", "you will", "you are", "you shall", "you may", "make sure", "be sure", "du musst", "debes", "vous devez", "ты должен"],
        .doNotTell: ["not tell", "not mention", "not inform", "not reveal", "not disclose", "t tell", "t mention", "t reveal", "never tell", "never mention", "never reveal", "without telling", "without informing"],
        .insteadUse: ["call instead", "use v2", "instead use", "use instead", "instead call", "replaced by", "no longer", "moved to", "superseded by", "switch to"],
        .beforeAnything: ["first fetch", "first run", "first read", "before proceeding", "before continuing", "before any", "before using", "before calling", "before answering", "before responding", "first call", "must first", "always call", "always use", "before every", "prior to"],
        .previousInstructions: ["previous directions", "prior directions", "your instructions", "new instructions", "updated instructions", "instrucciones anteriores", "vorherigen anweisungen", "instructions précédentes", "предыдущие инструкции", "istruzioni precedenti", "instruções anteriores", "previous instructions", "prior instructions", "above instructions", "all instructions", "earlier instructions", "system prompt", "original instructions", "previous rules"],
    ]

    /// Scripts without spaces are not split into words, so their few signal words are found as substrings
    /// of a run (Chinese, Japanese, Korean).
    static let cjkWords: [(word: [UInt32], flags: StructuralFeature)] = {
        let table: [StructuralFeature: [String]] = [
            .override: ["忽略", "无视", "忘记", "無視", "忘れ", "무시", "잊어"],
            .instructionWords: ["指令", "指示", "提示词", "规则", "命令", "지시", "명령", "プロンプト"],
            .previousInstructions: ["之前的指令", "以上指令", "先前的指示", "前の指示", "以前の指示", "이전 지시"],
            .authority: ["系统", "系統", "管理员", "开发者", "システム", "管理者", "開発者", "시스템", "관리자", "개발자"],
            .sending: ["发送", "發送", "转发", "上传", "送信", "転送", "전송", "보내"],
            .secretWords: ["密码", "密碼", "密钥", "令牌", "凭证", "パスワード", "秘密鍵", "トークン", "비밀번호", "토큰"],
            .userWords: ["用户", "用戶", "ユーザー", "사용자"],
            .toolWords: ["工具", "函数", "ツール", "도구"],
            .urgency: ["必须", "必須", "务必", "立即", "重要", "必ず", "반드시", "즉시"],
            .concealment: ["悄悄", "秘密地", "偷偷", "こっそり", "몰래"],
            .doNotTell: ["不要告诉", "不要提及", "不要透露", "伝えないで", "言わないで", "알리지 마"],
            .addressesModel: ["助手", "模型", "アシスタント", "モデル", "어시스턴트", "모델"],
        ]
        return table.flatMap { flag, words in words.map { (Array($0.unicodeScalars.map(\.value)), flag) } }
            .sorted { $0.word.lexicographicallyPrecedes($1.word) }  // a fixed order, whatever the dictionary's
    }()

    /// ``cjkWords`` by their first character.
    static let cjkByFirst: [UInt32: [(word: [UInt32], flags: StructuralFeature)]] = Dictionary(grouping: cjkWords) { $0.word[0] }

    static let byWord: HashFlagTable = {
        var table: [UInt32: StructuralFeature] = [:]
        for (flag, list) in words {
            for word in list { table[hash(word), default: []].insert(flag) }
        }
        return HashFlagTable(table)
    }()

    static let byPair: HashFlagTable = {
        var table: [UInt32: StructuralFeature] = [:]
        for (flag, list) in pairs {
            for pair in list {
                let parts = pair.split(separator: " ").map(String.init)
                guard parts.count == 2 else { continue }
                table[TextFeaturizer.combine(hash(parts[0]), hash(parts[1])), default: []].insert(flag)
            }
        }
        return HashFlagTable(table)
    }()

    static func hash(_ word: String) -> UInt32 {
        TextFeaturizer.hash(Array(word.unicodeScalars.map(\.value))[...], namespace: .word)
    }

    @inline(__always)
    static func flags(forWord hash: UInt32) -> StructuralFeature { byWord[hash] }

    @inline(__always)
    static func flags(forBigram hash: UInt32) -> StructuralFeature { byPair[hash] }
}

/// Flags by word or bigram hash. Every word of every text is looked up twice and almost none is a
/// signal word, so a 64 Kbit filter answers most look-ups before the dictionary is hashed into.
struct HashFlagTable: Sendable {
    private let table: [UInt32: StructuralFeature]
    private let filter: [UInt64]

    init(_ table: [UInt32: StructuralFeature]) {
        self.table = table
        var filter = [UInt64](repeating: 0, count: 1 << 10)
        for key in table.keys { filter[Int(key >> 6) & 0x3FF] |= 1 << UInt64(key & 63) }
        self.filter = filter
    }

    @inline(__always)
    subscript(hash: UInt32) -> StructuralFeature {
        guard filter[Int(hash >> 6) & 0x3FF] & (1 << UInt64(hash & 63)) != 0 else { return [] }
        return table[hash] ?? []
    }
}
