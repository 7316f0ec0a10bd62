import GuardCore

/// Secrets and chosen personal data in the arguments are refused before any confirmation: whatever the
/// user would answer, they may not reach the server.
struct OutboundSecretsStage: CallStage {
    var control: ControlDescriptor { GuardControls.outboundScreen }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        guard let leak = pipeline.outboundLeak(in: call.arguments) else { return .pass }
        return .refuse(code: GuardPipeline.ErrorCode.denied,
                       reason: "mcpguard refused \(call.tool): argument '\(leak.path)' holds \(leak.what), which may not be sent to server \(pipeline.server)")
    }
}
