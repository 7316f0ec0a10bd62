extension InstructionSignal {
    private static let call = "use|using|call|calling|invoke|invoking|run|running|execute|executing|try"
    private static let behave = "say|says|describe|recommend|claim|highlight|mention|emphasize|emphasise|respond|answer|rate|position|present|state|tell|promote"

    /// Signals that matter in tool *outputs*, on top of ``all``: data addressing the model, posing as the
    /// user, or steering it to another tool. Honest outputs (logs, pages, records) talk about things; an
    /// injected one talks to the model. The unit tests hold positive and negative examples.
    static let output: [InstructionSignal] = [
        // Steering to a tool.
        // "tool", not "function": code and commit messages say "call the function" honestly all the time.
        .init(.toolDirection, 3, "please|must|should|instead ~1 \(call) ~3 tool|tools"),
        .init(.toolDirection, 2, "\(call) ~3 tool ~3 to|instead|for|and|with|first"),
        .init(.toolDirection, 3, "replaced|superseded|deprecated ~1 by|for ~3 tool"),
        .init(.toolDirection, 3, "this tool is|has ~1 no longer|been ~1 available|disabled|removed|retired"),
        .init(.toolDirection, 3, "you ~1 must|should ~2 add|include|call|use|invoke|mention|recommend ~6 plan|answer|response|reply|result|output"),

        // Posing as the user, or as guidance for the assistant.
        .init(.impersonation, 4, "new|urgent|updated user query|request|message|instruction|task"),
        .init(.impersonation, 4, "i am the|your ~1 user|administrator|admin|developer|owner|operator"),
        .init(.impersonation, 3, "previous|prior|original task|request ~2 has|have|is ~1 been ~1 completed|done|finished|cancelled"),
        .init(.impersonation, 3, "assistant|ai|model|llm|agent guidelines|instructions|protocol|directive|directives|note|notes"),
        .init(.impersonation, 2, "system instruction|instructions|directive|directives|prompt"),

        // Overriding what came before.
        .init(.override, 3, "disregard|ignore|forget the|all|everything ~1 above|previous|preceding|prior|earlier"),
        .init(.override, 4, "must|should|shall strictly? adhere|follow|obey|comply ~3 following|these|below ~1 instructions|steps|rules|directions"),

        // Conditions on the model's behaviour.
        .init(.coerciveOrdering, 3, "in order to get|obtain|see|receive ~2 the|this|your? ~1 result|results|answer|output|data ~3 you must|need|have|should"),
        .init(.coerciveOrdering, 2, "when|whenever|once ~6 asked|asks|inquire|inquires|referencing|presenting|request|question ~10 always|must|should|requires|require"),
        .init(.preference, 2, "always \(behave)"),
        .init(.hiddenBehaviour, 2, "you ~1 also|additionally ~2 share|provide|include|mention|add|tell|send|write"),
        .init(.exfiltration, 3, "tell|show|give|send me|us ~3 content|contents|text ~2 of"),
    ]
}
