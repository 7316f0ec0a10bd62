import Foundation
import GuardCore
import Yams

extension Policy {
    /// Reads a policy file. Every mistake is one ``Failure`` naming the member (`p.yaml: servers.git.timeout
    /// must be a duration such as 30s`); unknown keys are refused so a typo never silently weakens a policy.
    public init(yaml: String, path: String) throws(Failure) {
        let loaded: Any?
        do {
            loaded = try PolicyYAML.load(yaml)
        } catch {
            throw Failure(description: "\(path) is not valid YAML: \(error)")
        }
        guard let root = loaded as? [String: Any] else { throw Failure(description: "\(path): expected a mapping at the top") }
        guard (root["version"] as? Int) == 1 else { throw Failure(description: "\(path): version must be 1") }
        try Self.refuseUnknown(root, known: ["version", "servers"], at: path)
        guard let servers = root["servers"] as? [String: Any] else { throw Failure(description: "\(path): servers must be a mapping of server names") }
        var parsed: [String: ServerRules] = [:]
        let base = servers["*"] as? [String: Any]
        for (name, value) in servers {
            // A named section starts from "*" and overrides only what it sets, so a section written for one
            // tool never silently drops the redaction and injection settings every server should have.
            let section = name == "*" ? value : Self.inheriting(base, value)
            parsed[name] = try Self.serverRules(section, at: "\(path): servers.\(name)")
        }
        self.servers = parsed
    }

    /// Members whose mappings merge key by key (the named section's entry wins); every other member of a
    /// named section replaces the one of "*".
    static let mergedMembers: Set<String> = ["tools", "resources", "prompts", "listing", "outputs", "outbound", "sandbox"]

    /// `named` laid over `base` (the "*" section): see ``mergedMembers``.
    static func inheriting(_ base: [String: Any]?, _ named: Any) -> Any {
        guard let base, let named = named as? [String: Any] else { return named }
        var merged = base
        for (key, value) in named {
            if mergedMembers.contains(key), let inner = base[key] as? [String: Any], let own = value as? [String: Any] {
                merged[key] = inner.merging(own) { $1 }
            } else {
                merged[key] = value
            }
        }
        return merged
    }

    static func refuseUnknown(_ object: [String: Any], known: Set<String>, at where_: String) throws(Failure) {
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw Failure(description: "\(where_): unknown key '\(unknown)' (expected one of \(known.sorted().joined(separator: ", ")))")
        }
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

    /// `30s`, `2m`, `1h`, `500ms` or a number of seconds.
    static func duration(_ value: Any?, at where_: String) throws(Failure) -> Double? {
        guard let value else { return nil }
        if let number = value as? Int, number > 0 { return Double(number) }
        if let number = value as? Double, number > 0 { return number }
        if let text = value as? String {
            let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
            for (unit, scale) in units where text.hasSuffix(unit) {
                if let number = Double(text.dropLast(unit.count)), number > 0 { return number * scale }
            }
        }
        throw Failure(description: "\(where_) must be a duration such as 30s, 2m or 500ms")
    }

    /// `1048576`, `256KB`, `1MB`.
    static func size(_ value: Any?, at where_: String) throws(Failure) -> Int? {
        guard let value else { return nil }
        if let number = value as? Int, number > 0 { return number }
        if let text = (value as? String)?.uppercased() {
            for (unit, scale) in [("KB", 1024), ("MB", 1024 * 1024), ("B", 1)] where text.hasSuffix(unit) {
                if let number = Int(text.dropLast(unit.count).trimmingCharacters(in: .whitespaces)), number > 0 { return number * scale }
            }
        }
        throw Failure(description: "\(where_) must be a size such as 262144, 256KB or 1MB")
    }

    static let redactionNames: Set<String> = ["secrets", "crypto", "email", "phone", "card", "iban"]

