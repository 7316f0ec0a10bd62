import ArgumentParser
import Foundation
import GuardCore
import GuardDetect
import GuardPolicy
import GuardScan

/// `mcpguard policy check|init|schema`.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check a guard policy file, or write a starter policy from the servers on this machine.",
        subcommands: [Check.self, Init.self, Schema.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a policy file and print the effective policy.")
        @Argument(help: "The policy file (YAML).") var file: String

        func run() async throws {
            let text = String(decoding: try Terminal.readFile(file, what: "policy"), as: UTF8.self)
            let policy: Policy
            do { policy = try Policy(yaml: text, path: file) } catch { throw CLIError("\(error)") }
            // The reader and the shipped schema agree by test; a disagreement here is still reported.
            if let problem = PolicySchema.problems(yaml: text).first { throw CLIError("\(file): \(problem) (docs/policy.schema.json)") }
            var lines = ["\(file): valid"]
            for name in policy.servers.keys.sorted() {
                let rules = policy.servers[name]!
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
            lines += Self.unmatchedSections(policy, configured: Self.configuredNames())
            Terminal.writeStdout(lines.joined(separator: "\n") + "\n")
        }

        /// Server names in the host configs on this machine (nil when none was found to compare with).
        static func configuredNames() -> Set<String>? {
            let result = Discovery(options: .current).run()
            return result.servers.isEmpty ? nil : Set(result.servers.map(\.name))
        }

        /// Sections no configured server can match (a typo, or a server since renamed).
        static func unmatchedSections(_ policy: Policy, configured: Set<String>?) -> [String] {
            guard let configured else { return [] }
            return policy.namedSections.filter { !configured.contains($0) }.map {
                "warning: section \($0) matches no server configured on this machine (configured: \(configured.sorted().joined(separator: ", "))); it applies only to `mcpguard run --name \($0)`"
            }
        }
    }

    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the policy file's JSON Schema (for editors: yaml-language-server, VS Code).")

        func run() throws {
            Terminal.writeStdout(PolicySchema.text + "\n")
        }
    }

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a commented starter policy from a live inventory (or a snapshot).")
        @OptionGroup var sources: SourceOptions
        @Option(name: .customLong("snapshot"), help: ArgumentHelp("Use a saved inventory.", valueName: "file")) var snapshotPath: String?
        @Option(name: .customLong("output"), help: ArgumentHelp("Where to write the policy.", valueName: "file")) var output: String = "mcpguard-policy.yaml"

        func run() async throws {
            guard !FileManager.default.fileExists(atPath: output) else { throw CLIError("\(output) exists; refusing to overwrite it") }
            let snapshot = try await SnapshotSource.load(snapshotPath: snapshotPath, sources: sources)
            var lines = [
                "# mcpguard policy, generated by `mcpguard policy init` from \(snapshot.servers.count) server(s).",
                "# Actions: allow | deny | ask. Tools that change data, run code or move money start as ask.",
                "# Check it with `mcpguard policy check \(output)`; use it with `mcpguard run --policy \(output) -- …`.",
                "# yaml-language-server: $schema=https://mcpguard.invalid/schemas/policy-v1.json  (or: mcpguard policy schema > policy.schema.json)",
                "version: 1", "servers:", "  \"*\":", "    default: allow",
                "    timeout: 120s           # a call running longer is cancelled at the server and fails at the client",
                "    ask_timeout: 120s       # an unanswered confirmation is a no",
                "    environment: []         # variables passed to servers besides PATH, HOME and the other basics",
                "    listing:",
                "      withhold: high        # poisoning findings at this severity or above …",
                "      poisoned: withhold    # … hide the definition (or: sanitize)",
                "    outputs:",
                "      max_size: 1MB",
                "      redact: [secrets, crypto]   # add email, phone, card, iban to redact personal data",
                "      injection: label      # block | redact | label | log | off",
            ]
            for server in snapshot.servers where server.status == .ok {
                lines.append("  \(Self.quoted(server.name)):    # \(server.endpointDescription)")
                lines.append("    default: allow")
                lines.append("    tools:")
                for tool in server.tools {
                    guard let name = tool["name"]?.stringValue else { continue }
                    let capabilities = CapabilityDetector.capabilities(of: tool)
                    let risky = capabilities.intersection([.destructive, .codeExecution, .fundsMovement, .credentialAccess])
                    let note = capabilities.isEmpty ? "" : "    # " + capabilities.map(\.rawValue).sorted().joined(separator: ", ")
                    lines.append("      \(Self.quoted(name)): \(risky.isEmpty ? "allow" : "ask")\(note)")
                }
                if server.tools.isEmpty { lines.removeLast() }
                // A proposed confinement, in force under `mcpguard run` (stdio servers only).
                if server.transport == .stdio { lines += SandboxProposal(server: server).yamlLines(indent: 4) }
            }
            try Terminal.writeFile(output, lines.joined(separator: "\n") + "\n")
            Terminal.writeStdout("wrote \(output)\n")
        }

        /// YAML-safe key.
        static func quoted(_ text: String) -> String {
            text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } ? text : "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }
}
