import GuardCore
import Testing

@testable import GuardDetect

/// Host settings that run tools without asking, in each host's own file format.
@Suite("Host settings: approvals, permission modes, sandbox modes")
struct HostSettingsTests {
    static let settingRules: Set<String> = ["auto-approve", "permission-mode", "sandbox-disabled"]

    func audit(_ text: String, path: String) -> [Finding] {
        Probe.findings(ConfigRiskDetector(), servers: [], configs: [ConfigDocument(path: path, host: "test", text: text)])
            .filter { Self.settingRules.contains($0.rule) }
    }

    /// 1-based line of the first line containing `needle`.
    func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    func finding(_ findings: [Finding], at pointer: String) -> Finding? {
        findings.first { $0.location.pointer == pointer }
    }

    @Test("Claude Code permissions.allow: single tools by what they do, patterns, whole servers as before")
    func claudeToolAllows() throws {
        let text = """
            {
              "$schema": "https://json.schemastore.org/claude-code-settings.json",
              "permissions": {
                "allow": [
                  "Bash(npm run test:*)",
                  "mcp__github",
                  "mcp__wallet__transfer_funds",
                  "mcp__github__get_file_contents",
                  "mcp__github__get_*",
                  "mcp__slack__send_message",
                  "mcp__shell__run_command",
                  "mcp__fs__delete_file",
                  "mcp__fs__write_file"
                ],
                "deny": ["Read(./.env)"]
              },
              "enableAllProjectMcpServers": false,
              "enabledMcpjsonServers": ["github"]
            }
            """
        let findings = audit(text, path: "/home/u/src/app/.claude/settings.json")
        #expect(findings.allSatisfy { $0.rule == "auto-approve" })
        #expect(Set(findings.compactMap(\.location.pointer)) == Set((1...8).map { "/permissions/allow/\($0)" }), "Bash rules, false switches and enabledMcpjsonServers give nothing")

        let whole = try #require(finding(findings, at: "/permissions/allow/1"))
        #expect(whole.severity == .medium)
        #expect(whole.message == "Host setting auto-approves MCP tools: permissions.allow \"mcp__github\" runs every tool of that server without asking")

        let transfer = try #require(finding(findings, at: "/permissions/allow/2"))
        #expect(transfer.severity == .high)
        #expect(transfer.message.contains("wallet's tool transfer_funds"))
        #expect(transfer.message.contains("moves money or crypto assets"))
        #expect(transfer.checklist.contains("CRYPTO-05"))
        #expect(transfer.location.file == "/home/u/src/app/.claude/settings.json")
        #expect(transfer.location.line == line(of: "mcp__wallet__transfer_funds", in: text))
        #expect(transfer.evidence == "mcp__wallet__transfer_funds")

        #expect(finding(findings, at: "/permissions/allow/3")?.severity == .low, "one read tool")
        #expect(finding(findings, at: "/permissions/allow/4")?.severity == .medium, "a pattern approves tools added later")
        #expect(finding(findings, at: "/permissions/allow/4")?.message.contains("every tool of github matching get_*") == true)
        for index in 5...8 {
            #expect(finding(findings, at: "/permissions/allow/\(index)")?.severity == .high, "allow/\(index) sends, runs, deletes or writes")
        }
        #expect(finding(findings, at: "/permissions/allow/5")?.checklist.contains("CRYPTO-05") == false)
    }

