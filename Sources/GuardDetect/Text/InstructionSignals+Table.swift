extension InstructionSignal {
    // Shared vocabularies, so related patterns stay consistent.
    private static let tell = "tell|telling|mention|mentioning|inform|informing|notify|notifying|reveal|revealing|disclose|disclosing|alert|alerting|show|showing|explain|explaining"
    private static let user = "user|user's|users|human|humans|operator|them|anyone|anybody"
    private static let instructions = "instruction|instructions|prompt|prompts|rule|rules|directive|directives|guideline|guidelines|guidance|constraints|context"
    private static let secrets = "key|keys|api_key|apikey|token|tokens|credential|credentials|password|passwords|secret|secrets|cookie|cookies|mnemonic|seed|private_key"
    /// The model's own context; `history` or `messages` alone are too common in honest descriptions.
    private static let context = "conversation|conversations|chat|chats|transcript|transcripts|dialogue|dialog|system_prompt"
    private static let send = "send|sending|upload|uploading|post|posting|forward|forwarding|transmit|transmitting|exfiltrate|leak|email|emailing|report|copy|share|sharing|append|include|attach|embed"
    private static let read = "read|reading|open|opening|cat|access|accessing|load|loading|get|fetch|collect|collecting|extract|extracting|retrieve|retrieving|dump|search"
    private static let call = "call|calling|use|using|run|running|invoke|invoking|execute|executing|trigger|select|choose|pick"

    /// The signal table. Phrases are general forms of what poisoned tools say, not copies of particular
    /// attacks; the unit tests hold positive and negative examples for each category.
    static let all: [InstructionSignal] = [
        // Override
        .init(.override, 4, "ignore|disregard|forget|override|overrule|bypass ~2 all|any|every|previous|prior|above|earlier|preceding|former|existing|original|system ~2 \(instructions)"),
        .init(.override, 2, "new|updated|real|actual|true instructions|instruction|rules|directives ~2 are|follow|override|supersede|replace"),
        .init(.override, 2, "these instructions|rules take|have precedence|priority"),
        .init(.override, 3, "from now on you|you're ~2 must|will|are|should"),
        .init(.override, 3, "you are no longer"),

        // Concealment
        .init(.concealment, 4, "do|must|should|will not|never \(tell) ~4 \(user)"),
        .init(.concealment, 4, "don't|dont|never|without \(tell) ~4 \(user)"),
        .init(.concealment, 4, "do|don't not? explicitly? mention|reveal|disclose ~2 that|this|it|these|the"),
        .init(.concealment, 3, "without|not ~1 the user|user's ~2 knowing|knowledge|noticing|awareness|consent|permission"),
        .init(.concealment, 3, "user|users ~3 must|should|will|need not|never ~2 know|see|notice|learn|find"),
        .init(.concealment, 3, "keep|keeping ~4 secret|hidden|private|confidential|invisible ~1 from ~2 \(user)"),
        .init(.concealment, 3, "hide|hiding|conceal|concealing ~4 from ~2 \(user)"),
        .init(.concealment, 2, "present|presenting|frame|phrase ~6 as if|though"),
        .init(.concealment, 1.5, "secretly|silently|covertly|quietly|surreptitiously|discreetly"),
        .init(.concealment, 2, "be ~2 gentle|subtle|discreet|careful ~3 not ~2 to? ~1 scare|upset|alarm|worry|confuse"),

        // Impersonation
        .init(.impersonation, 4, "message|note|instructions|request ~2 from ~2 user|system|administrator|admin|developer|developers|operator ~2 to ~2 you|assistant|model|ai|llm|agent"),
        .init(.impersonation, 4, "signed ~2 the? user|administrator|admin|system"),
        .init(.impersonation, 3, "the user ~2 has|have ~2 authorized|approved|asked|instructed|requested ~2 you"),
        .init(.impersonation, 2, "system ~1 override|message|notice|alert|instruction"),
        .init(.impersonation, 3, "as a|an ai|assistant|llm ~3 you must|should|will|are"),

        // Coercive ordering
        .init(.coerciveOrdering, 3, "before you|we can|could|may ~2 solve|complete|answer|start|begin|continue|proceed|respond ~3 task|request|question|anything"),
        .init(.coerciveOrdering, 3, "after you do|did|complete|finish that|this|it ~4 you can|may"),
        .init(.coerciveOrdering, 3, "must|should|always|first \(call) ~2 this tool|function ~3 first|before ~3 any|every|other|all"),
        .init(.coerciveOrdering, 3, "this tool|function must|should ~2 be ~2 called|used|run|invoked ~3 before|first ~3 any|every|other|all"),
        .init(.coerciveOrdering, 3, "before \(call)|executing|execute ~2 any|every|other|another ~2 tool|tools|function|functions|operation|operations"),
        .init(.coerciveOrdering, 2, "before \(call)|executing|execute|performing|providing|answering|responding ~3 any|this|the ~3 tool|function|operation|information|response|answer ~6 you ~1 must|first|need"),
        .init(.coerciveOrdering, 2, "please do the following first"),
        .init(.coerciveOrdering, 2, "otherwise ~2 the|this tool|service|request|function|operation|server ~2 will|won't|fails|fail|rejects|reject"),

        // Preference manipulation
        .init(.preference, 3, "this|it is ~1 the best|greatest|only|most ~1 tool|function|option|choice ~2 in|on|for ~2 the? world|universe|planet|market|ever|available"),
        .init(.preference, 3, "best tool ~1 in ~1 the world"),
        .init(.preference, 3, "use|choose|prefer|select|call this tool|function|one ~2 rather|instead ~1 than|of ~3 other|others|any|another|alternatives"),
        .init(.preference, 3, "never|not|don't|dont|avoid use|using|call|calling|choose|choosing ~2 any|other|another|alternative|competing|different ~1 tool|tools|function|functions|servers|options"),
        .init(.preference, 3, "only|always|just use|call|choose this tool|function ~4 regardless|whatever|no|instead|even"),
        .init(.preference, 3, "no matter what|how ~4 use|call|choose ~2 this"),
        .init(.preference, 3, "preferred|superior|better over|than|to ~2 any|all|every ~1 other|others|alternative|alternatives"),
        .init(.preference, 2, "most reliable|trustworthy|accurate|powerful tool ~2 available|ever|in"),

        // Sensitive files (paths are caught separately by SensitivePaths; these are worded requests)
        .init(.sensitiveFile, 2, "\(read) ~3 ssh|private|wallet|keychain|keystore ~2 key|keys|file|files|directory|folder"),
        .init(.sensitiveFile, 2, "\(read) ~4 environment|env|secrets|credentials|passwords|cookies|keychain|api_keys"),
        .init(.sensitiveFile, 2, "\(read) ~3 system|host|mcp|claude|cursor ~1 configuration|config|settings ~2 file|files|at|in"),

        // Exfiltration
        .init(.exfiltration, 4, "\(send) ~4 \(context) ~3 to|via|into|in|with", negatable: true),
        .init(.exfiltration, 4, "\(send) ~4 system prompt|instructions|message|prompts", negatable: true),
        .init(.exfiltration, 4, "\(send) ~3 all|entire|full|whole|previous|prior|earlier ~2 messages|history|context|conversation|memory ~3 to|via|into|in|with", negatable: true),
        .init(.exfiltration, 3, "\(send) ~3 the|your|all|any|user's ~2 \(secrets) ~3 to|in|into|via|with", negatable: true),
        .init(.exfiltration, 4, "include|append|add|put|insert|embed ~4 \(secrets) ~3 in|into|to ~3 response|output|reply|answer|result|parameter|argument|field|request", negatable: true),
        .init(.exfiltration, 4, "pass|put|insert|place|add|provide|paste|write|fill|include ~4 its|their content|contents|text ~4 as|in|into|inside ~3 parameter|param|argument|field|sidenote|note|notes|context|metadata"),
        .init(.exfiltration, 4, "save|write|send|store|record|include|append|upload|post ~3 names|list ~2 of ~2 the? ~1 tools|functions ~3 you ~2 can|have|use|access"),
        .init(.exfiltration, 2, "names|list|lists ~2 of ~2 the? ~1 tools|functions ~3 you ~2 can|have|use|access"),
        .init(.exfiltration, 3, "tell|give|show|send|report ~2 me|us ~2 who|what you are|model"),
        .init(.exfiltration, 3, "name|version|identity of ~2 the|your ~2 llm|model|ai|assistant|agent ~3 that|which|who ~1 calls|calling|invokes|uses|is ~1 this|the ~1 tool|function"),
        .init(.exfiltration, 3, "\(send) ~4 \(context)", negatable: true),

        // Parameter tampering
        .init(.parameterTampering, 4, "always|must|should ~3 change|replace|set|redirect|rewrite|override|add|substitute ~4 recipient|recipients|destination|bcc|cc|wallet|receiver|payee|iban|beneficiary"),
        .init(.parameterTampering, 3, "add ~4 to ~2 the? bcc|cc|recipients|recipient ~2 list|field"),
        .init(.parameterTampering, 3, "replace|overwrite|substitute ~3 values|value|arguments|argument|parameters ~3 with ~2 the? ~1 response|output|result"),
        .init(.parameterTampering, 3, "modify|change|alter|fix|correct|override ~3 the? ~1 wrong|incorrect ~1 result|results|output|outputs|response|responses"),
        .init(.parameterTampering, 2, "whenever ~4 \(call)|called|used|invoked ~6 must|always|also"),

        // Hidden secondary behaviour
        .init(.hiddenBehaviour, 3, "additionally|also ~4 secretly|silently|quietly|covertly"),
        .init(.hiddenBehaviour, 3, "in addition ~4 secretly|silently|quietly|covertly"),
        .init(.hiddenBehaviour, 2, "in addition ~3 tell|send|include|append|read|write|call|execute"),
        .init(.hiddenBehaviour, 1, "this tool has been ~2 upgraded|updated|changed|enhanced ~2 to"),
    ]
}
