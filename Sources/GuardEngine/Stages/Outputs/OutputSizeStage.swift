import GuardCore

/// Texts over the policy's output limit are cut (at a character boundary) with a note saying so.
struct OutputSizeStage: OutputStage {
    var control: ControlDescriptor { GuardControls.outputSize }

    func screen(_ text: inout String, _ output: OutputContext, in pipeline: GuardPipeline) -> OutputVerdict {
        let limit = pipeline.rules.outputs.maxSize
        let size = text.utf8.count
        guard !output.structured, size > limit else { return .pass }
        var cut = String(decoding: text.utf8.prefix(limit), as: UTF8.self)
        if cut.last == "\u{FFFD}" { cut.removeLast() }  // a character split by the cut
        text = cut + "\n[mcpguard: output cut from \(size) to \(limit) bytes \(control.cite)]"
        pipeline.record(.rewritten, method: output.method, tool: output.tool, rule: control.id, checklist: control.checklist, size: size, detail: "cut to \(limit) bytes")
        return .pass
    }
}
