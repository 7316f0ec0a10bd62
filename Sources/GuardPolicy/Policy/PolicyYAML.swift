import Foundation
import Yams

/// Loads YAML for the policy reader from the node tree, not with `Yams.load`: that traps on a mapping key
/// that is not a scalar (found by fuzzing: one crafted policy file ended mcpguard) and silently keeps the
/// last of two equal keys, so `send_email: deny` followed by `send_email: allow` would allow. Here both
/// are errors, and aliases cannot expand into an exponentially large document.
enum PolicyYAML {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Nodes a document may expand to (aliases count every time they are used).
    static let nodeLimit = 100_000
    static let depthLimit = 64

    static func load(_ text: String) throws -> Any? {
        guard let root = try Yams.compose(yaml: text) else { return nil }
        var budget = nodeLimit
        return try convert(root, depth: 0, budget: &budget, at: "")
    }

    static func convert(_ node: Node, depth: Int, budget: inout Int, at path: String) throws -> Any {
        budget -= 1
        guard budget >= 0 else { throw Failure(description: "the document expands to more than \(nodeLimit) nodes (aliases?)") }
        guard depth <= depthLimit else { throw Failure(description: "nesting deeper than \(depthLimit) levels at \(path.isEmpty ? "the top" : path)") }
        switch node {
        case .scalar:
            return Constructor.default.any(from: node)
        case .sequence(let sequence):
            return try sequence.enumerated().map { index, element in try convert(element, depth: depth + 1, budget: &budget, at: "\(path)[\(index)]") }
        case .mapping(let mapping):
            var object: [String: Any] = [:]
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key else {
                    throw Failure(description: "\(path.isEmpty ? "the top level" : path) has a key that is not a plain name")
                }
                let name = scalar.string
                let at = path.isEmpty ? name : "\(path).\(name)"
                guard object[name] == nil else { throw Failure(description: "\(at) is given twice") }
                object[name] = try convert(value, depth: depth + 1, budget: &budget, at: at)
            }
            return object
        }
    }
}
