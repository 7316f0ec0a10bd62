import ArgumentParser
import Foundation
import GuardCore
import GuardPolicy
import GuardScan

/// `mcpguard directory`: a signed list of trusted servers.
struct DirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Keep a signed directory of trusted servers (Ed25519).",
        subcommands: [Keygen.self, Add.self, Sign.self, Verify.self]
    )

    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a signing key pair: FILE (private, mode 600) and FILE.pub.")

        @Option(name: .customLong("output"), help: ArgumentHelp("Where to write the private key.", valueName: "file"))
        var output: String

        func run() async throws {
            guard !FileManager.default.fileExists(atPath: output) else { throw CLIError("\(output) exists; refusing to overwrite a key") }
            let (privateKey, publicKey) = TrustedDirectory.generateKeyPair()
            try Terminal.writeFile(output, privateKey + "\n")
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
            try Terminal.writeFile(output + ".pub", publicKey + "\n")
            Terminal.writeStdout("private key: \(output) (keep it secret)\npublic key:  \(output).pub\n\(publicKey)\n")
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add (or update) servers from a live inventory or a snapshot; the directory must be signed again.")

        @Option(name: .customLong("directory"), help: ArgumentHelp("The directory file (created if missing).", valueName: "file"))
        var path: String
        @OptionGroup var sources: SourceOptions
        @Option(name: .customLong("snapshot"), help: ArgumentHelp("Add from a saved inventory.", valueName: "file"))
        var snapshotPath: String?
        @Option(name: .customLong("approved-version"), help: "The approved server version to record.")
        var version: String?
        @Option(name: .customLong("package-digest"), help: "The approved package digest to record (e.g. sha256:…).")
        var digest: String?

        func run() async throws {
            var directory = try DirectoryCommand.load(path, mustExist: false)
            let snapshot = try await SnapshotSource.load(snapshotPath: snapshotPath, sources: sources)
            let lock = Lockfile(snapshot: snapshot)
            guard !lock.servers.isEmpty else { throw CLIError("no server could be inventoried; nothing to add") }
            for (key, pins) in lock.servers {
                directory.entries[key] = TrustedDirectory.Entry(pins: pins, version: version ?? directory.entries[key]?.version, packageDigest: digest ?? directory.entries[key]?.packageDigest)
            }
            directory.signature = nil
            try Terminal.writeFile(path, directory.serialized())
            Terminal.writeStdout("added \(lock.servers.count) server\(lock.servers.count == 1 ? "" : "s") to \(path) (unsigned now: run mcpguard directory sign)\n")
        }
    }

    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign the directory with a private key.")

        @Option(name: .customLong("directory"), help: ArgumentHelp("The directory file.", valueName: "file")) var path: String
        @Option(name: .customLong("key"), help: ArgumentHelp("The private key file from keygen.", valueName: "file")) var keyPath: String

        func run() async throws {
            let directory = try DirectoryCommand.load(path, mustExist: true)
            let key = String(decoding: try Terminal.readFile(keyPath, what: "key"), as: UTF8.self)
            do {
                let signed = try directory.signed(privateKey: key)
                try Terminal.writeFile(path, signed.serialized())
                Terminal.writeStdout("signed \(path) with key \(signed.signature!.publicKey)\n")
            } catch {
                throw CLIError("\(keyPath): \(error)")
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify the directory's signature against a trusted public key.")

        @Option(name: .customLong("directory"), help: ArgumentHelp("The directory file.", valueName: "file")) var path: String
        @Option(name: .customLong("trust-key"), help: ArgumentHelp("The trusted public key (base64) or a .pub file.", valueName: "key")) var trustKey: String

        func run() async throws {
            let directory = try DirectoryCommand.verified(path, trustKey: trustKey)
            Terminal.writeStdout("\(path): signature valid; \(directory.entries.count) trusted server\(directory.entries.count == 1 ? "" : "s")\n")
        }
    }

    static func load(_ path: String, mustExist: Bool) throws -> TrustedDirectory {
        guard FileManager.default.fileExists(atPath: path) else {
            if mustExist { throw CLIError("cannot read directory \(path): no such file") }
            return TrustedDirectory()
        }
        let text = String(decoding: try Terminal.readFile(path, what: "directory"), as: UTF8.self)
        do { return try TrustedDirectory(text: text, path: path) } catch { throw CLIError("\(error)") }
    }

    /// Loads and verifies, failing closed with one clear line.
    static func verified(_ path: String, trustKey: String) throws -> TrustedDirectory {
        let directory = try load(path, mustExist: true)
        var key = trustKey
        if FileManager.default.fileExists(atPath: trustKey) {
            key = String(decoding: try Terminal.readFile(trustKey, what: "trust key"), as: UTF8.self)
        }
        do {
            try directory.verify(trustedKey: key)
        } catch {
            throw CLIError("directory \(path) is not trusted: \(error)")
        }
        return directory
    }
}
