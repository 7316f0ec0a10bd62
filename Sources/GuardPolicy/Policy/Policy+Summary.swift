/// The effective policy in words, as `mcpguard policy check` prints it: per section its defaults, limits,
/// listing and output controls, environment, and each tool's rule.
extension Policy {
    public func summaryLines() -> [String] {
        var lines: [String] = []
        for (name, rules) in servers.sorted(by: { $0.key < $1.key }) {
            var header = "server \(name == "*" ? "* (every server)" : name): default \(rules.defaultAction.rawValue), withhold tools with \(rules.withholdAt.rawValue)+ findings"
            if let rate = rules.rate { header += ", at most \(rate.count) calls per \(Int(rate.seconds)) s" }
            if let budget = rules.budget { header += ", \(budget) calls per session" }
            if let timeout = rules.timeout { header += ", calls time out after \(Policy.describe(seconds: timeout))" }
            lines.append(header)
            lines.append("  listing: poisoned definitions are \(rules.poisoned == .withhold ? "withheld" : "sanitised"); asks expire after \(Policy.describe(seconds: rules.askTimeout))")
            lines.append("  outputs: cut at \(rules.outputs.maxSize) bytes; redact \(rules.outputs.redact.isEmpty ? "nothing" : rules.outputs.redact.sorted().joined(separator: ", ")); injection \(rules.outputs.injection.rawValue)")
            if !rules.environment.isEmpty { lines.append("  environment: the basics plus \(rules.environment.joined(separator: ", "))") }
            if !rules.environmentValues.isEmpty { lines.append("  environment set by the policy (values not shown): \(rules.environmentValues.keys.sorted().joined(separator: ", "))") }
            lines.append("  outbound: refuse \(rules.outbound.isEmpty ? "nothing" : rules.outbound.sorted().joined(separator: ", ")) in arguments and answers")
            let media = Policy.MediaKind.allCases.filter { rules.outputs.action(for: $0) != .pass }
            if !media.isEmpty { lines.append("  media: " + media.map { "\($0.rawValue) \(rules.outputs.action(for: $0).rawValue)" }.joined(separator: ", ")) }
            for pattern in rules.resources.keys.sorted() { lines.append("  resource \(pattern): \(rules.resources[pattern]!.rawValue)") }
            for pattern in rules.prompts.keys.sorted() { lines.append("  prompt \(pattern): \(rules.prompts[pattern]!.rawValue)") }
            for tool in rules.tools.keys.sorted() {
                let rule = rules.tools[tool]!
                var line = "  \(tool): \(rule.action.rawValue)"
                for (argument, constraint) in rule.arguments.sorted(by: { $0.key < $1.key }) {
                    var parts: [String] = []
                    if let prefixes = constraint.prefixes { parts.append("under \(prefixes.joined(separator: " or "))") }
                    if let allowed = constraint.allowed { parts.append("one of \(allowed.joined(separator: ", "))") }
                    if let pattern = constraint.pattern { parts.append("matching \(pattern)") }
                    line += "; \(argument) " + parts.joined(separator: ", ")
                }
                if let rate = rule.rate { line += "; at most \(rate.count) per \(Int(rate.seconds)) s" }
                if let budget = rule.budget { line += "; \(budget) per session" }
                if let timeout = rule.timeout { line += "; times out after \(Policy.describe(seconds: timeout))" }
                if rule.funds { line += "; moves funds" }
                lines.append(line)
            }
        }
        return lines
    }
}
