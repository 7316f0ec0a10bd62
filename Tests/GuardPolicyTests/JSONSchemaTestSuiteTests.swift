import Foundation
import GuardCore
import Testing

@testable import GuardPolicy

/// Runs the official JSON-Schema-Test-Suite (copied into Fixtures with its LICENSE; the optional tests,
/// including `format`, are not run) and prints the pass count per keyword file.
@Suite("JSON Schema validator on the official test suite")
struct JSONSchemaTestSuiteTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/JSON-Schema-Test-Suite")

    /// Every file under remotes/, served as http://localhost:1234/<path> as the suite expects.
    static let remotes: [String: JSONValue] = {
        var result: [String: JSONValue] = [:]
        let base = root.appendingPathComponent("remotes")
        let files = FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String] ?? []
        for file in files where file.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(file).path),
                let value = try? JSONParser.parse([UInt8](data))
            else { continue }
            result["http://localhost:1234/" + file] = value
        }
        return result
    }()

    /// Tests this validator is known not to pass, per file; kept explicit so a regression shows.
    /// - definitions/defs, ref "remote ref, containing refs itself": validate against the official
    ///   metaschema, which is not shipped (mcpguard is offline and validates tool arguments, not schemas).
    /// - refRemote "base URI change" and "different $id/URN $id", ref "order of evaluation: $id and $ref":
    ///   relative `$id`s changing the base inside remote documents.
    /// - vocabulary: custom metaschemas that switch vocabularies off.
    static let knownFailures: [String: Int] = [
        "draft7/definitions.json": 1, "draft7/ref.json": 1,
        "draft2020-12/defs.json": 1, "draft2020-12/ref.json": 2, "draft2020-12/refRemote.json": 4, "draft2020-12/vocabulary.json": 1,
    ]

    struct Outcome { var passed = 0; var failed: [String] = [] }

    static func run(draft: String, kind: JSONSchemaValidator.Draft) throws -> [String: Outcome] {
        let directory = root.appendingPathComponent("tests/\(draft)")
        var outcomes: [String: Outcome] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).filter({ $0.hasSuffix(".json") }).sorted() {
            let groups = try JSONParser.parse([UInt8](Data(contentsOf: directory.appendingPathComponent(file)))).arrayValue ?? []
            var outcome = Outcome()
            for group in groups {
                guard let schema = group["schema"] else { continue }
                let validator = JSONSchemaValidator(schema: schema, draft: kind, remotes: remotes)
                for test in group["tests"]?.arrayValue ?? [] {
                    guard let data = test["data"], let expected = test["valid"]?.boolValue else { continue }
                    if validator.isValid(data) == expected {
                        outcome.passed += 1
                    } else {
                        outcome.failed.append("\(group["description"]?.stringValue ?? "?") / \(test["description"]?.stringValue ?? "?")")
                    }
                }
            }
            outcomes[file] = outcome
        }
        return outcomes
    }

    @Test("draft 2020-12 and draft-07: every required test passes", arguments: [("draft2020-12", JSONSchemaValidator.Draft.draft2020_12), ("draft7", .draft7)])
    func suite(draft: String, kind: JSONSchemaValidator.Draft) throws {
        let outcomes = try Self.run(draft: draft, kind: kind)
        var total = 0
        var passed = 0
        var report: [String] = []
        for (file, outcome) in outcomes.sorted(by: { $0.key < $1.key }) {
            total += outcome.passed + outcome.failed.count
            passed += outcome.passed
            report.append("  \(file.replacingOccurrences(of: ".json", with: "")): \(outcome.passed)/\(outcome.passed + outcome.failed.count)")
            let allowed = Self.knownFailures["\(draft)/\(file)"] ?? 0
            #expect(outcome.failed.count <= allowed, "\(draft)/\(file): \(outcome.failed.prefix(5).joined(separator: " | "))")
        }
        print("JSON-Schema-Test-Suite \(draft): \(passed)/\(total) passed\n" + report.joined(separator: "\n"))
        #expect(passed >= (kind == .draft7 ? 925 : 1291), "fewer tests pass than when the known failures were recorded")
    }
}
