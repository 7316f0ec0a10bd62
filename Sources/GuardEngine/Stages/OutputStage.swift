import GuardCore

/// One control over a text the server sends toward the model (a tool result, resource contents, a prompt,
/// an error message, a sampling or elicitation request). ``GuardPipeline/outputStages`` run in order over
/// each text; each may rewrite it (recording what it did) or block the whole output.
///
/// Adding an output control is one file: a type conforming to this protocol, placed in the list, plus its
/// policy knob and schema entry.
protocol OutputStage: Sendable {
    var control: ControlDescriptor { get }
    func screen(_ text: inout String, _ output: OutputContext, in pipeline: GuardPipeline) -> OutputVerdict
}

/// Where a text comes from, for audit records and the words of a label or a block.
struct OutputContext {
    let method: String
    let tool: String?
    /// "tool X of server Y", "resource …": how a label or a block names the text's origin.
    let source: String
    /// A string inside `structuredContent` or other JSON: it cannot be wrapped or cut into, so labelling and
    /// cutting fall back to logging.
    let structured: Bool
}

enum OutputVerdict {
    case pass
    /// The whole output is withheld; `reason` is the sentence without its citation.
    case block(reason: String)
}

/// Why an output was withheld, with the control that withheld it.
struct OutputBlock: Equatable {
    let control: ControlDescriptor
    /// The sentence the client reads, citing the control.
    let text: String
}