    static func serverRules(_ value: Any, at where_: String) throws(Failure) -> ServerRules {
        guard let object = value as? [String: Any] else { throw Failure(description: "\(where_) must be a mapping") }
        try refuseUnknown(object, known: ["default", "tools", "resources", "prompts", "outbound", "listing", "rate", "budget", "timeout", "ask_timeout", "environment", "outputs", "sandbox"], at: where_)
        var rules = ServerRules()
        if let value = object["default"] { rules.defaultAction = try action(value, at: "\(where_).default") }
        if let tools = object["tools"] {
            guard let tools = tools as? [String: Any] else { throw Failure(description: "\(where_).tools must be a mapping of tool names") }
            for (tool, rule) in tools {
                rules.tools[tool] = try toolRule(rule, at: "\(where_).tools.\(tool)")
            }
        }
        rules.resources = try patterns(object["resources"], at: "\(where_).resources")
        rules.prompts = try patterns(object["prompts"], at: "\(where_).prompts")
        if let outbound = object["outbound"] { rules.outbound = try outboundRules(outbound, at: "\(where_).outbound") }
        rules.rate = try rate(object["rate"], at: "\(where_).rate")
        rules.budget = try budget(object["budget"], at: "\(where_).budget")
        rules.timeout = try duration(object["timeout"], at: "\(where_).timeout")
        if let ask = try duration(object["ask_timeout"], at: "\(where_).ask_timeout") { rules.askTimeout = ask }
        if let environment = object["environment"] {
            (rules.environment, rules.environmentValues) = try Self.environment(environment, at: "\(where_).environment")
        }
        if let listing = object["listing"] {
            guard let listing = listing as? [String: Any] else { throw Failure(description: "\(where_).listing must be a mapping") }
            try refuseUnknown(listing, known: ["withhold", "poisoned"], at: "\(where_).listing")
            if let withhold = listing["withhold"] {
                guard let name = withhold as? String, let severity = Severity(name: name) else { throw Failure(description: "\(where_).listing.withhold must be a severity (info, low, medium, high, critical)") }
                rules.withholdAt = severity
            }
            if let poisoned = listing["poisoned"] {
                guard let name = poisoned as? String, let choice = PoisonedListing(rawValue: name) else { throw Failure(description: "\(where_).listing.poisoned must be withhold or sanitize") }
                rules.poisoned = choice
            }
        }
        if let outputs = object["outputs"] { rules.outputs = try outputRules(outputs, at: "\(where_).outputs") }
        if let sandbox = object["sandbox"] { rules.sandbox = try sandboxRules(sandbox, at: "\(where_).sandbox") }
        return rules
    }

    /// `environment:` as a list of names to pass through, or a mapping of names to values (which may refer
    /// to `${secret:NAME}`); the references are checked here and resolved only at launch.
    static func environment(_ value: Any, at where_: String) throws(Failure) -> (names: [String], values: [String: String]) {
        if let names = value as? [String] { return (names, [:]) }
        guard let object = value as? [String: Any] else {
            throw Failure(description: "\(where_) must be a list of variable names or a mapping of names to values such as \"${secret:NAME}\"")
        }
        var values: [String: String] = [:]
        for (name, given) in object {
            guard name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else { throw Failure(description: "\(where_): '\(name)' is not a variable name") }
            guard let text = given as? String else { throw Failure(description: "\(where_).\(name) must be a string (quote it)") }
            do { _ = try SecretReference.parse(text) } catch { throw Failure(description: "\(where_).\(name): \(error)") }
            values[name] = text
        }
        return ([], values)
    }

    /// `resources:` (URI patterns) and `prompts:` (names): a mapping of pattern to action.
    static func patterns(_ value: Any?, at where_: String) throws(Failure) -> [String: Action] {
        guard let value else { return [:] }
        guard let object = value as? [String: Any] else { throw Failure(description: "\(where_) must be a mapping of patterns to allow, deny or ask") }
        var result: [String: Action] = [:]
        for (pattern, action) in object {
            guard !pattern.isEmpty else { throw Failure(description: "\(where_): a pattern must not be empty") }
            result[pattern] = try Self.action(action, at: "\(where_).\(pattern)")
        }
        return result
    }

    /// `outbound: { refuse: [secrets, crypto, pii] }`: what the model may not send to the server.
    static func outboundRules(_ value: Any, at where_: String) throws(Failure) -> Set<String> {
        guard let object = value as? [String: Any] else { throw Failure(description: "\(where_) must be a mapping") }
        try refuseUnknown(object, known: ["refuse"], at: where_)
        guard let refuse = object["refuse"] else { return [] }
        let known = redactionNames.union(["pii"])
        guard let names = refuse as? [String], names.allSatisfy(known.contains) else {
            throw Failure(description: "\(where_).refuse must be a list of: \(known.sorted().joined(separator: ", "))")
        }
        return Set(names.flatMap { $0 == "pii" ? ["email", "phone", "card", "iban"] : [$0] })
    }

