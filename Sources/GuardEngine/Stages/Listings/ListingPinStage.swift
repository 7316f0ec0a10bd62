import GuardCore

/// With a lockfile in force: definitions that are unpinned or changed since pinning are withheld until
/// re-pinned, and a tool named like another pinned server's is withheld as a collision.
struct ListingPinStage: ListingStage {
    var control: ControlDescriptor { GuardControls.pinned }

    func check(_ entry: inout ListedEntry, _ listing: ListingContext, in pipeline: GuardPipeline) -> ListingVerdict {
        guard let verdict = listing.pinVerdicts[entry.name] else { return .keep }
        // The verdict names its own control: pin.enforce, or pin.collision.
        pipeline.record(.withheld, method: listing.method, tool: entry.name, rule: verdict.rule, checklist: verdict.checklist, detail: verdict.message)
        return .withhold(GuardPipeline.Refusal(rule: verdict.rule, message: verdict.message, checklist: verdict.checklist))
    }
}
