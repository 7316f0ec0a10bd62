import Foundation
import GuardCore
import GuardPolicy
import Testing

@testable import GuardScan

/// The attestation reader and docs/attestation.schema.json agree on what a valid file is (JSON text is YAML,
/// so the same documents go to both), and the --init template is a valid, empty file.
@Suite("Attestation files")
struct AttestationFileTests {
    static let schema: JSONValue = {
        let url = TestSupport.repositoryRoot.appendingPathComponent("docs/attestation.schema.json")
        return (try? JSONParser.parse(String(contentsOf: url, encoding: .utf8))) ?? .null
    }()

    static let valid = [
        #"{"version": 1}"#,
        #"{"version": 1, "items": {"SRV-AUTH-05": {"status": "met", "by": "ops", "date": "2026-11-01", "evidence": "runbook"}}}"#,
        #"{"version": 1, "items": {"CLI-UI-03": {"status": "not-met", "by": "ops", "date": "2026-11-01", "expires": "2027-01-01"}}}"#,
        #"{"version": 1, "items": {"CRYPTO-06": {"status": "not-applicable", "by": "ops", "date": "2026-11-01", "evidence": ["a", "b"]}}}"#,
    ]

    static let invalid = [
        #"{"version": 2}"#,
        #"{"version": 1, "extra": true}"#,
        #"{"version": 1, "items": {"SRV-AUTH-05": {"status": "met", "by": "ops", "date": "2026-11-01"}}}"#,
        #"{"version": 1, "items": {"SRV-AUTH-05": {"status": "yes", "by": "ops", "date": "2026-11-01", "evidence": "x"}}}"#,
        #"{"version": 1, "items": {"SRV-AUTH-05": {"status": "met", "date": "2026-11-01", "evidence": "x"}}}"#,
        #"{"version": 1, "items": {"SRV-AUTH-05": {"status": "met", "by": "ops", "date": "1 Nov", "evidence": "x"}}}"#,
        #"{"version": 1, "items": {"SRV-AUTH-05": {"status": "met", "by": "ops", "date": "2026-11-01", "evidence": "x", "note": 1}}}"#,
        #"{"version": 1, "items": {"SRV-AUTH-05": {"status": "met", "by": "ops", "date": "2026-11-01", "evidence": [1]}}}"#,
    ]

    @Test("the reader and the schema accept and refuse the same documents", arguments: valid + invalid)
    func agree(_ document: String) throws {
        let schemaFailures = JSONSchemaValidator(schema: Self.schema).validate(try JSONParser.parse(document))
        let readerError: String?
        do {
            _ = try AttestationFile(yaml: document, path: "a.yaml")
            readerError = nil
        } catch {
            readerError = error.description
        }
        let shouldPass = Self.valid.contains(document)
        #expect(schemaFailures.isEmpty == shouldPass, "schema: \(schemaFailures)")
        #expect((readerError == nil) == shouldPass, "reader: \(readerError ?? "accepted")")
        if let readerError { #expect(readerError.hasPrefix("a.yaml")) }
    }

    @Test("the reader refuses what the schema cannot express: unknown ids, expiry before the date")
    func semanticChecks() {
        #expect(throws: AttestationFile.Failure.self) {
            try AttestationFile(yaml: #"{"version": 1, "items": {"SRV-NOPE-01": {"status": "not-met", "by": "o", "date": "2026-01-01"}}}"#, path: "a.yaml")
        }
        #expect(throws: AttestationFile.Failure.self) {
            try AttestationFile(yaml: #"{"version": 1, "items": {"CLI-UI-03": {"status": "not-met", "by": "o", "date": "2026-05-01", "expires": "2026-01-01"}}}"#, path: "a.yaml")
        }
        #expect(throws: AttestationFile.Failure.self) { try AttestationFile(yaml: "version: 1\nitems: [1, 2]\n", path: "a.yaml") }
        #expect(throws: AttestationFile.Failure.self) { try AttestationFile(yaml: "version: 1\nitems:\n  CLI-UI-03: &a {}\n  CLI-UI-03: *a\n", path: "a.yaml") }
    }

    @Test("the --init template is a valid empty file that asks about every attest item and nothing else")
    func template() throws {
        let text = AttestationTemplate.render(today: "2026-12-02")
        #expect(try AttestationFile(yaml: text, path: "t.yaml").entries.isEmpty)
        for coverage in ItemCoverage.all {
            #expect(text.contains("  # \(coverage.id):") == (coverage.level == .attest), "\(coverage.id)")
        }
        // Uncommenting a block (and giving evidence) yields a valid answer.
        let filled = text.replacingOccurrences(of: "  # SRV-AUTH-05:\n  #   status: met\n  #   by: you@example.com\n  #   date: 2026-12-02\n  #   evidence: \"\"", with: "  SRV-AUTH-05:\n    status: met\n    by: you@example.com\n    date: 2026-12-02\n    evidence: \"key rotation runbook\"")
        #expect(try AttestationFile(yaml: filled, path: "t.yaml").entries["SRV-AUTH-05"]?.evidence == ["key rotation runbook"])
    }
}
