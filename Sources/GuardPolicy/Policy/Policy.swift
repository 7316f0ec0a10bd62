import Foundation
import GuardCore

/// The guard's policy file (YAML): per server and per tool `allow | deny | ask`, argument constraints,
/// limits and timeouts, what the server's environment may hold, listing and output controls. The file's
/// own JSON Schema (``PolicySchema``) is shipped for editors; ``init(yaml:path:)`` reads it.
///
/// ```yaml
/// version: 1
/// servers:
///   "*":
///     default: allow
///     timeout: 60s
///     tools:
///       delete_all: deny
///       read_file: { action: allow, arguments: { path: { prefix: ["/home/me/projects"] } } }
///     listing: { withhold: high }
///     outputs: { redact: [secrets, crypto, email], injection: label }
/// ```
public struct Policy: Sendable, Equatable {
    public enum Action: String, Sendable, Equatable, CaseIterable { case allow, deny, ask }

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
        /// Seconds a call may take before the guard cancels it; overrides the server's.
        public var timeout: Double?
        /// The tool moves funds: its confirmation opens with recipient, amount, asset and chain (the
        /// capability detector also finds such tools by their definition).
        public var funds: Bool = false
        /// File holding the base32 authenticator secret whose code an `ask` of this tool needs (see ``TOTP``).
        public var totp: String?

        public init(action: Action, arguments: [String: ArgumentRule] = [:], rate: Rate? = nil, budget: Int? = nil, timeout: Double? = nil, funds: Bool = false, totp: String? = nil) {
            self.action = action
            self.funds = funds
            self.totp = totp
            self.arguments = arguments
            self.rate = rate
            self.budget = budget
            self.timeout = timeout
        }
    }

    /// What happens to a listed tool whose poisoning findings reach the threshold.
    public enum PoisonedListing: String, Sendable, Equatable, CaseIterable {
        /// Not listed, and calls to it are refused.
        case withhold
        /// Listed with the instruction-like sentences removed from its description.
        case sanitize
    }

    /// What happens to tool output that reads as prompt injection.
    public enum InjectionAction: String, Sendable, Equatable, CaseIterable {
        /// The client gets an error instead of the output.
        case block
        /// The instruction-like sentences are replaced by a marker.
        case redact
        /// The output is wrapped so the model can tell data from instructions.
        case label
        /// Passed unchanged; only the audit log records it.
        case log
        /// Not inspected.
        case off
    }

    /// Media in outputs (image and audio content, resource blobs), by kind.
    public enum MediaKind: String, Sendable, Equatable, Hashable, CaseIterable {
        case images, audio, binary

        /// The kind of a MIME type: `image/*`, `audio/*`, anything else is binary.
        public init(mimeType: String?) {
            let type = mimeType?.lowercased() ?? ""
            self = type.hasPrefix("image/") ? .images : type.hasPrefix("audio/") ? .audio : .binary
        }
    }

    /// What happens to media the guard cannot read as text (hidden instructions in an image are not
    /// something a text screen can see).
    public enum MediaAction: String, Sendable, Equatable, CaseIterable {
        /// Passed unchanged.
        case pass
        /// Replaced by a short text saying what was removed.
        case drop
        /// Passed, preceded by a text block telling the model it is unscreened data.
        case label
    }

    /// Controls on what the server returns: tool results, resource contents, prompts, sampling requests.
    public struct OutputRules: Sendable, Equatable {
        /// Text larger than this (bytes, per result) is cut to it with a marker.
        public var maxSize: Int = 1024 * 1024
        public var redact: Set<String> = ["secrets", "crypto"]
        public var injection: InjectionAction = .label
        public var media: [MediaKind: MediaAction] = [:]

        public func action(for kind: MediaKind) -> MediaAction { media[kind] ?? .pass }
    }

    public struct ServerRules: Sendable, Equatable {
        public var defaultAction: Action = .allow
        public var tools: [String: ToolRule] = [:]
        /// Tools whose poisoning findings reach this severity are withheld (or sanitised) in listings.
        public var withholdAt: Severity = .high
        public var poisoned: PoisonedListing = .withhold
        /// Limits over all tools of the server.
        public var rate: Rate?
        public var budget: Int?
        /// Seconds any call may take (nil: no limit).
        public var timeout: Double?
        /// Seconds the user has to answer an `ask`; silence is a no.
        public var askTimeout: Double = 120
        /// Environment variable names passed to the server besides the basics (PATH, HOME, …).
        public var environment: [String] = []
        /// Variables the policy itself sets for the server (`environment: { GITHUB_TOKEN: "${secret:github}" }`);
        /// `${secret:NAME}` references are resolved from the secrets store at launch.
        public var environmentValues: [String: String] = [:]
        public var outputs = OutputRules()
        /// `resources/read` and `resources/subscribe` by URI pattern (`*` within a path segment, `**` across);
        /// a URI no pattern matches gets ``defaultAction``.
        public var resources: [String: Action] = [:]
        /// `prompts/get` by prompt name (`*` wildcards); unmatched names get ``defaultAction``.
        public var prompts: [String: Action] = [:]
        /// What the model may not send to the server in arguments and answers: secrets, crypto keys and, when
        /// chosen, personal data (`email`, `phone`, `card`, `iban`). Refused calls name the argument.
        public var outbound: Set<String> = ["secrets", "crypto"]
        /// Confinement of the server process (`sandbox:`); nil unless the section has one.
        public var sandbox: SandboxRules?

        public init() {}

        /// The timeout for `tool`: its own, else the server's.
        public func timeout(for tool: String) -> Double? { tools[tool]?.timeout ?? timeout }
    }

    public var servers: [String: ServerRules]

    /// Allow everything; withhold tools with high or critical poisoning findings; redact secrets and
    /// crypto keys in outputs and label injected ones.
    public static let permissive = Policy(servers: ["*": ServerRules()])

    public init(servers: [String: ServerRules]) {
        self.servers = servers
    }

    /// The rules for `server`: its own section (which inherits from `"*"`), else `"*"`, else the permissive default.
    public func rules(for server: String) -> ServerRules {
        servers[server] ?? servers["*"] ?? ServerRules()
    }

    /// Sections written for particular servers (everything but `"*"`), sorted.
    public var namedSections: [String] { servers.keys.filter { $0 != "*" }.sorted() }

    /// A duration as people read it in messages and `policy check`: `500 ms`, `30 s`, `1.5 s`.
    public static func describe(seconds value: Double) -> String {
        value < 1 ? "\(Int((value * 1000).rounded())) ms" : value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    /// Why a policy file was refused; names the member.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
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
        if let pattern, RegexCache.matches(text, pattern) == false {
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
    public static func normalize(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
