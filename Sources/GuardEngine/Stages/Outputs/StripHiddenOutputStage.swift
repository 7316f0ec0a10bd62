import GuardCore
import GuardDetect

/// Invisible characters and ANSI escapes never reach the model.
struct StripHiddenOutputStage: OutputStage {
    var control: ControlDescriptor { GuardControls.outputStripHidden }

    func screen(_ text: inout String, _ output: OutputContext, in pipeline: GuardPipeline) -> OutputVerdict {
        let stripped = HiddenCharacters.strip(text)
        if stripped != text {
            text = stripped
            pipeline.record(.rewritten, method: output.method, tool: output.tool, rule: control.id, checklist: control.checklist, detail: "invisible characters or ANSI escapes removed")
        }
        return .pass
    }
}
