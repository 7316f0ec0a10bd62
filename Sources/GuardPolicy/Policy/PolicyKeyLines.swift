import Yams

/// Where each key of a policy file is written, so an assessment can name the line that puts a control in
/// force (`servers.*.outputs.redact` → 14).
public struct PolicyKeyLines: Sendable, Hashable {
    /// Dotted key paths (`servers.git.tools.push`) to 1-based line numbers.
    public let lines: [String: Int]

    /// Reads the key lines of `yaml`; a file that does not parse has none (the policy reader reports why).
    public init(yaml: String) {
        var lines: [String: Int] = [:]
        if let root = try? Yams.compose(yaml: yaml) {
            var budget = PolicyYAML.nodeLimit
            Self.walk(root, path: "", depth: 0, budget: &budget, into: &lines)
        }
        self.lines = lines
    }

    public init(lines: [String: Int] = [:]) {
        self.lines = lines
    }

    /// The line of `path` in `section`, falling back to the `"*"` section a named one inherits from.
    public func line(section: String, _ path: String) -> Int? {
        lines["servers.\(section).\(path)"] ?? lines["servers.*.\(path)"]
    }

    private static func walk(_ node: Node, path: String, depth: Int, budget: inout Int, into lines: inout [String: Int]) {
        budget -= 1
        guard budget >= 0, depth <= PolicyYAML.depthLimit, case .mapping(let mapping) = node else { return }
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { continue }
            let at = path.isEmpty ? scalar.string : "\(path).\(scalar.string)"
            if let line = key.mark?.line, lines[at] == nil { lines[at] = line }
            walk(value, path: at, depth: depth + 1, budget: &budget, into: &lines)
        }
    }
}
