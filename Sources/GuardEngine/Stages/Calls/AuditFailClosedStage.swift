import GuardCore

/// Nothing runs unrecorded: once the audit log cannot be written, every call, read and prompt request is refused.
struct AuditFailClosedStage: CallStage {
    var control: ControlDescriptor { GuardControls.auditLog }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        pipeline.auditRefusal(call.message, subject: call.subject.noun).map(StageVerdict.deliver) ?? .pass
    }
}
