import GuardCore
import Testing

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("key order, whitespace, number spelling and Unicode normalisation do not change the hash")
    func equivalentForms() throws {
        let a = try JSONParser.parse(#"{"b": 1.0, "a": [1e2, "caf\u00e9"], "c": {"y": true, "x": null}}"#)
        let b = try JSONParser.parse(#"{"c":{"x":null,"y":true},"a":[100,"cafe\u0301"],"b":1}"#)
        #expect(CanonicalJSON.string(a) == #"{"a":[100,"café"],"b":1,"c":{"x":null,"y":true}}"#)
        #expect(CanonicalJSON.hash(a) == CanonicalJSON.hash(b))
        #expect(CanonicalJSON.hash(a).hasPrefix("sha256:"))
        #expect(CanonicalJSON.hash(a).count == 71)
    }

    @Test("any visible change changes the hash")
    func sensitivity() throws {
        let base = try JSONParser.parse(#"{"name":"t","description":"Reads a file."}"#)
        for changed in [#"{"name":"t","description":"Reads a file!"}"#, #"{"name":"T","description":"Reads a file."}"#,
                        #"{"name":"t","description":"Reads a file.","annotations":{}}"#, #"{"name":"t","description":"Reads a file.\u200b"}"#] {
            #expect(CanonicalJSON.hash(try JSONParser.parse(changed)) != CanonicalJSON.hash(base), "\(changed)")
        }
    }

    @Test("numbers follow the ECMAScript shortest form", arguments: [
        ("1.0", "1"), ("-0.0", "0"), ("1e2", "100"), ("0.5", "0.5"), ("1e-7", "1e-7"), ("1.5e300", "1.5e+300"), ("123456789012345678901", "1.2345678901234568e+20"),
    ])
    func numbers(literal: String, expected: String) {
        #expect(CanonicalJSON.canonicalNumber(JSONNumber(literal: literal)) == expected)
    }
}
