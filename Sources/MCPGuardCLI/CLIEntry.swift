import ArgumentParser
import Foundation
import MCPClient

/// The process entry point: parses, runs, and maps every outcome to an exit code.
///
/// User mistakes never show a stack trace: they print one line, `mcpguard: error: …`, and exit 2.
/// `--help` and `--version` print to stdout and exit 0.
public enum CLIEntry {
    public static func run(_ arguments: [String]) async -> Int32 {
        SignalHandling.install()
        defer { ChildProcessRegistry.shared.terminateAll() }
        do {
            var command = try MCPGuardCommand.parseAsRoot(RunCommand.normalize(arguments))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let error as CLIError {
            Terminal.writeStderr("mcpguard: error: \(error.message)\n")
            return 2
        } catch {
            let code = MCPGuardCommand.exitCode(for: error)
            if code == .success {
                Terminal.writeStdout(MCPGuardCommand.fullMessage(for: error) + "\n")
                return 0
            }
            let message = MCPGuardCommand.message(for: error)
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: " ")
            Terminal.writeStderr("mcpguard: error: \(message) (see 'mcpguard help')\n")
            return 2
        }
    }
}
