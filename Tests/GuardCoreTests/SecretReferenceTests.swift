import GuardCore
import Testing

@Suite("${secret:NAME} references")
struct SecretReferenceTests {
    @Test("references are found in order, each once, and replaced in one pass")
    func substitute() throws {
        let text = "Bearer ${secret:github} and ${secret:npm.token-2} and ${secret:github}"
        #expect(try SecretReference.names(in: text) == ["github", "npm.token-2"])
        #expect(try SecretReference.substitute(text, values: ["github": "A", "npm.token-2": "B"]) == "Bearer A and B and A")
        #expect(try SecretReference.substitute("no references, $HOME and $$ stay", values: [:]) == "no references, $HOME and $$ stay")
        #expect(try SecretReference.substitute("", values: [:]) == "")
    }

    @Test("a value that itself holds a reference is not resolved again")
    func noRecursion() throws {
        let values = ["outer": "${secret:inner}", "inner": "leaked"]
        #expect(try SecretReference.substitute("${secret:outer}", values: values) == "${secret:inner}")
    }

    @Test("$${secret: is a literal ${secret:")
    func escape() throws {
        #expect(try SecretReference.names(in: "$${secret:x}") == [])
        #expect(try SecretReference.substitute("$${secret:x}", values: [:]) == "${secret:x}")
        #expect(try SecretReference.substitute("a$${secret:x}b${secret:y}", values: ["y": "Y"]) == "a${secret:x}bY")
        #expect(!SecretReference.containsReference("$${secret:x}"))
        // The escape only covers the opening: the rest is literal text, even a malformed name.
        #expect(try SecretReference.substitute("$${secret:not a name", values: [:]) == "${secret:not a name")
    }

    @Test("an unknown name is an error naming it")
    func unknown() {
        #expect(throws: SecretReference.Failure.unknown("missing")) { try SecretReference.substitute("${secret:missing}", values: ["other": "v"]) }
        #expect(SecretReference.Failure.unknown("missing").description == "unknown secret 'missing'")
    }

    @Test("malformed references are refused with their position, and never echo the text", arguments: [
        ("${secret:}", 1), ("x${secret:bad name}", 2), ("${secret:unterminated", 1), ("é${secret:a b}", 2),
        ("${secret:\(String(repeating: "a", count: 129))}", 1), ("${secret:ghp_x/y}", 1),
    ])
    func malformed(text: String, position: Int) {
        #expect(throws: SecretReference.Failure.malformed(offset: position - 1)) { try SecretReference.parse(text) }
        #expect(SecretReference.containsReference(text), "a malformed reference was still meant as one")
        let message = SecretReference.Failure.malformed(offset: position - 1).description
        #expect(message.contains("at character \(position)") && !message.contains("ghp_"))
    }

    @Test("names: 1 to 128 of A-Z a-z 0-9 _ . -")
    func names() throws {
        #expect(SecretName.isValid("a") && SecretName.isValid("GitHub_token.v2-x") && SecretName.isValid(String(repeating: "z", count: 128)))
        for bad in ["", String(repeating: "z", count: 129), "a b", "a/b", "a=b", "ä", "a\n", "${x}"] { #expect(!SecretName.isValid(bad), "\(bad)") }
        #expect(try SecretReference.names(in: "${secret:\(String(repeating: "z", count: 128))}").count == 1)
    }
}
