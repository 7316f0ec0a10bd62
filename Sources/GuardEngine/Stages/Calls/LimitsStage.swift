import GuardCore

/// Rate limits and session budgets. Last of the refusing stages: admitting a call spends budget, so only
/// a call every other stage passed may spend it.
struct LimitsStage: CallStage {
    var control: ControlDescriptor { GuardControls.limits }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        guard let refusal = pipeline.limiter.admit(tool: call.tool, rules: pipeline.rules) else { return .pass }
        return .refuse(code: GuardPipeline.ErrorCode.limited, reason: "mcpguard refuses \(call.tool): \(refusal.message)")
    }
}
