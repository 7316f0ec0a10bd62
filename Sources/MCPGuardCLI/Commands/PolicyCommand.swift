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
            lines += policy.summaryLines()
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
            let text = StarterPolicy(snapshot: snapshot).yaml(output: output)
            try Terminal.writeFile(output, text)
            Terminal.writeStdout("wrote \(output)\n")
        }
    }
}
