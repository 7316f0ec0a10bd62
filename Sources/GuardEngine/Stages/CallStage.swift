import GuardCore
import GuardPolicy

/// One check of a request on its way to the server: a `tools/call` (``GuardPipeline/callStages``), a
/// `resources/read` or `resources/subscribe` (``GuardPipeline/resourceStages``) or a `prompts/get`
/// (``GuardPipeline/promptStages``). The pipeline runs a list in order; the first stage that does not pass decides. A stage names its control, so a refusal's text
/// cites it and its audit record carries its id and checklist items without the stage spelling them out.
///
/// Adding a control to requests is one file: a type conforming to this protocol, placed in the list, plus its
/// policy knob and schema entry.
protocol CallStage: Sendable {
    /// What the stage enforces; cited by every refusal it makes.
    var control: ControlDescriptor { get }
    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict
}

/// A request as the stages see it.
struct CallContext {
    /// The request; a confirmation round trip may rewrite it (our confirmation token removed).
    var message: JSONRPCMessage
    /// The tool, resource or prompt the request names.
    let subject: GuardPipeline.AskSubject
    /// The tool's or prompt's arguments; a resource request's `{"uri": …}` (what a confirmation shows).
    let arguments: JSONValue
    /// The policy's rule for a tool, if it has one (nil for resources and prompts).
    let rule: Policy.ToolRule?
    let action: Policy.Action
    /// The user already said yes (an answered elicitation runs the call through the stages again).
    let approved: Bool
    /// Arguments hash of a call the user approved, so a server's own `input_required` retry is not asked again.
    var approvedArguments: String?
    /// When the guard cancels the call (policy timeout); nil: never.
    var deadline: ContinuousClock.Instant?

    /// The subject's name: a tool's, a prompt's, a resource's URI.
    var tool: String { subject.name }
}

/// What a stage decided.
enum StageVerdict {
    case pass
    /// Refused with a JSON-RPC error `code`; `reason` is the sentence without its citation, which the
    /// pipeline appends from the stage's control.
    case refuse(code: Int, reason: String)
    /// Refused for a reason decided earlier and already worded and cited (a definition withheld from the
    /// listing is refused under the control that withheld it).
    case refuseAs(code: Int, GuardPipeline.Refusal)
    /// The stage answered itself (a confirmation request or a refusal of its own making).
    case deliver([GuardPipeline.Delivery])
}
