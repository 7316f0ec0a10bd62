import GuardCore

/// Secrets, keys and chosen personal data become typed placeholders.
struct RedactOutputStage: OutputStage {
    var control: ControlDescriptor { GuardControls.outputRedact }

    func screen(_ text: inout String, _ output: OutputContext, in pipeline: GuardPipeline) -> OutputVerdict {
        guard let redacted = pipeline.redactor.redact(text) else { return .pass }
        text = redacted.text
        let detail = redacted.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        pipeline.record(.redacted, method: output.method, tool: output.tool, rule: control.id, checklist: control.checklist, detail: "redacted \(detail)")
        return .pass
    }
}
