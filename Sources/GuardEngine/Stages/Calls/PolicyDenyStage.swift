import GuardCore

/// Tools the policy denies are refused (they are not listed either).
struct PolicyDenyStage: CallStage {
    var control: ControlDescriptor { GuardControls.policyDeny }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        guard call.action == .deny else { return .pass }
        return .refuse(code: GuardPipeline.ErrorCode.denied, reason: "mcpguard policy denies tool \(call.tool) on server \(pipeline.server)")
    }
}
