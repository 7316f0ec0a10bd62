import GuardCore
import GuardDetect

/// Prompt injection in a text: blocked, removed, labelled as untrusted data or logged, per policy. Runs
/// after redaction, so a label never quotes a secret.
struct InjectionOutputStage: OutputStage {
    var control: ControlDescriptor { GuardControls.outputInjection }

    func screen(_ text: inout String, _ output: OutputContext, in pipeline: GuardPipeline) -> OutputVerdict {
        let action = pipeline.rules.outputs.injection
        guard action != .off, let verdict = pipeline.injection.inspect(text) else { return .pass }
        let what = verdict.summary
        switch action {
        case .block:
            return .block(reason: "mcpguard blocked the output of \(output.source): it reads as prompt injection (\(what))")
        case .redact where !output.structured:
            text = InstructionSanitizer.remove(verdict.hits, from: text, marker: GuardPipeline.removedMarker)
            pipeline.record(.rewritten, method: output.method, tool: output.tool, rule: control.id, checklist: control.checklist, detail: "instructions removed: \(what)")
        case .label where !output.structured:
            text = GuardPipeline.label(text, source: output.source, what: what)
            pipeline.record(.rewritten, method: output.method, tool: output.tool, rule: control.id, checklist: control.checklist, detail: "labelled as untrusted data: \(what)")
        default:
            pipeline.record(.allowed, method: output.method, tool: output.tool, rule: control.id, checklist: control.checklist, detail: "passed with injection signals: \(what)")
        }
        return .pass
    }
}
