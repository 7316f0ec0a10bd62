import GuardCore
import GuardDetect

/// One control over a definition in a listing (`tools/list`, `prompts/list`, `resources/list`,
/// `resources/templates/list`, and the re-check after `list_changed`). ``GuardPipeline/toolListingStages``
/// and ``GuardPipeline/definitionListingStages`` run in order over each entry; a stage may rewrite the
/// definition (recording what it did) or withhold it.
///
/// Adding a listing control is one file: a type conforming to this protocol, placed in the lists, plus
/// its policy knob and schema entry.
protocol ListingStage: Sendable {
    var control: ControlDescriptor { get }
    func check(_ entry: inout ListedEntry, _ listing: ListingContext, in pipeline: GuardPipeline) -> ListingVerdict
}

/// What the stages of one listing share, worked out once for all its entries.
struct ListingContext {
    /// `tools/list`, `prompts/list`, …: the method audit records name.
    let method: String
    /// The worst poisoning finding per definition name, at or above the policy's `withholdAt`.
    let poisoned: [String: Finding]
    /// Definitions off their pins (or colliding with another pinned server's), by name.
    let pinVerdicts: [String: PinGate.Verdict]
}

/// One definition on its way through the stages.
struct ListedEntry {
    let name: String
    /// As it will be listed, once every stage has had its say.
    var definition: JSONValue
}

enum ListingVerdict {
    case keep
    /// Not listed; calls to it are refused with `refusal` (nil: an earlier control already refuses them).
    case withhold(GuardPipeline.Refusal?)
}
