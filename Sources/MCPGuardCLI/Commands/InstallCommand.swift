import ArgumentParser
import Foundation
import GuardPolicy
import GuardScan

/// `mcpguard install`: every stdio server of the host configs runs behind `mcpguard run`.
struct InstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Put every stdio MCP server of your host configs behind mcpguard run.",
        discussion: """
            Each stdio entry's command becomes `<mcpguard> run --name <entry> --host <host> [--policy FILE] [--sandbox] \
            [--pass-env NAME]… -- <original command> <args…>`; only the command and args values change (comments, \
            trailing commas, order and indentation stay as written). Remote servers are listed and left alone; entries \
            already under mcpguard too, so installing twice changes nothing. Each file written is backed up under \
            ~/.local/state/mcpguard/backups first; `mcpguard uninstall` restores it.
            """
    )

    @OptionGroup var targets: InstallTargetOptions

    @Option(name: .customLong("policy"), help: ArgumentHelp("Policy file every wrapped server runs under (checked now, referenced by absolute path).", valueName: "file"))
    var policyPath: String?

    @Flag(name: .customLong("sandbox"), help: "Run every wrapped server in mcpguard's sandbox.")
    var sandbox = false

    @Flag(name: .customLong("migrate-secrets"), help: "Move clear-text secrets in the entries' env into the secret store and refer to them as ${secret:HOST.ENTRY.VAR}.")
    var migrateSecrets = false

    @OptionGroup(title: "Secrets (with --migrate-secrets)") var secretOptions: RunSecretOptions

    @Option(name: .customLong("mcpguard"), help: ArgumentHelp("The mcpguard executable the hosts should run (default: this one).", valueName: "path"))
    var executable: String?

    func run() async throws {
        let path = executable.map(InstallTargetOptions.absolute) ?? Self.runningExecutable()
        guard FileManager.default.isExecutableFile(atPath: path) else { throw CLIError("\(path) is not an executable file (--mcpguard)") }
        let policy = try policyPath.map(Self.checkedPolicy)
        var settings = HostConfigRewriter.WrapSettings(executable: path, policy: policy?.path, sandbox: sandbox, migrateSecrets: migrateSecrets)
        settings.secretOptions = secretOptions.runArguments()
        let installer = targets.installer()
        // Migrated values are stored before any file refers to them (nothing is stored on a dry run).
        if migrateSecrets, !installer.options.dryRun { try await storeMigrated(settings, installer: installer) }
        if let policy {
            // A policy with named sections and no "*" refuses to run a server it does not name: check first.
            var planning = installer.options
            planning.dryRun = true
            let plan: HostInstaller.Report
            do { plan = try HostInstaller(options: planning).install(settings) } catch { throw CLIError(error.message) }
            let names = plan.files.flatMap(\.entries).filter { $0.outcome == .wrapped }.map(\.name)
            if let missing = policy.uncovered(names) { throw CLIError(missing) }
        }
        let report: HostInstaller.Report
        do { report = try installer.install(settings) } catch { throw CLIError(error.message) }
        try InstallTargetOptions.finish(report, action: .install)
    }

    struct CheckedPolicy {
        let path: String
        let policy: Policy

        /// Why some of `names` would not start under this policy, or nil.
        func uncovered(_ names: [String]) -> String? {
            let named = policy.namedSections
            guard !named.isEmpty, policy.servers["*"] == nil else { return nil }
            let missing = Array(Set(names).subtracting(named)).sorted()
            guard !missing.isEmpty else { return nil }
            return "\(path) has no section for \(missing.joined(separator: ", ")) and no \"*\" section, so those servers would not start; add sections or a \"*\" section"
        }
    }

    static func checkedPolicy(_ given: String) throws -> CheckedPolicy {
        let path = InstallTargetOptions.absolute(given)
        let text = String(decoding: try Terminal.readFile(path, what: "policy"), as: UTF8.self)
        do { return CheckedPolicy(path: path, policy: try Policy(yaml: text, path: path)) } catch { throw CLIError("\(error)") }
    }

    func storeMigrated(_ settings: HostConfigRewriter.WrapSettings, installer: HostInstaller) async throws {
        var planning = installer.options
        planning.dryRun = true
        let plan: HostInstaller.Report
        do { plan = try HostInstaller(options: planning).install(settings) } catch { throw CLIError(error.message) }
        let secrets = plan.files.flatMap(\.secrets)
        guard !secrets.isEmpty else { return }
        let store = secretOptions.lazyStore()
        for secret in secrets {
            do { try await store.store().store(secret.value, as: secret.name) } catch { throw CLIError("cannot store the secret of \(secret.origin): \(error); nothing was changed") }
        }
        let description = (try? await store.store().description) ?? "the secret store"
        Terminal.writeStdout("moved \(secrets.count) secret\(secrets.count == 1 ? "" : "s") into \(description): \(secrets.map(\.name).joined(separator: ", "))\n")
        Terminal.writeStdout("note: the backups keep the clear-text values (mode 0600); delete them once the hosts work\n")
    }

    /// This process's executable, symbolic links resolved (`/proc/self/exe` on Linux).
    static func runningExecutable() -> String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        let url = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return url.resolvingSymlinksInPath().path
    }
}
