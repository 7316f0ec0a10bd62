import GuardCore

/// The arguments against the `inputSchema` the server listed for the tool.
struct InputSchemaStage: CallStage {
    var control: ControlDescriptor { GuardControls.schemaInput }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        guard let validator = pipeline.state.withLock({ state in state.inputSchemas[call.tool] }) else { return .pass }
        let failures = validator.validate(call.arguments)
        guard !failures.isEmpty else { return .pass }
        let detail = failures.prefix(3).map { "arguments\($0.instancePath.isEmpty ? "" : $0.instancePath): \($0.message)" }.joined(separator: "; ")
        return .refuse(code: GuardPipeline.ErrorCode.invalidArguments, reason: "invalid arguments for \(call.tool): \(detail)")
    }
}
