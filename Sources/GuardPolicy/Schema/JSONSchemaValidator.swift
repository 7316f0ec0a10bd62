import Foundation
import GuardCore

/// A JSON Schema validator for drafts 2020-12 and 07, written here because no Swift one exists on the
/// mirror. It is what the guard uses to check every `tools/call` against the tool's own `inputSchema`.
///
/// Supported: every assertion and applicator keyword of both drafts, `$ref` (JSON Pointer, `$anchor`,
/// `$id`-based resolution, remote documents from a registry), `$dynamicRef`/`$dynamicAnchor`, and
/// `unevaluatedProperties`/`unevaluatedItems` through annotation collection. `format` is an annotation
/// (not asserted). Evaluation is bounded: references nest at most ``maxDepth`` deep, so a schema that
/// refers to itself forever fails with an error instead of exhausting the stack.
public struct JSONSchemaValidator: Sendable {
    public enum Draft: Sendable { case draft2020_12, draft7 }

    /// One reason an instance does not match.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        /// JSON Pointer of the failing value inside the instance (`/arguments/path`).
        public let instancePath: String
        public let keyword: String
        public let message: String
        public var description: String { "\(instancePath.isEmpty ? "(root)" : instancePath): \(message)" }
    }

    public let schema: JSONValue
    public let draft: Draft
    public static let maxDepth = 64
    let registry: SchemaRegistry

    /// - Parameter remotes: other schema documents by URI, for `$ref`s that leave this document.
    public init(schema: JSONValue, draft: Draft? = nil, remotes: [String: JSONValue] = [:]) {
        self.schema = schema
        let declared = schema["$schema"]?.stringValue ?? ""
        self.draft = draft ?? (declared.contains("draft-07") || declared.contains("draft-06") ? .draft7 : .draft2020_12)
        var registry = SchemaRegistry(draft: self.draft)
        for (uri, document) in remotes { registry.add(document, baseURI: uri) }
        registry.add(schema, baseURI: Self.rootURI)
        self.registry = registry
    }

    static let rootURI = "urn:mcpguard:root"

    /// Every failure of `instance` (empty when it is valid).
    public func validate(_ instance: JSONValue) -> [Failure] {
        var evaluator = SchemaEvaluator(registry: registry, draft: draft)
        var failures: [Failure] = []
        _ = evaluator.evaluate(schema, instance, baseURI: registry.baseURI(of: schema, parent: Self.rootURI), instancePath: "", dynamicScope: [Self.rootURI], depth: 0, failures: &failures)
        return failures
    }

    public func isValid(_ instance: JSONValue) -> Bool { validate(instance).isEmpty }
}

/// Semantic JSON equality for `const`, `enum` and `uniqueItems`: numbers by value, objects unordered.
func jsonEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)):
        if let i = Int(x.literal), let j = Int(y.literal) { return i == j }
        return x.doubleValue == y.doubleValue
    case (.array(let x), .array(let y)):
        return x.count == y.count && zip(x, y).allSatisfy(jsonEqual)
    case (.object(let x), .object(let y)):
        return x.count == y.count && x.keys.allSatisfy { key in y[key].map { jsonEqual(x[key]!, $0) } ?? false }
    case (.string(let x), .string(let y)):
        // Code points, not Swift's canonical equivalence: "é" and "e\u{301}" are different JSON strings.
        return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    default:
        return a == b
    }
}
