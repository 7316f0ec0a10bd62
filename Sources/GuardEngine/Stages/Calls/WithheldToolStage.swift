import GuardCore

/// A tool the listing withheld (poisoned, off its pin, a name collision) is refused even where the policy
/// allows it: a client that calls it by name has not seen it, or saw an older definition.
struct WithheldToolStage: CallStage {
    var control: ControlDescriptor { GuardControls.listingWithhold }

    func check(_ call: inout CallContext, in pipeline: GuardPipeline) -> StageVerdict {
        guard let refusal = pipeline.state.withLock({ state in state.refused[call.tool] }) else { return .pass }
        return .refuseAs(code: GuardPipeline.ErrorCode.denied, refusal)
    }
}
