import GuardCore
import Testing

@testable import GuardPolicy

@Suite("JSON Schema validator messages and bounds")
struct JSONSchemaValidatorTests {
    @Test("failures name the field and the rule, the way the guard reports them to a client")
    func messages() throws {
        let schema = try JSONParser.parse(#"{"type":"object","properties":{"path":{"type":"string","pattern":"^/home/"},"count":{"type":"integer","maximum":10}},"required":["path"],"additionalProperties":false}"#)
        let validator = JSONSchemaValidator(schema: schema)
        #expect(validator.isValid(try JSONParser.parse(#"{"path":"/home/me/a.txt","count":3}"#)))
        let failures = validator.validate(try JSONParser.parse(#"{"path":"/etc/passwd","count":11.5,"extra":true}"#))
        #expect(Set(failures.map(\.description)) == [
            "/path: must match the pattern ^/home/", "/count: expected integer, found number", "/count: must be at most 10",
            "(root): property 'extra' is not allowed",
        ])
        #expect(validator.validate(.object(JSONObject())).map(\.description) == ["(root): required property 'path' is missing"])
    }

    @Test("a schema that refers to itself forever fails instead of recursing without end")
    func bounded() throws {
        let schema = try JSONParser.parse(##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##)
        let failures = JSONSchemaValidator(schema: schema).validate(1)
        #expect(failures.contains { $0.message.contains("nest deeper than 64 levels") })
    }

    @Test("draft-07 is detected from $schema and ignores siblings of $ref")
    func draftDetection() throws {
        let schema = try JSONParser.parse(##"{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"s":{"type":"string"}},"$ref":"#/definitions/s","maxLength":1}"##)
        let validator = JSONSchemaValidator(schema: schema)
        #expect(validator.draft == .draft7)
        #expect(validator.isValid("long string is fine: maxLength beside $ref is ignored in draft-07"))
        #expect(!validator.isValid(1))
    }
}
