import GuardCore
import GuardDetect

/// Invisible characters are removed from every string of a definition.
struct ListingStripHiddenStage: ListingStage {
    var control: ControlDescriptor { GuardControls.listingStripHidden }

    func check(_ entry: inout ListedEntry, _ listing: ListingContext, in pipeline: GuardPipeline) -> ListingVerdict {
        let cleaned = entry.definition.mappingStrings(HiddenCharacters.strip)
        if cleaned != entry.definition {
            entry.definition = cleaned
            pipeline.record(.rewritten, method: listing.method, tool: entry.name, rule: control.id, checklist: control.checklist, detail: "invisible characters removed")
        }
        return .keep
    }
}
