import GuardCore

/// Secrets and chosen personal data in tool or prompt arguments are refused before any confirmation: whatever the
/// user would answer, they may not reach the server.
struct OutboundSecretsStage: CallStage {
    var control: ControlDescriptor { GuardControls.outboundScreen }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        guard let leak = pipeline.outboundLeak(in: call.arguments) else { return .pass }
        return .refuse(code: GuardPipeline.ErrorCode.denied,
                       reason: "mcpguard refused \(call.subject.kind == .tool ? call.tool : call.subject.noun): argument '\(leak.path)' holds \(leak.what), which may not be sent to server \(pipeline.server)")
    }
}
