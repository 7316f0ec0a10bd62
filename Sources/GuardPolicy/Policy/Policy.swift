import Foundation
import GuardCore
import Yams

/// The guard's policy file (YAML): per server and per tool `allow | deny | ask`, argument constraints, and
/// the listing threshold above which poisoned tools are withheld.
///
/// ```yaml
/// version: 1
/// servers:
///   "*":
///     default: allow
///     tools:
///       delete_all: deny
///       read_file: { action: allow, arguments: { path: { prefix: ["/home/me/projects"] } } }
///     listing:
///       withhold: high
/// ```
public struct Policy: Sendable, Equatable {
    public enum Action: String, Sendable, Equatable { case allow, deny, ask }

    /// A constraint on one argument.
    public struct ArgumentRule: Sendable, Equatable {
        public var pattern: String?
        public var allowed: [String]?
        /// Normalised path prefixes: `..` is resolved and symlinks followed before comparing.
        public var prefixes: [String]?
    }

    /// At most `count` calls per `seconds` (a token bucket refilled continuously).
    public struct Rate: Sendable, Equatable {
        public var count: Int
        public var seconds: Double

        /// `30/min`, `5/s`, `100/hour`.
        public init?(_ text: String) {
            let parts = text.replacingOccurrences(of: " ", with: "").split(separator: "/")
            guard parts.count == 2, let count = Int(parts[0]), count > 0 else { return nil }
            switch parts[1].lowercased() {
            case "s", "sec", "second": seconds = 1
            case "m", "min", "minute": seconds = 60
            case "h", "hour": seconds = 3600
            case "d", "day": seconds = 86400
            default: return nil
            }
            self.count = count
        }
    }

    public struct ToolRule: Sendable, Equatable {
        public var action: Action
        public var arguments: [String: ArgumentRule]
        public var rate: Rate?
        /// Calls allowed in one session (one run of the server).
        public var budget: Int?

        public init(action: Action, arguments: [String: ArgumentRule] = [:], rate: Rate? = nil, budget: Int? = nil) {
            self.action = action
            self.arguments = arguments
            self.rate = rate
            self.budget = budget
        }
    }

    public struct ServerRules: Sendable, Equatable {
        public var defaultAction: Action = .allow
        public var tools: [String: ToolRule] = [:]
        /// Tools whose poisoning findings reach this severity are withheld from listings.
        public var withholdAt: Severity = .high
        /// Limits over all tools of the server.
        public var rate: Rate?
        public var budget: Int?
    }

    public var servers: [String: ServerRules]

    /// Allow everything; withhold tools with high or critical poisoning findings.
    public static let permissive = Policy(servers: ["*": ServerRules()])

    public init(servers: [String: ServerRules]) {
        self.servers = servers
    }

    /// The rules for `server`: its own section, else `"*"`, else the permissive default.
    public func rules(for server: String) -> ServerRules {
        servers[server] ?? servers["*"] ?? ServerRules()
    }

