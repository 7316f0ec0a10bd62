import GuardCore

/// A resource URI longer than ``GuardPipeline/uriLimit`` is refused before any pattern is evaluated on it.
struct ResourceURILimitStage: CallStage {
    var control: ControlDescriptor { GuardControls.policyResources }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        let size = call.subject.name.utf8.count
        guard size > GuardPipeline.uriLimit else { return .pass }
        // The audit record names the URI by its head: the refused input is never logged whole.
        return .deliver(pipeline.refuse(call.message, tool: String(call.subject.name.prefix(80)) + "…", code: GuardPipeline.ErrorCode.denied, rule: control.id,
                                        text: "mcpguard refuses a \(size)-byte resource URI: the limit is \(GuardPipeline.uriLimit) bytes \(control.cite)",
                                        checklist: control.checklist))
    }
}