    @Test("Claude Code permissions.defaultMode: bypassPermissions high, auto medium, acceptEdits low, the rest nothing")
    func claudeDefaultMode() throws {
        func mode(_ value: String) -> [Finding] {
            audit("{\n  \"permissions\": {\n    \"allow\": [],\n    \"defaultMode\": \"\(value)\"\n  }\n}", path: "/home/u/.claude/settings.json")
        }
        let bypass = try #require(mode("bypassPermissions").first)
        #expect(bypass.rule == "permission-mode")
        #expect(bypass.severity == .high)
        #expect(bypass.location.pointer == "/permissions/defaultMode")
        #expect(bypass.location.line == 4)
        #expect(bypass.evidence == "\"defaultMode\": \"bypassPermissions\"")
        #expect(bypass.checklist == Rules.permissionMode.checklist)
        #expect(mode("auto").map(\.severity) == [.medium])
        #expect(mode("acceptEdits").map(\.severity) == [.low])
        for quiet in ["default", "plan", "dontAsk"] { #expect(mode(quiet).isEmpty, "\(quiet)") }
    }

    @Test("~/.claude.json: per-project allowedTools and enableAllProjectMcpServers")
    func claudeProjects() throws {
        let text = """
            {
              "numStartups": 12,
              "projects": {
                "/home/u/src/app": {
                  "allowedTools": ["mcp__postgres__execute_sql", "mcp__postgres__list_tables", "Edit"],
                  "enableAllProjectMcpServers": true,
                  "mcpServers": {}
                }
              }
            }
            """
        let findings = audit(text, path: "/home/u/.claude.json")
        let base = "/projects/~1home~1u~1src~1app"
        #expect(finding(findings, at: base + "/allowedTools/0")?.severity == .high)
        #expect(finding(findings, at: base + "/allowedTools/0")?.message.contains("allowedTools of /home/u/src/app") == true)
        #expect(finding(findings, at: base + "/allowedTools/1")?.severity == .low)
        #expect(finding(findings, at: base + "/enableAllProjectMcpServers")?.severity == .high)
        #expect(finding(findings, at: base + "/enableAllProjectMcpServers")?.location.line == 6)
        #expect(findings.count == 3)
    }

    @Test("Cursor permissions.json: mcpAllowlist entries and terminal commands that approve everything")
    func cursor() throws {
        let text = """
            {
              // Tools Cursor auto-runs without approval
              "mcpAllowlist": ["github:*", "linear:list_issues", "wallet:transfer_funds", "*:*"],
              "terminalAllowlist": ["git", "npm test", "bash"],
            }
            """
        let findings = audit(text, path: "/home/u/.cursor/permissions.json")
        #expect(finding(findings, at: "/mcpAllowlist/0")?.severity == .medium)
        #expect(finding(findings, at: "/mcpAllowlist/1")?.severity == .low)
        #expect(finding(findings, at: "/mcpAllowlist/2")?.severity == .high)
        #expect(finding(findings, at: "/mcpAllowlist/3")?.severity == .high)
        #expect(finding(findings, at: "/mcpAllowlist/3")?.message.contains("every MCP server") == true)
        let terminal = try #require(finding(findings, at: "/terminalAllowlist"))
        #expect(terminal.severity == .high)
        #expect(terminal.evidence == "bash")
        #expect(terminal.location.line == 4)
        #expect(audit(#"{"terminalAllowlist": ["git", "npm test", "ls"], "mcpAllowlist": []}"#, path: "/home/u/.cursor/permissions.json").isEmpty)
    }

    @Test("VS Code: chat.permissions.default, terminal auto-approve rules, the global switches")
    func vscode() throws {
        let text = """
            {
              "editor.fontSize": 13,
              "chat.permissions.default": "autopilot",
              "chat.tools.terminal.autoApprove": {
                "/.*/": true,
                "rm": false,
              },
              "chat.tools.global.autoApprove": true,
            }
            """
        let findings = audit(text, path: "/home/u/.config/Code/User/settings.json")
        let level = try #require(finding(findings, at: "/chat.permissions.default"))
        #expect(level.rule == "permission-mode")
        #expect(level.severity == .high)
        #expect(level.location.line == 3)
        let terminal = try #require(finding(findings, at: "/chat.tools.terminal.autoApprove"))
        #expect(terminal.rule == "auto-approve")
        #expect(terminal.severity == .high)
        #expect(terminal.evidence == "/.*/")
        #expect(finding(findings, at: "/chat.tools.global.autoApprove")?.severity == .high)
        #expect(findings.count == 3)

        let quiet = """
            {
              "chat.permissions.default": "default",
              "chat.tools.terminal.autoApprove": { "git status": true, "/^npm (test|run lint)$/": true, "python": false, "rm": false },
              "chat.tools.global.autoApprove": false
            }
            """
        #expect(audit(quiet, path: "/home/u/.config/Code/User/settings.json").isEmpty)
        #expect(audit(#"{"chat.permissions.default": "autoApprove"}"#, path: "/u/settings.json").map(\.severity) == [.high])
    }

    @Test("Gemini CLI: tools.autoAccept and auto_edit are low; defaults give nothing; trust stays high")
    func gemini() {
        let text = """
            {
              "general": { "defaultApprovalMode": "auto_edit", "vimMode": true },
              "tools": { "autoAccept": true, "sandbox": "docker" },
              "mcpServers": {
                "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"], "trust": true }
              }
            }
            """
        let findings = audit(text, path: "/home/u/.gemini/settings.json")
        #expect(findings.filter { $0.rule == "permission-mode" }.map(\.severity) == [.low, .low])
        #expect(finding(findings, at: "/tools/autoAccept")?.location.line == 3)
        #expect(finding(findings, at: "/general/defaultApprovalMode")?.location.line == 2)
        #expect(findings.contains { $0.rule == "auto-approve" && $0.server == "github" && $0.severity == .high })
        #expect(audit(#"{"autoAccept": true}"#, path: "/home/u/.gemini/settings.json").map(\.severity) == [.low], "v1 flat settings")
        #expect(audit(#"{"general": {"defaultApprovalMode": "default"}, "tools": {"autoAccept": false}}"#, path: "/home/u/.gemini/settings.json").isEmpty)
    }

    @Test("Codex config.toml: approval_policy, sandbox_mode, profiles, per-server and per-tool approvals")
    func codex() throws {
        let text = """
            model = "gpt-5-codex"
            approval_policy = "never"
            sandbox_mode = "danger-full-access"
            profile = "fast"

            [profiles.fast]
            approval_policy = "never"

            [profiles.safe]
            approval_policy = "on-request"
            sandbox_mode = "workspace-write"

            [profiles.ci]
            sandbox_mode = "danger-full-access"

            [mcp_servers.docs]
            command = "npx"
            args = ["-y", "docs-mcp@1.2.0"]
            default_tools_approval_mode = "approve"

            [mcp_servers.wallet]
            command = "wallet-mcp"

            [mcp_servers.wallet.tools.get_balance]
            approval_mode = "approve"

            [mcp_servers.wallet.tools.transfer_funds]
            approval_mode = "approve"

            [mcp_servers.wallet.tools.sign_tx]
            approval_mode = "prompt"
            """
        let findings = audit(text, path: "/home/u/.codex/config.toml")
        let policy = try #require(finding(findings, at: "/approval_policy"))
        #expect(policy.rule == "permission-mode")
        #expect(policy.severity == .high)
        #expect(policy.location.line == 2)
        let sandbox = try #require(finding(findings, at: "/sandbox_mode"))
        #expect(sandbox.rule == "sandbox-disabled")
        #expect(sandbox.severity == .high)
        #expect(sandbox.location.line == 3)
        #expect(sandbox.checklist == ["CLI-APP-03"])
        let fast = try #require(finding(findings, at: "/profiles/fast/approval_policy"))
        #expect(fast.severity == .high, "the default profile applies to every session")
        #expect(fast.location.line == 7)
        let ci = try #require(finding(findings, at: "/profiles/ci/sandbox_mode"))
        #expect(ci.severity == .medium, "only with --profile ci")
        #expect(ci.message.contains("--profile ci"))
        #expect(!findings.contains { $0.location.pointer?.hasPrefix("/profiles/safe") == true })
        let docs = try #require(finding(findings, at: "/mcp_servers/docs/default_tools_approval_mode"))
        #expect(docs.severity == .medium)
        #expect(docs.server == "docs")
        #expect(docs.location.line == 19)
        #expect(finding(findings, at: "/mcp_servers/wallet/tools/get_balance/approval_mode")?.severity == .low)
        let transfer = try #require(finding(findings, at: "/mcp_servers/wallet/tools/transfer_funds/approval_mode"))
        #expect(transfer.severity == .high)
        #expect(transfer.server == "wallet")
        #expect(transfer.checklist.contains("CRYPTO-05"))
        #expect(transfer.location.line == 28)
        #expect(findings.count == 7)

        let quiet = "approval_policy = \"on-request\"\nsandbox_mode = \"workspace-write\"\n\n[mcp_servers.x]\ncommand = \"x\"\ndefault_tools_approval_mode = \"auto\"\n"
        #expect(audit(quiet, path: "/home/u/.codex/config.toml").isEmpty)
    }

    @Test("array elements and TOML keys have their own lines")
    func lines() throws {
        let json = JSONKeyLines(text: "{\n  \"allow\": [\n    \"a\",\n    {\"b\": 1},\n    [\"c\"]\n  ]\n}")
        #expect(json.line("/allow/0") == 3)
        #expect(json.line("/allow/1") == 4)
        #expect(json.line("/allow/1/b") == 4)
        #expect(json.line("/allow/2") == 5)
        let toml = try TOMLSubsetParser.parse("# c\nmodel = \"o3\"\n\n[mcp_servers.a]\ncommand = \"x\"\nargs = [\n  \"y\",\n]\n").tableLines
        #expect(toml["/model"] == 2)
        #expect(toml["/mcp_servers/a"] == 4)
        #expect(toml["/mcp_servers/a/command"] == 5)
        #expect(toml["/mcp_servers/a/args"] == 6)
    }
}
