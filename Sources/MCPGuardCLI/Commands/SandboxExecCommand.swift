import ArgumentParser
import Foundation
import GuardRuntime

/// `mcpguard sandbox-exec --spec SPEC -- CMD…` (hidden): the helper `run --sandbox` starts inside the
/// sandbox. It confines its own process as SPEC says (limits, capabilities, Landlock, seccomp, the egress
/// forwarder) and then becomes the server. Not for people: `run --sandbox` writes the SPEC.
struct SandboxExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox-exec",
        abstract: "Internal: confine this process and execute a server (started by `run --sandbox`).",
        shouldDisplay: false
    )

    @Option(name: .customLong("spec"), help: "The sandbox specification (base64 JSON, written by run --sandbox).")
    var spec: String

    @Argument(parsing: .postTerminator)
    var command: [String] = []

    func run() throws {
        do {
            var parsed = try SandboxSpec(encoded: spec)
            if !command.isEmpty { parsed.command = command }
            try SandboxExec.run(parsed, environment: ProcessInfo.processInfo.environment)
        } catch {
            // The server's stderr is mcpguard's stderr: the user sees why the sandbox did not start.
            FileHandle.standardError.write(Data("mcpguard sandbox: \(error)\n".utf8))
            throw ExitCode(126)
        }
    }
}