    /// Why a policy file was refused; names the member.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public init(yaml: String, path: String) throws(Failure) {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: yaml)
        } catch {
            throw Failure(description: "\(path) is not valid YAML: \(error)")
        }
        guard let root = loaded as? [String: Any] else { throw Failure(description: "\(path): expected a mapping at the top") }
        guard (root["version"] as? Int) == 1 else { throw Failure(description: "\(path): version must be 1") }
        let known: Set<String> = ["version", "servers"]
        if let unknown = root.keys.first(where: { !known.contains($0) }) { throw Failure(description: "\(path): unknown key '\(unknown)'") }
        guard let servers = root["servers"] as? [String: Any] else { throw Failure(description: "\(path): servers must be a mapping of server names") }
        var parsed: [String: ServerRules] = [:]
        for (name, value) in servers {
            parsed[name] = try Self.serverRules(value, at: "\(path): servers.\(name)")
        }
        self.servers = parsed
    }

    static func action(_ value: Any?, at where_: String) throws(Failure) -> Action {
        guard let text = value as? String, let action = Action(rawValue: text) else {
            throw Failure(description: "\(where_) must be allow, deny or ask")
        }
        return action
    }

    static func rate(_ value: Any?, at where_: String) throws(Failure) -> Rate? {
        guard let value else { return nil }
        guard let text = value as? String, let rate = Rate(text) else { throw Failure(description: "\(where_) must look like 30/min (per s, min, hour or day)") }
        return rate
    }

    static func budget(_ value: Any?, at where_: String) throws(Failure) -> Int? {
        guard let value else { return nil }
        guard let count = value as? Int, count >= 0 else { throw Failure(description: "\(where_) must be a whole number of calls") }
        return count
    }

    static func serverRules(_ value: Any, at where_: String) throws(Failure) -> ServerRules {
        guard let object = value as? [String: Any] else { throw Failure(description: "\(where_) must be a mapping") }
        let known: Set<String> = ["default", "tools", "listing", "rate", "budget"]
        if let unknown = object.keys.first(where: { !known.contains($0) }) { throw Failure(description: "\(where_): unknown key '\(unknown)'") }
        var rules = ServerRules()
        if let value = object["default"] { rules.defaultAction = try action(value, at: "\(where_).default") }
        if let tools = object["tools"] {
            guard let tools = tools as? [String: Any] else { throw Failure(description: "\(where_).tools must be a mapping of tool names") }
            for (tool, rule) in tools {
                let at = "\(where_).tools.\(tool)"
                if rule is String {
                    rules.tools[tool] = ToolRule(action: try action(rule, at: at), arguments: [:])
                    continue
                }
                guard let object = rule as? [String: Any] else { throw Failure(description: "\(at) must be an action or a mapping") }
                var arguments: [String: ArgumentRule] = [:]
                for (name, constraint) in object["arguments"] as? [String: Any] ?? [:] {
                    guard let constraint = constraint as? [String: Any] else { throw Failure(description: "\(at).arguments.\(name) must be a mapping") }
                    if let pattern = constraint["pattern"] as? String, (try? NSRegularExpression(pattern: pattern)) == nil {
                        throw Failure(description: "\(at).arguments.\(name).pattern is not a valid regular expression")
                    }
                    arguments[name] = ArgumentRule(
                        pattern: constraint["pattern"] as? String, allowed: (constraint["enum"] as? [Any])?.map { "\($0)" },
                        prefixes: (constraint["prefix"] as? [String]) ?? (constraint["prefix"] as? String).map { [$0] }
                    )
                }
                rules.tools[tool] = ToolRule(
                    action: try action(object["action"] ?? "allow", at: "\(at).action"), arguments: arguments,
                    rate: try rate(object["rate"], at: "\(at).rate"), budget: try budget(object["budget"], at: "\(at).budget")
                )
            }
        }
        rules.rate = try rate(object["rate"], at: "\(where_).rate")
        rules.budget = try budget(object["budget"], at: "\(where_).budget")
        if let listing = object["listing"] as? [String: Any], let withhold = listing["withhold"] as? String {
            guard let severity = Severity(name: withhold) else { throw Failure(description: "\(where_).listing.withhold must be a severity") }
            rules.withholdAt = severity
        }
        return rules
    }
}

extension Policy.ArgumentRule {
    /// Why `value` breaks this rule, or nil.
    public func violation(_ value: JSONValue, argument: String) -> String? {
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let number): text = number.literal
        case .bool(let bool): text = bool ? "true" : "false"
        default: return pattern != nil || allowed != nil || prefixes != nil ? "argument '\(argument)' must be a string" : nil
        }
        if let allowed, !allowed.contains(text) { return "argument '\(argument)' must be one of \(allowed.joined(separator: ", "))" }
        if let pattern, let regex = try? NSRegularExpression(pattern: pattern),
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
        {
            return "argument '\(argument)' does not match \(pattern)"
        }
        if let prefixes {
            let resolved = Self.normalize(text)
            let allowedPrefixes = prefixes.map(Self.normalize)
            if !allowedPrefixes.contains(where: { resolved == $0 || resolved.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) {
                return "argument '\(argument)' resolves to \(resolved), outside \(prefixes.joined(separator: ", "))"
            }
        }
        return nil
    }

    /// `..` and `.` resolved and symlinks followed (for the part of the path that exists), so neither can escape a prefix.
    static func normalize(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
