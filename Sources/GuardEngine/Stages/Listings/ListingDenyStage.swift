import GuardCore

/// Tools the policy denies are not listed: a model is not offered what it may not call.
struct ListingDenyStage: ListingStage {
    var control: ControlDescriptor { GuardControls.policyDeny }

    func check(_ entry: inout ListedEntry, _ listing: ListingContext, in pipeline: GuardPipeline) -> ListingVerdict {
        guard (pipeline.rules.tools[entry.name]?.action ?? pipeline.rules.defaultAction) == .deny else { return .keep }
        pipeline.record(.withheld, method: listing.method, tool: entry.name, rule: control.id, checklist: control.checklist, detail: "denied tools are not listed")
        return .withhold(nil)  // the call stage PolicyDenyStage refuses them by name
    }
}
