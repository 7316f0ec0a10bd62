import ArgumentParser
import GuardScan

/// `mcpguard uninstall`: the host configs run their servers directly again.
struct UninstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Take mcpguard run out of your host configs again.",
        discussion: """
            A file not edited since `mcpguard install` gets its original bytes back. Otherwise each entry that runs \
            under `mcpguard run` is unwrapped in place (its original text when the command after `--` is unchanged), \
            keeping your other edits; this works without install's manifest too, since the wrapper holds the command.
            """
    )

    @OptionGroup var targets: InstallTargetOptions

    func run() async throws {
        let report: HostInstaller.Report
        do { report = try targets.installer().uninstall() } catch { throw CLIError(error.message) }
        try InstallTargetOptions.finish(report, action: .uninstall)
    }
}
