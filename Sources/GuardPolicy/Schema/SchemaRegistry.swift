import Foundation
import GuardCore

/// Every schema resource reachable by URI: documents, subschemas with `$id`, `$anchor`s and
/// `$dynamicAnchor`s, indexed once when the validator is built.
struct SchemaRegistry: Sendable {
    let draft: JSONSchemaValidator.Draft
    /// Absolute URI (without fragment) → schema resource.
    private(set) var resources: [String: JSONValue] = [:]
    /// URI with `#anchor` → subschema and its base URI.
    private(set) var anchors: [String: (JSONValue, String)] = [:]
    /// Resource URI → its dynamic anchors (subschema and base URI by name).
    private(set) var dynamicAnchors: [String: [String: (JSONValue, String)]] = [:]

    init(draft: JSONSchemaValidator.Draft) {
        self.draft = draft
    }

    mutating func add(_ document: JSONValue, baseURI: String) {
        index(document, baseURI: Self.stripFragment(baseURI), isResourceRoot: true)
    }

    private mutating func index(_ schema: JSONValue, baseURI: String, isResourceRoot: Bool, depth: Int = 0) {
        guard depth < 200 else { return }
        var base = baseURI
        if case .object(let object) = schema {
            if let id = object["$id"]?.stringValue, !(draft == .draft7 && object["$ref"] != nil) {
                if id.hasPrefix("#") && draft == .draft7 {
                    anchors[base + id] = (schema, base)  // draft-07 plain-name fragment ids
                } else {
                    base = Self.stripFragment(Self.resolve(id, against: baseURI))
                    resources[base] = schema
                    if id.contains("#"), draft == .draft7, let fragment = id.split(separator: "#", maxSplits: 1).last, !fragment.isEmpty {
                        anchors[base + "#" + fragment] = (schema, base)
                    }
                }
            }
            if isResourceRoot, resources[base] == nil { resources[base] = schema }
            if let anchor = object["$anchor"]?.stringValue { anchors[base + "#" + anchor] = (schema, base) }
            if let anchor = object["$dynamicAnchor"]?.stringValue {
                anchors[base + "#" + anchor] = (schema, base)
                dynamicAnchors[base, default: [:]][anchor] = (schema, base)
            }
            for (key, value) in object.members where !Self.nonSchemaKeywords.contains(key) {
                index(value, baseURI: base, isResourceRoot: false, depth: depth + 1)
            }
        } else if case .array(let elements) = schema {
            for element in elements { index(element, baseURI: base, isResourceRoot: false, depth: depth + 1) }
        }
    }

    /// Keywords whose values are data, not schemas (their `$id`s and anchors must not be indexed).
    static let nonSchemaKeywords: Set<String> = ["const", "enum", "examples", "default", "required", "type", "$comment", "description", "title"]

    /// The base URI inside `schema`: its `$id` resolved against the parent's, or the parent's.
    func baseURI(of schema: JSONValue, parent: String) -> String {
        guard case .object(let object) = schema, let id = object["$id"]?.stringValue, !id.hasPrefix("#"),
            !(draft == .draft7 && object["$ref"] != nil)
        else { return parent }
        return Self.stripFragment(Self.resolve(id, against: parent))
    }

    /// Resolves a `$ref` value against `baseURI`: returns the target schema and its base URI.
    func lookup(_ reference: String, baseURI: String) -> (JSONValue, String)? {
        let absolute = Self.resolve(reference, against: baseURI)
        let parts = absolute.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let resource = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        guard let document = resources[resource] else { return nil }
        if fragment.isEmpty { return (document, resource) }
        if fragment.hasPrefix("/") {
            // Walk the pointer, tracking the base URI each step lives under; the target's own $id is
            // applied when it is evaluated, so the base returned is its parent's.
            var current = document
            var parentBase = resource
            for token in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                let inside = self.baseURI(of: current, parent: parentBase)
                let decoded = (String(token).removingPercentEncoding ?? String(token))
                    .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                switch current {
                case .object(let object):
                    guard let next = object[decoded] else { return nil }
                    current = next
                case .array(let array):
                    guard let index = Int(decoded), array.indices.contains(index) else { return nil }
                    current = array[index]
                default:
                    return nil
                }
                parentBase = inside
            }
            return (current, parentBase)
        }
        return anchors[resource + "#" + fragment]
    }

    func dynamicAnchor(_ name: String, in resource: String) -> (JSONValue, String)? { dynamicAnchors[resource]?[name] }

    static func stripFragment(_ uri: String) -> String {
        uri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? uri
    }

    /// RFC 3986 reference resolution (enough for schema `$id`/`$ref`; URNs resolve fragments only).
    static func resolve(_ reference: String, against base: String) -> String {
        if reference.isEmpty { return base }
        if reference.hasPrefix("#") { return stripFragment(base) + reference }
        if reference.contains(":"), let scheme = reference.split(separator: ":").first, scheme.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }) {
            return reference
        }
        if base.hasPrefix("urn:") { return reference }
        guard let baseURL = URL(string: stripFragment(base)), let resolved = URL(string: reference, relativeTo: baseURL) else { return reference }
        return resolved.absoluteString
    }
}
