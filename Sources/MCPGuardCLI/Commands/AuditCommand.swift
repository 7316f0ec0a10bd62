import ArgumentParser
import Crypto
import Foundation
import GuardPolicy

/// `mcpguard audit verify|show`: check and read the guard's hash-chained audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify or read an audit log written by mcpguard run.",
        subcommands: [Verify.self, Show.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the hash chain (and HMACs with --key-file); exit 1 at the first bad record.")

        @Argument(help: "The audit log (rotated files FILE.1, FILE.2, … are checked too).") var file: String
        @Option(name: .customLong("key-file"), help: ArgumentHelp("File holding the HMAC key the log was written with.", valueName: "file"))
        var keyFile: String?

        func run() async throws {
            let files = AuditLog.files(of: file)
            guard !files.isEmpty else { throw CLIError("cannot read audit log \(file): no such file") }
            let key = try keyFile.map { SymmetricKey(data: try Terminal.readFile($0, what: "key file")) }
            let report = AuditVerifier.verify(files: files, key: key)
            if let problem = report.problem {
                // Line 0: the problem is the log as a whole (its head), not one of its lines.
                let place = problem.line > 0 ? "\(problem.file):\(problem.line)" : problem.file
                let verified = problem.line > 0 ? "verified before it" : "verified"
                Terminal.writeStdout("\(place): \(problem.reason)\n\(report.records) record\(report.records == 1 ? "" : "s") \(verified)\n")
                throw ExitCode(1)
            }
            Terminal.writeStdout("\(file): chain intact, \(report.records) record\(report.records == 1 ? "" : "s") in \(files.count) file\(files.count == 1 ? "" : "s")\(key == nil ? "" : ", HMACs valid")\n")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print audit records, filtered.")

        @Argument(help: "The audit log.") var file: String
        @Option(help: "Only this decision.") var decision: AuditRecord.Decision?
        @Option(help: "Only this server.") var server: String?
        @Option(help: "Only this tool.") var tool: String?
        @Option(help: "Output format (json: the records as JSON Lines).") var format: Format = .text

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        func run() async throws {
            let files = AuditLog.files(of: file)
            guard !files.isEmpty else { throw CLIError("cannot read audit log \(file): no such file") }
            var lines: [String] = []
            for path in files {
                let text = String(decoding: try Terminal.readFile(path, what: "audit log"), as: UTF8.self)
                for raw in text.split(separator: "\n") {
                    guard let record = AuditRecord(line: String(raw)) else { continue }
                    if let decision, record.decision != decision { continue }
                    if let server, record.server != server { continue }
                    if let tool, record.tool != tool { continue }
                    if format == .json {
                        lines.append(String(raw))
                    } else {
                        let subject = [record.method, record.tool].compactMap { $0 }.joined(separator: " ")
                        lines.append("\(record.sequence)\t\(record.time)\t\(record.server)\t\(subject)\t\(record.decision.rawValue)"
                            + (record.rule.map { "\t\($0)" } ?? "") + (record.detail.map { "\t\($0)" } ?? ""))
                    }
                }
            }
            Terminal.writeStdout(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"))
        }
    }
}

extension AuditRecord.Decision: ExpressibleByArgument {}
