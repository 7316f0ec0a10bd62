import Foundation
import GuardCore
import GuardDetect
import Testing

@testable import GuardScan

/// Install and uninstall on real files of every host: round trips, idempotence, edits in between, broken
/// files, symbolic links and hostile names.
@Suite("Install into hosts")
struct HostInstallerTests {
    /// What scan and pin see of every discovered server: the same before and after install.
    static func scanView(_ fixture: InstallFixture) -> [String] {
        Discovery(options: fixture.discovery).run().servers.map { spec in
            let line = ([spec.command ?? "-"] + spec.args).joined(separator: " ")
            return "\(spec.source.host ?? "?") \(spec.name) \(spec.transport.rawValue) \(line) env=\(spec.env.keys.sorted()) \(LiveScanner.identity(spec).key)"
        }
    }

    /// The raw config entries as the host will launch them.
    static func configured(_ fixture: InstallFixture) throws -> [String: ConfiguredServer] {
        var servers: [String: ConfiguredServer] = [:]
        for config in Discovery(options: fixture.discovery).run().configs {
            guard case .success(let parsed) = HostConfigParser.parse(config) else { throw InstallError("\(config.path) does not parse") }
            for server in parsed.servers { servers[server.name] = server }
        }
        return servers
    }

    @Test("install wraps every stdio server of every host, a second install changes nothing, uninstall gives the bytes back")
    func roundTrip() throws {
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        let original = try fixture.snapshot()
        let before = Self.scanView(fixture)

        let report = try fixture.installer().install(InstallFixture.settings)
        let outcomes = Dictionary(report.files.flatMap(\.entries).map { ($0.name, $0.outcome) }, uniquingKeysWith: { $1 })
        let wrapped = ["filesystem", "github", "memory", "local-db", "wé\"ird — näme 🚀", "--", "-x", "\u{1B}[2Jclear", "", "helper", "brave", "postgres",
                       "nested", "flat", "no-args", "local", "context7", "literal name", "gemini-srv", "off", "vscode-settings", "cline-srv"]
        for name in wrapped { #expect(outcomes[name] == .wrapped, "\(name): \(String(describing: outcomes[name]))") }
        #expect(outcomes["sentry"] == .remote(transport: "http", url: "https://mcp.sentry.dev/mcp"))
        #expect(outcomes["remote-sse"] == .remote(transport: "sse", url: "https://cursor.example/sse"))
        #expect(outcomes["remote-docs"] == .remote(transport: "http", url: "https://docs.example.com/mcp"))
        #expect(outcomes["remote"] == .remote(transport: "http", url: "https://mcp.example.com/mcp"))
        #expect(outcomes["figma"] == .remote(transport: "http", url: "https://mcp.figma.com/mcp"))
        #expect(outcomes["hand-guarded"] == .alreadyGuarded)

        // Every host now launches mcpguard, which runs the original command line after `--`.
        let servers = try Self.configured(fixture)
        for name in wrapped {
            let server = try #require(servers[name])
            #expect(server.command == InstallFixture.executable, "\(name)")
            #expect(server.guardedServer != nil, "\(name)")
            #expect(Array(server.args.prefix(3)) == ["run", "--name", name] || server.args[1] == "--name=\(name)", "\(name): \(server.args)")
        }
        #expect(servers["--"]?.args.prefix(4) == ["run", "--name=--", "--host", "claude-code"])
        #expect(servers["github"].map { Array($0.args[5...6]) } == ["--pass-env", "GITHUB_PERSONAL_ACCESS_TOKEN"])
        #expect(servers["literal name"].map { Array($0.args[5...6]) } == ["--pass-env", "SHARED_TOKEN"])
        #expect(servers["remote"]?.url == "https://mcp.example.com/mcp" && servers["remote"]?.command == nil)
        #expect(Self.scanView(fixture) == before, "scan and pin see the same servers and identities through the wrapper")

        // Only the command line changed: the rest of each file is as written.
        let installed = try fixture.snapshot()
        #expect(installed[".config/Code/User/mcp.json"]?.contains("\t\t\t\"envFile\": \"${workspaceFolder}/.env\",\n\t\t},\n\t\t\"remote-docs\": { \"type\": \"http\", \"url\": \"https://docs.example.com/mcp\", },\n\t},\n}\n") == true)
        #expect(installed[".config/zed/settings.json"]?.components(separatedBy: "\r\n").count == original[".config/zed/settings.json"]!.components(separatedBy: "\r\n").count + 1)
        #expect(installed[".config/zed/settings.json"]?.replacingOccurrences(of: "\r\n", with: "").contains("\n") == false, "CRLF kept")
        #expect(report.files.first { $0.path.hasSuffix("mcp.json") && $0.host == "vscode" }?.entries.first { $0.name == "postgres" }?.note?.contains("envFile") == true)

        // The symbolic link is kept and its target written.
        let link = fixture.home + "/.codeium/windsurf/mcp_config.json"
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../../dotfiles/windsurf.json")
        #expect(installed["dotfiles/windsurf.json"]?.contains(InstallFixture.executable) == true)

        // Backups hold the originals.
        for file in report.files where file.changed {
            let backup = try #require(file.backup)
            #expect(backup.hasPrefix(fixture.state + "/backups/"))
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: backup))) == file.before)
            let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }

        let again = try fixture.installer().install(InstallFixture.settings)
        #expect(try fixture.snapshot() == installed, "installing twice changes nothing")
        #expect(again.files.allSatisfy { file in !file.changed && file.backup == nil })
        #expect(InstallReportRenderer(style: TerminalStyle(enabled: false)).text(again, action: .install).contains("Nothing to change: every stdio server already runs under mcpguard"))

        let removed = try fixture.installer().uninstall()
        #expect(try fixture.snapshot() == original, "uninstall restores every file byte for byte")
        #expect(removed.files.filter { $0.changed }.allSatisfy { $0.restoredFromBackup })
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../../dotfiles/windsurf.json")
        #expect(try InstallManifest.load(fixture.state + "/install-manifest.json").files.isEmpty)
        let text = InstallReportRenderer(style: TerminalStyle(enabled: false)).text(removed, action: .uninstall)
        #expect(text.contains("left guarded     hand-guarded"), "\(text)")
        #expect(try fixture.installer().uninstall().files.allSatisfy { !$0.changed }, "a second uninstall changes nothing")
    }

    @Test("--policy and --sandbox go before --, which scan's unwrapGuard skips, also spelled --sandbox=best-effort")
    func optionsAndScan() throws {
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        let before = Self.scanView(fixture)
        let settings = HostConfigRewriter.WrapSettings(executable: InstallFixture.executable, policy: "/etc/mcpguard/policy.yaml", sandbox: true)
        _ = try fixture.installer(hosts: ["claude-desktop"]).install(settings)
        let server = try #require(try Self.configured(fixture)["filesystem"])
        #expect(server.args == ["run", "--name", "filesystem", "--host", "claude-desktop", "--policy", "/etc/mcpguard/policy.yaml", "--sandbox",
                                "--", "npx", "-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/home/u/Documents"])
        #expect(Self.scanView(fixture) == before)
        var bestEffort = server.args
        bestEffort[bestEffort.firstIndex(of: "--sandbox")!] = "--sandbox=best-effort"
        #expect(Discovery.unwrapGuard(command: server.command, args: bestEffort)! == ("npx", ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/home/u/Documents"]))
        // Only the host asked for was touched.
        #expect(try fixture.read(".cursor/mcp.json") == InstallFixture.configs.first { $0.path == ".cursor/mcp.json" }!.text)
    }

    @Test("--dry-run writes nothing and its diff turns the file into what install writes")
    func dryRun() throws {
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        let original = try fixture.snapshot()
        let plan = try fixture.installer(dryRun: true).install(InstallFixture.settings)
        #expect(try fixture.snapshot() == original)
        #expect(!FileManager.default.fileExists(atPath: fixture.state))
        let renderer = InstallReportRenderer(style: TerminalStyle(enabled: false))
        let text = renderer.text(plan, action: .install)
        #expect(text.contains("Dry run: nothing written."))
        let codex = try #require(plan.files.first { $0.host == "codex" })
        #expect(renderer.diff(codex, action: .install) == """
            --- \(codex.path)\t(current)
            +++ \(codex.path)\t(after mcpguard install)
            @@ -2,15 +2,16 @@
             model = "gpt-5"
             
             [mcp_servers.context7]
            -command = "npx"
            -args = ["-y", "@upstash/context7-mcp"]
            +command = "/opt/mcpguard/bin/mcpguard"
            +args = ["run", "--name", "context7", "--host", "codex", "--pass-env", "LOG", "--", "npx", "-y", "@upstash/context7-mcp"]
             
             [mcp_servers.figma]
             url = "https://mcp.figma.com/mcp"
             bearer_token_env_var = "FIGMA_OAUTH_TOKEN"
             
             [mcp_servers.'literal name']
            -command = 'C:\\tools\\srv.exe'  # no args
            +command = "/opt/mcpguard/bin/mcpguard"  # no args
            +args = ["run", "--name", "literal name", "--host", "codex", "--pass-env", "SHARED_TOKEN", "--", "C:\\\\tools\\\\srv.exe"]
             env_vars = ["SHARED_TOKEN"]
             
             [mcp_servers.context7.env]
            """)
        let installed = try fixture.installer().install(InstallFixture.settings)
        #expect(installed.files.map(\.after) == plan.files.map(\.after))
    }

    @Test("a config edited between install and uninstall is unwrapped entry by entry and keeps the edit")
    func editedBetween() throws {
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        let path = ".config/Claude/claude_desktop_config.json"
        let original = try fixture.read(path)
        _ = try fixture.installer().install(InstallFixture.settings)
        // The user changes a value, adds a server, and bumps the version of a wrapped server after `--`.
        func edit(_ text: String) -> String {
            text.replacingOccurrences(of: "\"globalShortcut\": \"Ctrl+Space\"", with: "\"globalShortcut\": \"Alt+Space\"")
                .replacingOccurrences(of: "  \"mcpServers\": {\n", with: "  \"mcpServers\": {\n    \"added\": { \"command\": \"new-server\" },\n")
        }
        try fixture.write(path, edit(try fixture.read(path)).replacingOccurrences(of: "github-mcp-server\"", with: "github-mcp-server:v2\""))
        let report = try fixture.installer(hosts: ["claude-desktop"]).uninstall()
        #expect(report.files.count == 1 && report.files[0].restoredFromBackup == false)
        #expect(try fixture.read(path) == edit(original).replacingOccurrences(of: "github-mcp-server\"", with: "github-mcp-server:v2\""),
                "the untouched entry gets its original text back, the edited one its new command line, the rest keeps the edits")
    }

    @Test("without the manifest, uninstall still unwraps what install wrapped, from the wrapper itself")
    func manifestGone() throws {
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        let originalServers = try Self.configured(fixture)
        _ = try fixture.installer().install(InstallFixture.settings)
        try FileManager.default.removeItem(atPath: fixture.state)
        _ = try fixture.installer().uninstall()
        let servers = try Self.configured(fixture)
        for (name, server) in originalServers {
            #expect(servers[name]?.command == server.command && servers[name]?.args == server.args, "\(name)")
        }
        // Arrays are written back in the layout they had.
        #expect(try fixture.read(".config/Claude/claude_desktop_config.json") == InstallFixture.configs[0].text)
    }

    @Test("a malformed config is an error naming the file and position, and no file is touched")
    func broken() throws {
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        try fixture.write(".cursor/mcp.json", "{\n  \"mcpServers\": {\n    \"x\": { \"command\": \"a\" \n  }\n")
        let original = try fixture.snapshot()
        #expect {
            _ = try fixture.installer().install(InstallFixture.settings)
        } throws: { error in
            let message = (error as? InstallError)?.message ?? ""
            return message.contains(fixture.home + "/.cursor/mcp.json: not valid JSON: line 5, column 1:") && message.contains("nothing was changed")
        }
        #expect(try fixture.snapshot() == original)
        #expect(!FileManager.default.fileExists(atPath: fixture.state))
        // The other hosts can still be installed by leaving the broken one out.
        _ = try fixture.installer(hosts: ["claude-desktop"]).install(InstallFixture.settings)
        #expect(try fixture.read(".cursor/mcp.json") == original[".cursor/mcp.json"])
    }

    @Test("hostile entries: quotes and unicode in names, names that look like options, spaces in commands, -- in args")
    func hostile() throws {
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        _ = try fixture.installer(hosts: ["claude-code"]).install(InstallFixture.settings)
        let servers = try Self.configured(fixture)
        #expect(servers["wé\"ird — näme 🚀"]?.args.prefix(3) == ["run", "--name", "wé\"ird — näme 🚀"])
        #expect(servers["--"]?.guardedServer?.command == "node")
        #expect(servers["-x"]?.args.prefix(2) == ["run", "--name=-x"])
        #expect(servers[""]?.args.prefix(3) == ["run", "--name", ""])
        let db = try #require(servers["local-db"]?.guardedServer)
        #expect(db.command == "/usr/local/My Tools/db server" && db.args == ["--", "--readonly", "--"])
        // The file is still the JSON it was, with the name escaped where it is written.
        let text = try fixture.read("src/app/.mcp.json")
        #expect(text.contains(#""--name", "wé\"ird — näme 🚀""#))
        #expect(text.hasSuffix("}}}\n"))
        // Names reach the terminal with their control characters shown, not obeyed.
        let report = try fixture.installer(dryRun: true, hosts: ["claude-code"]).uninstall()
        let printed = InstallReportRenderer(style: TerminalStyle(enabled: false)).text(report, action: .uninstall)
        #expect(printed.contains("unwrapped        \\u{1b}[2Jclear") && !printed.contains("\u{1B}"), "\(printed)")
    }

    @Test("a second install after adding a server wraps only the new one; uninstall still gives back the very first bytes")
    func installTwiceWithEdit() throws {
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        let path = ".kiro/settings/mcp.json"
        let original = try fixture.read(path)
        _ = try fixture.installer(hosts: ["kiro"]).install(InstallFixture.settings)
        let withNew = try fixture.read(path).replacingOccurrences(of: "    \"mcpServers\": {\n", with: "    \"mcpServers\": {\n        \"new\": { \"command\": \"n\" },\n")
        try fixture.write(path, withNew)
        let second = try fixture.installer(hosts: ["kiro"]).install(InstallFixture.settings)
        #expect(second.files[0].entries.map(\.outcome) == [.wrapped, .alreadyGuarded])
        _ = try fixture.installer(hosts: ["kiro"]).uninstall()
        #expect(try fixture.read(path) == original.replacingOccurrences(of: "    \"mcpServers\": {\n", with: "    \"mcpServers\": {\n        \"new\": { \"command\": \"n\" },\n"))
    }

    @Test("a config in a directory mcpguard cannot write is left alone and said so; the others are written")
    func unwritable() throws {
        guard getuid() != 0 else { return }  // root writes anywhere
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        let directory = fixture.home + "/.gemini"
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: directory)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: directory + "/settings.json")
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory) }
        let report = try fixture.installer(hosts: ["gemini-cli", "kiro"]).install(InstallFixture.settings)
        #expect(report.files.first { $0.host == "gemini-cli" }?.leftAlone == "the file is not writable")
        #expect(try fixture.read(".gemini/settings.json") == InstallFixture.configs.first { $0.path == ".gemini/settings.json" }!.text)
        #expect(try fixture.read(".kiro/settings/mcp.json").contains(InstallFixture.executable))
    }

    @Test("an atomic write keeps the file's mode")
    func modeKept() throws {
        let fixture = try InstallFixture()
        defer { fixture.remove() }
        let path = fixture.home + "/.claude.json"
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        _ = try fixture.installer(hosts: ["claude-code"]).install(InstallFixture.settings)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let manifest = fixture.state + "/install-manifest.json"
        #expect(try FileManager.default.attributesOfItem(atPath: manifest)[.posixPermissions] as? Int == 0o600)
    }
}
