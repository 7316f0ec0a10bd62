import GuardCore

/// Nothing runs unrecorded: once the audit log cannot be written, every call is refused.
struct AuditFailClosedStage: CallStage {
    var control: ControlDescriptor { GuardControls.auditLog }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        pipeline.auditRefusal(call.message, subject: "tool \(call.tool)").map(StageVerdict.deliver) ?? .pass
    }
}
