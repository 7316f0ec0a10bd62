import GuardPolicy
import Testing

@Suite("Policy environment: names and values with ${secret:NAME}")
struct PolicyEnvironmentTests {
    static func policy(_ environment: String) throws(Policy.Failure) -> Policy {
        try Policy(yaml: "version: 1\nservers:\n  \"*\":\n    environment: \(environment)\n  gh:\n    default: allow\n", path: "p.yaml")
    }

    @Test("the list form passes names through; the mapping form sets values (references kept for launch)")
    func forms() throws {
        let list = try Self.policy("[GITHUB_TOKEN, TZ]")
        #expect(list.rules(for: "*").environment == ["GITHUB_TOKEN", "TZ"])
        #expect(list.rules(for: "*").environmentValues.isEmpty)
        let mapping = try Self.policy("{ GITHUB_TOKEN: \"${secret:github}\", MODE: \"read-only\" }")
        #expect(mapping.rules(for: "*").environmentValues == ["GITHUB_TOKEN": "${secret:github}", "MODE": "read-only"])
        #expect(mapping.rules(for: "gh").environmentValues == mapping.rules(for: "*").environmentValues, "a named section inherits it")
        #expect(mapping.rules(for: "*").environment.isEmpty)
    }

    @Test("bad names, non-string values and malformed references are refused, naming the member", arguments: [
        ("{ \"1BAD\": x }", "environment: '1BAD' is not a variable name"),
        ("{ PORT: 8080 }", "environment.PORT must be a string (quote it)"),
        ("{ T: \"${secret:bad name}\" }", "environment.T: malformed secret reference at character 1"),
        ("secret", "environment must be a list of variable names or a mapping"),
    ])
    func refused(environment: String, message: String) {
        do {
            _ = try Self.policy(environment)
            Issue.record("accepted \(environment)")
        } catch {
            // Named sections inherit "*", so the member may be reported under either.
            let member = error.description.replacingOccurrences(of: "servers.gh.", with: "servers.*.")
            #expect(member.hasPrefix("p.yaml: servers.*." + message), "\(error)")
        }
    }

    @Test("the JSON Schema accepts both forms and refuses a number value")
    func schema() {
        let base = "version: 1\nservers:\n  \"*\":\n    environment: "
        #expect(PolicySchema.problems(yaml: base + "[A, B_2]").isEmpty)
        #expect(PolicySchema.problems(yaml: base + "{ A: \"${secret:a}\" }").isEmpty)
        #expect(!PolicySchema.problems(yaml: base + "{ A: 1 }").isEmpty)
        #expect(!PolicySchema.problems(yaml: base + "{ \"1A\": x }").isEmpty)
    }
}