    static func toolRule(_ rule: Any, at where_: String) throws(Failure) -> ToolRule {
        if rule is String { return ToolRule(action: try action(rule, at: where_)) }
        guard let object = rule as? [String: Any] else { throw Failure(description: "\(where_) must be an action or a mapping") }
        try refuseUnknown(object, known: ["action", "arguments", "rate", "budget", "timeout", "funds", "totp"], at: where_)
        if let totp = object["totp"], !(totp is String) { throw Failure(description: "\(where_).totp must be the path of a file holding a base32 authenticator secret") }
        if object["totp"] != nil, (object["action"] as? String) != "ask" { throw Failure(description: "\(where_).totp needs action: ask (the code is asked with the confirmation)") }
        if let funds = object["funds"], !(funds is Bool) { throw Failure(description: "\(where_).funds must be true or false") }
        var arguments: [String: ArgumentRule] = [:]
        if let given = object["arguments"] {
            guard let given = given as? [String: Any] else { throw Failure(description: "\(where_).arguments must be a mapping of argument names") }
            for (name, constraint) in given {
                let at = "\(where_).arguments.\(name)"
                guard let constraint = constraint as? [String: Any] else { throw Failure(description: "\(at) must be a mapping") }
                try refuseUnknown(constraint, known: ["pattern", "enum", "prefix"], at: at)
                if let pattern = constraint["pattern"] as? String, (try? NSRegularExpression(pattern: pattern)) == nil {
                    throw Failure(description: "\(at).pattern is not a valid regular expression")
                }
                arguments[name] = ArgumentRule(
                    pattern: constraint["pattern"] as? String, allowed: (constraint["enum"] as? [Any])?.map { "\($0)" },
                    prefixes: (constraint["prefix"] as? [String]) ?? (constraint["prefix"] as? String).map { [$0] }
                )
            }
        }
        return ToolRule(
            action: try action(object["action"] ?? "allow", at: "\(where_).action"), arguments: arguments,
            rate: try rate(object["rate"], at: "\(where_).rate"), budget: try budget(object["budget"], at: "\(where_).budget"),
            timeout: try duration(object["timeout"], at: "\(where_).timeout"), funds: object["funds"] as? Bool ?? false,
            totp: object["totp"] as? String
        )
    }

    static func outputRules(_ value: Any, at where_: String) throws(Failure) -> OutputRules {
        guard let object = value as? [String: Any] else { throw Failure(description: "\(where_) must be a mapping") }
        try refuseUnknown(object, known: ["max_size", "redact", "injection", "images", "audio", "binary"], at: where_)
        var rules = OutputRules()
        for kind in MediaKind.allCases {
            guard let choice = object[kind.rawValue] else { continue }
            guard let name = choice as? String, let action = MediaAction(rawValue: name) else {
                throw Failure(description: "\(where_).\(kind.rawValue) must be pass, drop or label")
            }
            rules.media[kind] = action
        }
        if let size = try size(object["max_size"], at: "\(where_).max_size") { rules.maxSize = size }
        if let redact = object["redact"] {
            let known = redactionNames.union(["pii"])
            guard let names = redact as? [String], names.allSatisfy(known.contains) else {
                throw Failure(description: "\(where_).redact must be a list of: \(known.sorted().joined(separator: ", "))")
            }
            rules.redact = Set(names.flatMap { $0 == "pii" ? ["email", "phone", "card", "iban"] : [$0] })
        }
        if let injection = object["injection"] {
            // YAML 1.1 reads a bare `off` as false.
            if injection as? Bool == false {
                rules.injection = .off
                return rules
            }
            guard let name = injection as? String, let action = InjectionAction(rawValue: name) else {
                throw Failure(description: "\(where_).injection must be one of block, redact, label, log, off")
            }
            rules.injection = action
        }
        return rules
    }
}
