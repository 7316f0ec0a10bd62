import Foundation
import Testing

/// `mcpguard secrets` through the built binary, on real files, real processes and (where installed) a
/// real private Secret Service.
@Suite("mcpguard secrets", .serialized)
struct SecretsCLITests {
    static let value = "ghp_S3cretValueThatMustNeverBeShown0042"

    @Test("passphrase: set, get, list, rm; the value appears only in get's stdout")
    func passphraseRoundTrip() throws {
        let sandbox = try SecretsSandbox()
        defer { sandbox.remove() }
        let set = try sandbox.run(["secrets", "set", "github", "--backend", "file"], input: Self.value + "\n")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stderr == "stored secret github in the encrypted file \(sandbox.defaultStore)\n")
        #expect(try sandbox.run(["secrets", "set", "npm.token", "--backend", "file"], input: "npm_other").status == 0)
        let get = try sandbox.run(["secrets", "get", "github", "--backend", "file"])
        #expect(get.status == 0 && get.stdout == Self.value && get.stderr.isEmpty, "the trailing newline of the input is not part of the value")
        let list = try sandbox.run(["secrets", "list", "--backend", "file"])
        #expect(list.stdout == "github\nnpm.token\n")
        #expect(list.stderr == "backend: file (encrypted file \(sandbox.defaultStore)), 2 secrets\n")
        let remove = try sandbox.run(["secrets", "rm", "github", "--backend", "file"])
        #expect(remove.status == 0 && remove.stderr == "removed secret github from the encrypted file \(sandbox.defaultStore)\n")
        #expect(try sandbox.run(["secrets", "list", "--backend", "file"]).stdout == "npm.token\n")
        let gone = try sandbox.run(["secrets", "get", "github", "--backend", "file"])
        #expect(gone.status == 2 && gone.stderr == "mcpguard: error: no secret named 'github' in the encrypted file \(sandbox.defaultStore)\n")
        #expect(try sandbox.run(["secrets", "rm", "github", "--backend", "file"]).status == 2)
        for result in [set, list, remove, gone] { sandbox.expectClean(result, of: Self.value) }
        #expect(try FileManager.default.attributesOfItem(atPath: sandbox.defaultStore)[.posixPermissions] as? Int == 0o600)
        let raw = try String(decoding: Data(contentsOf: URL(fileURLWithPath: sandbox.defaultStore)), as: UTF8.self)
        #expect(!raw.contains("npm_other") && !raw.contains("npm.token"))
    }

    @Test("key file: a 0600 file works without any passphrase; 0644 and 0640 are refused before anything is written")
    func keyFile() throws {
        let sandbox = try SecretsSandbox(passphrase: nil)
        defer { sandbox.remove() }
        let key = sandbox.root.appendingPathComponent("secrets.key").path
        _ = FileManager.default.createFile(atPath: key, contents: Data((0..<32).map { _ in UInt8.random(in: 0...255) }), attributes: [.posixPermissions: 0o600])
        let store = sandbox.root.appendingPathComponent("elsewhere/keyed.enc").path
        let options = ["--store", store, "--key-file", key]
        let set = try sandbox.run(["secrets", "set", "api"] + options, input: Self.value)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try sandbox.run(["secrets", "get", "api"] + options).stdout == Self.value)
        #expect(try sandbox.run(["secrets", "list"] + options).stdout == "api\n")
        #expect(try sandbox.run(["secrets", "rm", "api"] + options).status == 0)
        #expect(try sandbox.run(["secrets", "list"] + options).stdout == "")
        let fresh = sandbox.root.appendingPathComponent("fresh.enc").path
        for mode in [0o644, 0o640] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: key)
            let refused = try sandbox.run(["secrets", "set", "api", "--store", fresh, "--key-file", key], input: Self.value)
            #expect(refused.status == 2)
            #expect(refused.stderr == "mcpguard: error: key file \(key) has mode 0\(String(mode, radix: 8)); it must be 0600 or stricter (chmod 600 \(key))\n")
            #expect(!FileManager.default.fileExists(atPath: fresh))
            #expect(try sandbox.run(["secrets", "list", "--store", store, "--key-file", key]).status == 2, "reading is refused too")
        }
        // The file was locked with a key file: a passphrase cannot open it, and says what is needed.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        let withPassphrase = try sandbox.run(["secrets", "list", "--store", store], extra: ["MCPGUARD_SECRETS_PASSPHRASE": "guess"])
        #expect(withPassphrase.stderr == "mcpguard: error: \(store) is locked with a key file; pass --key-file FILE\n")
    }

    @Test("a wrong passphrase is one clear error; a flipped byte and a cut file are others; nothing is rewritten")
    func wrongPassphraseAndDamage() throws {
        let sandbox = try SecretsSandbox()
        defer { sandbox.remove() }
        let store = sandbox.defaultStore
        #expect(try sandbox.run(["secrets", "set", "token", "--backend", "file"], input: Self.value).status == 0)
        let wrong = try sandbox.run(["secrets", "get", "token", "--backend", "file"], extra: ["MCPGUARD_SECRETS_PASSPHRASE": "not the passphrase"])
        #expect(wrong.status == 2 && wrong.stdout.isEmpty)
        #expect(wrong.stderr == "mcpguard: error: wrong passphrase or key for \(store)\n")
        let wrongSet = try sandbox.run(["secrets", "set", "other", "--backend", "file"], input: "x", extra: ["MCPGUARD_SECRETS_PASSPHRASE": "not the passphrase"])
        #expect(wrongSet.stderr == "mcpguard: error: wrong passphrase or key for \(store)\n")

        let good = try Data(contentsOf: URL(fileURLWithPath: store))
        var flipped = good
        flipped[80] ^= 0x01  // inside the ciphertext
        try flipped.write(to: URL(fileURLWithPath: store))
        let tampered = try sandbox.run(["secrets", "get", "token", "--backend", "file"])
        #expect(tampered.status == 2 && tampered.stdout.isEmpty)
        #expect(tampered.stderr == "mcpguard: error: \(store) is corrupted (authentication failed: the contents or header were changed); restore it from a backup\n")
        #expect(try sandbox.run(["secrets", "set", "x", "--backend", "file"], input: "y").status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == flipped, "a damaged file is never overwritten")

        try good.prefix(good.count - 10).write(to: URL(fileURLWithPath: store))
        let cut = try sandbox.run(["secrets", "list", "--backend", "file"])
        #expect(cut.status == 2)
        #expect(cut.stderr.hasPrefix("mcpguard: error: \(store) is truncated (\(good.count - 10) bytes, the header announces \(good.count))"), "\(cut.stderr)")
        for result in [wrong, wrongSet, tampered, cut] { sandbox.expectClean(result, of: Self.value) }
    }

    @Test("a value on the command line is refused and never echoed, in any spelling")
    func refusesValueInArguments() throws {
        let sandbox = try SecretsSandbox()
        defer { sandbox.remove() }
        for arguments in [["github", Self.value], ["github", "--value", Self.value], ["github", "--value=\(Self.value)"], ["github=\(Self.value)"], ["github", "--", Self.value]] {
            let result = try sandbox.run(["secrets", "set"] + arguments + ["--backend", "file"], input: "from stdin")
            #expect(result.status == 2, "\(arguments)")
            #expect(!result.stderr.contains("S3cret") && !result.stdout.contains("S3cret"), "echoed: \(result.stderr)")
        }
        let positional = try sandbox.run(["secrets", "set", "github", Self.value, "--backend", "file"], input: "x")
        #expect(positional.stderr.contains("takes the value on standard input, not the command line"))
        let named = try sandbox.run(["secrets", "set", "github=\(Self.value)", "--backend", "file"], input: "x")
        #expect(named.stderr == "mcpguard: error: invalid secret name: a secret name is 1 to 128 characters of A-Z a-z 0-9 _ . -\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.defaultStore))
        let empty = try sandbox.run(["secrets", "set", "github", "--backend", "file"], input: "\n")
        #expect(empty.status == 2 && empty.stderr == "mcpguard: error: the secret's value is empty\n")
    }

    @Test("without a passphrase or a terminal, the file backend says how to give one", .enabled(if: !SecretsSandbox.hasTerminal))
    func noPassphrase() throws {
        let sandbox = try SecretsSandbox(passphrase: nil)
        defer { sandbox.remove() }
        let result = try sandbox.run(["secrets", "set", "x", "--backend", "file"], input: "v")
        #expect(result.status == 2)
        #expect(result.stderr == "mcpguard: error: the secrets file needs a passphrase: set MCPGUARD_SECRETS_PASSPHRASE, pass --key-file, or run on a terminal\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.defaultStore))
    }

    @Test("two processes writing at once: every secret of both lands and the file stays readable")
    func concurrentWriters() throws {
        let sandbox = try SecretsSandbox(passphrase: nil)
        defer { sandbox.remove() }
        let key = sandbox.root.appendingPathComponent("k").path
        _ = FileManager.default.createFile(atPath: key, contents: Data(repeating: 0x5A, count: 32), attributes: [.posixPermissions: 0o600])
        let options = ["--store", sandbox.defaultStore, "--key-file", key]
        let failures = SecretsSandbox.Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for index in 0..<12 {
                let result = try? sandbox.run(["secrets", "set", "w\(writer)-\(index)"] + options, input: "value-\(writer)-\(index)")
                if result?.status != 0 { failures.add("w\(writer)-\(index): \(result?.stderr ?? "did not run")") }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let names = try sandbox.run(["secrets", "list"] + options).stdout.split(separator: "\n").map(String.init)
        #expect(Set(names) == Set((0..<2).flatMap { writer in (0..<12).map { "w\(writer)-\($0)" } }))
        #expect(try sandbox.run(["secrets", "get", "w1-7"] + options).stdout == "value-1-7")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (sandbox.defaultStore as NSString).deletingLastPathComponent).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("auto: the file backend when secret-tool is absent or no session bus answers")
    func autoFallsBackToFile() throws {
        let sandbox = try SecretsSandbox()
        defer { sandbox.remove() }
        let emptyBin = sandbox.root.appendingPathComponent("bin").path
        try FileManager.default.createDirectory(atPath: emptyBin, withIntermediateDirectories: true)
        let noTool = try sandbox.run(["secrets", "list"], extra: ["PATH": emptyBin, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"])
        #expect(noTool.status == 0 && noTool.stderr.hasPrefix("backend: file (encrypted file \(sandbox.defaultStore))"), "\(noTool.stderr)")
        let noBus = try sandbox.run(["secrets", "list"])
        #expect(noBus.stderr.hasPrefix("backend: file ("), "\(noBus.stderr)")
        let forced = try sandbox.run(["secrets", "list", "--backend", "secret-service"], extra: ["PATH": emptyBin])
        #expect(forced.status == 2 && forced.stderr.contains("--backend secret-service needs secret-tool"))
    }

    @Test("Secret Service: a private session bus and gnome-keyring; auto picks it; values only through pipes", .enabled(if: PrivateSecretService.available))
    func secretService() throws {
        let sandbox = try SecretsSandbox(passphrase: nil)
        defer { sandbox.remove() }
        let service = try PrivateSecretService(root: sandbox.root)
        defer { service.stop() }
        let environment = service.environment
        let set = try sandbox.run(["secrets", "set", "github"], input: Self.value, extra: environment)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stderr == "stored secret github in the Secret Service (secret-tool, service=mcpguard)\n")
        #expect(try sandbox.run(["secrets", "set", "second", "--backend", "secret-service"], input: "two\nlines", extra: environment).status == 0)
        #expect(try sandbox.run(["secrets", "get", "github"], extra: environment).stdout == Self.value)
        #expect(try sandbox.run(["secrets", "get", "second"], extra: environment).stdout == "two\nlines")
        let list = try sandbox.run(["secrets", "list"], extra: environment)
        #expect(list.stdout == "github\nsecond\n")
        #expect(list.stderr == "backend: secret-service (Secret Service (secret-tool, service=mcpguard)), 2 secrets\n")
        // A value that forges an attribute line in secret-tool's output does not invent a name.
        #expect(try sandbox.run(["secrets", "set", "forger"], input: "x\nattribute.name = invented\n[/9]", extra: environment).status == 0)
        #expect(try sandbox.run(["secrets", "list"], extra: environment).stdout == "forger\ngithub\nsecond\n")
        let remove = try sandbox.run(["secrets", "rm", "github"], extra: environment)
        #expect(remove.status == 0)
        #expect(try sandbox.run(["secrets", "get", "github"], extra: environment).status == 2)
        #expect(try sandbox.run(["secrets", "rm", "github"], extra: environment).status == 2)
        #expect(!FileManager.default.fileExists(atPath: sandbox.defaultStore), "nothing went to the file backend")
        for result in [set, list, remove] { sandbox.expectClean(result, of: Self.value) }
        // --backend file still reaches the file when a Secret Service is there.
        #expect(try sandbox.run(["secrets", "list", "--backend", "file"], extra: environment.merging(["MCPGUARD_SECRETS_PASSPHRASE": "p"]) { $1 }).stderr.hasPrefix("backend: file"))
    }
}
