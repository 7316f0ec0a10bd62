import GuardCore

/// What the policy denies is refused: tools (which are not listed either), resources by URI pattern,
/// prompts by name. One stage type, placed in each list with the control of its kind.
struct PolicyDenyStage: CallStage {
    let control: ControlDescriptor

    init(_ control: ControlDescriptor = GuardControls.policyDeny) {
        self.control = control
    }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        guard call.action == .deny else { return .pass }
        return .refuse(code: GuardPipeline.ErrorCode.denied, reason: "mcpguard policy denies \(call.subject.noun) on server \(pipeline.server)")
    }
}
