import GuardCore

/// Arms the call's deadline from the policy's timeout; ``GuardPipeline/tick(now:)`` cancels it when due.
struct TimeoutStage: CallStage {
    var control: ControlDescriptor { GuardControls.timeout }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        call.deadline = pipeline.rules.timeout(for: call.tool).map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
        return .pass
    }
}
