import Testing

@testable import GuardScan

/// The byte-preserving editors on their own: only the named value's bytes change.
@Suite("Config text editors")
struct ConfigTextEditorTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    static func text(_ editor: some ConfigTextEditor) -> String { String(decoding: editor.bytes, as: UTF8.self) }

    @Test("JSONC: replacing one env value (the --migrate-secrets primitive) keeps comments, commas and layout")
    func jsoncReplaceString() throws {
        let source = """
            // user settings
            {
              "mcpServers": {
                "gh": {
                  "command": "npx", // the launcher
                  "env": { "GITHUB_TOKEN": "ghp_notARealTokenAtAll" /* rotate me */, "OTHER": "1", },
                },
              },
            }
            """
        var editor = try JSONConfigEditor(bytes: Self.bytes(source))
        #expect(editor.string(at: ["mcpServers", "gh", "env", "GITHUB_TOKEN"]) == "ghp_notARealTokenAtAll")
        try editor.replaceString(at: ["mcpServers", "gh", "env", "GITHUB_TOKEN"], with: "${secret:GITHUB_TOKEN}")
        #expect(Self.text(editor) == source.replacingOccurrences(of: "\"ghp_notARealTokenAtAll\"", with: "\"${secret:GITHUB_TOKEN}\""))
        #expect(throws: ConfigEditError.self) { try editor.replaceString(at: ["mcpServers", "gh", "env", "MISSING"], with: "x") }
    }

    @Test("JSON: a multi-line args array stays one element a line; a one-line one stays on its line")
    func jsonArrayLayout() throws {
        let source = "{\n  \"a\": {\n    \"command\": \"npx\",\n    \"args\": [\n      \"-y\",\n      \"pkg\"\n    ]\n  },\n  \"b\": {\"command\": \"uvx\", \"args\": [\"x\",\"y\"]}\n}\n"
        var editor = try JSONConfigEditor(bytes: Self.bytes(source))
        try editor.setStrings(at: ["a", "args"], to: ["run", "--", "npx", "-y", "pkg"], after: "command")
        try editor.setStrings(at: ["b", "args"], to: ["run", "--", "uvx", "x", "y"], after: "command")
        #expect(Self.text(editor) == "{\n  \"a\": {\n    \"command\": \"npx\",\n    \"args\": [\n      \"run\",\n      \"--\",\n      \"npx\",\n      \"-y\",\n      \"pkg\"\n    ]\n  },\n  \"b\": {\"command\": \"uvx\", \"args\": [\"run\",\"--\",\"uvx\",\"x\",\"y\"]}\n}\n")
    }

    @Test("JSON: args added after the command when there are none, on its own line or inline, and removed again exactly")
    func jsonInsertArgs() throws {
        let source = "{\r\n  \"x\": {\r\n    \"command\": \"server\" // no args\r\n  },\r\n  \"y\": { \"command\": \"other\" }\r\n}"
        var editor = try JSONConfigEditor(bytes: Self.bytes(source))
        let first = try editor.setStrings(at: ["x", "args"], to: ["run", "--", "server"], after: "command")
        let second = try editor.setStrings(at: ["y", "args"], to: ["a"], after: "command")
        #expect(first == ",\r\n    \"args\": [\"run\", \"--\", \"server\"]")
        #expect(second == ", \"args\": [\"a\"]")
        #expect(Self.text(editor) == "{\r\n  \"x\": {\r\n    \"command\": \"server\",\r\n    \"args\": [\"run\", \"--\", \"server\"] // no args\r\n  },\r\n  \"y\": { \"command\": \"other\", \"args\": [\"a\"] }\r\n}")
        let removedFirst = editor.removeInserted(first!, after: ["x", "command"])
        let removedSecond = editor.removeInserted(second!, after: ["y", "command"])
        let removedAgain = editor.removeInserted(second!, after: ["y", "command"])
        #expect(removedFirst && removedSecond && !removedAgain)
        #expect(Self.text(editor) == source)
    }

    @Test("JSON: escaped and unicode keys are found; of duplicate keys the last is edited, as hosts read it")
    func jsonKeys() throws {
        let source = #"{"mcpServers": {"wé\"ird\u0020name": {"command": "a"}, "dup": {"command": "first"}, "dup": {"command": "second"}}}"#
        var editor = try JSONConfigEditor(bytes: Self.bytes(source))
        #expect(editor.string(at: ["mcpServers", "wé\"ird name", "command"]) == "a")
        try editor.replaceString(at: ["mcpServers", "dup", "command"], with: "x \"quoted\" \\ \n")
        #expect(Self.text(editor) == source.replacingOccurrences(of: "\"second\"", with: #""x \"quoted\" \\ \n""#))
    }

    @Test("malformed JSON is refused naming line and column")
    func jsonBroken() {
        #expect(throws: ConfigEditError("not valid JSON: line 3, column 1: found '}' where a value for key \"a\" was expected")) {
            _ = try JSONConfigEditor(bytes: Self.bytes("{\n  \"a\":\n}"))
        }
    }

    static let codex = """
        # Codex config
        model = "o3"
        mcp_servers.dotted.command = "dotted-server"

        [mcp_servers.github]
        command = 'npx' # literal string
        args = [
          "-y",
          "@modelcontextprotocol/server-github",
        ]
        env = { GITHUB_TOKEN = "ghp_notARealTokenAtAll", X = "1" }

        [mcp_servers."my server"]
          command = "/opt/My Tools/srv"

        [mcp_servers.inline]
        sub = { command = "inline-cmd" }

        [mcp_servers.github.more]
        key = "value"
        """

    @Test("TOML: env value replaced in an inline table; everything else byte for byte")
    func tomlReplaceString() throws {
        var editor = try TOMLConfigEditor(bytes: Self.bytes(Self.codex))
        #expect(editor.string(at: ["mcp_servers", "github", "command"]) == "npx")
        #expect(editor.strings(at: ["mcp_servers", "github", "args"]) == ["-y", "@modelcontextprotocol/server-github"])
        try editor.replaceString(at: ["mcp_servers", "github", "env", "GITHUB_TOKEN"], with: "${secret:GITHUB_TOKEN}")
        #expect(Self.text(editor) == Self.codex.replacingOccurrences(of: "\"ghp_notARealTokenAtAll\"", with: "\"${secret:GITHUB_TOKEN}\""))
    }

    @Test("TOML: args replaced in its layout, or added after a header key, a dotted key and inside an inline table")
    func tomlArgs() throws {
        var editor = try TOMLConfigEditor(bytes: Self.bytes(Self.codex))
        try editor.replaceString(at: ["mcp_servers", "github", "command"], with: "/bin/mcpguard")
        try editor.setStrings(at: ["mcp_servers", "github", "args"], to: ["run", "--", "npx"], after: "command")
        let spaced = try editor.setStrings(at: ["mcp_servers", "my server", "args"], to: ["a \"b\""], after: "command")
        let dotted = try editor.setStrings(at: ["mcp_servers", "dotted", "args"], to: ["d"], after: "command")
        let inline = try editor.setStrings(at: ["mcp_servers", "inline", "sub", "args"], to: ["i"], after: "command")
        #expect(spaced == "\n  args = [\"a \\\"b\\\"\"]")
        #expect(dotted == "\nmcp_servers.dotted.args = [\"d\"]")
        #expect(inline == ", args = [\"i\"]")
        #expect(Self.text(editor) == """
            # Codex config
            model = "o3"
            mcp_servers.dotted.command = "dotted-server"
            mcp_servers.dotted.args = ["d"]

            [mcp_servers.github]
            command = "/bin/mcpguard" # literal string
            args = [
              "run",
              "--",
              "npx"
            ]
            env = { GITHUB_TOKEN = "ghp_notARealTokenAtAll", X = "1" }

            [mcp_servers."my server"]
              command = "/opt/My Tools/srv"
              args = ["a \\"b\\""]

            [mcp_servers.inline]
            sub = { command = "inline-cmd", args = ["i"] }

            [mcp_servers.github.more]
            key = "value"
            """)
        #expect(editor.strings(at: ["mcp_servers", "my server", "args"]) == ["a \"b\""])
        let removed = editor.removeInserted(dotted!, after: ["mcp_servers", "dotted", "command"])
        #expect(removed)
        #expect(!editor.contains(["mcp_servers", "dotted", "args"]))
    }

    @Test("malformed TOML is refused naming the line")
    func tomlBroken() {
        #expect(throws: ConfigEditError("not valid TOML: line 2: expected '=' after key b")) {
            _ = try TOMLConfigEditor(bytes: Self.bytes("a = 1\nb 2\n"))
        }
    }
}
