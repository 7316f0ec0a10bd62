import GuardCore
import GuardPolicy

/// A definition the detectors find poisoned (at the policy's `withholdAt` severity or above) is withheld,
/// or listed with its instruction-like sentences removed (`listing.poisoned: sanitize`).
struct ListingPoisonStage: ListingStage {
    var control: ControlDescriptor { GuardControls.listingWithhold }

    func check(_ entry: inout ListedEntry, _ listing: ListingContext, in pipeline: GuardPipeline) -> ListingVerdict {
        guard let finding = listing.poisoned[entry.name] else { return .keep }
        if pipeline.rules.poisoned == .withhold {
            // The record names the detector's rule; the refusal a later call gets cites this control.
            pipeline.record(.withheld, method: listing.method, tool: entry.name, rule: finding.rule, checklist: control.checklist, detail: finding.message)
            let noun = listing.method == "tools/list" ? "tool" : "definition"
            let text = "mcpguard withheld \(noun) \(entry.name) of server \(pipeline.server): \(finding.message) \(control.cite)"
            return .withhold(GuardPipeline.Refusal(rule: control.id, message: text, checklist: control.checklist))
        }
        entry.definition = GuardPipeline.sanitized(entry.definition)
        pipeline.record(.rewritten, method: listing.method, tool: entry.name, rule: finding.rule, checklist: control.checklist, detail: "instructions removed from the description: \(finding.message)")
        return .keep
    }
}
