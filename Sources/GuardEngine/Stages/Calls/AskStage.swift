import GuardCore

/// Requests under `ask` run only after the user's yes: a session-wide approval (tools only), a retry that
/// carries the confirmation, or a round trip (elicitation or `input_required`) the stage starts itself.
struct AskStage: CallStage {
    var control: ControlDescriptor { GuardControls.policyAsk }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        switch call.action {
        case .deny, .allow:
            return .pass  // denied by an earlier stage; allowed calls need no confirmation
        case .ask where call.approved:
            call.approvedArguments = CanonicalJSON.hash(call.arguments)
        case .ask where call.subject.kind == .tool && pipeline.state.withLock({ state in state.sessionApprovals.contains(call.tool) }):
            call.approvedArguments = CanonicalJSON.hash(call.arguments)
            pipeline.record(.allowed, method: "tools/call", tool: call.tool, rule: control.id, checklist: control.checklist, detail: "allowed by the user's approval for this session")
        case .ask:
            switch pipeline.askRoute(call.message, subject: call.subject, arguments: call.arguments) {
            case .proceed(let rewritten, let hash):
                call.message = rewritten
                call.approvedArguments = hash
            case .deliver(let deliveries):
                return .deliver(deliveries)
            }
        }
        return .pass
    }
}
