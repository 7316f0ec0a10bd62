import GuardCore

/// The policy's argument patterns, enums and path prefixes, checked in argument-name order.
struct ArgumentConstraintsStage: CallStage {
    var control: ControlDescriptor { GuardControls.policyArguments }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        for (argument, constraint) in (call.rule?.arguments ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let value = call.arguments[argument], let problem = constraint.violation(value, argument: argument) {
                return .refuse(code: GuardPipeline.ErrorCode.denied, reason: "mcpguard policy refuses \(call.tool): \(problem)")
            }
        }
        return .pass
    }
}
