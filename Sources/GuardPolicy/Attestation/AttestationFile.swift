import Foundation
import GuardCore

/// An operator's answers for checklist items nothing automated decides: who said what, when, on what
/// evidence, until when. A YAML file (schema: docs/attestation.schema.json) committed beside the policy.
public struct AttestationFile: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case met
        case notMet = "not-met"
        case notApplicable = "not-applicable"
    }

    public struct Entry: Sendable, Equatable {
        public var status: Status
        /// Who attests (a name or e-mail).
        public var by: String
        /// When, as `YYYY-MM-DD`.
        public var date: String
        /// Until when the answer holds, as `YYYY-MM-DD`; nil: until changed.
        public var expires: String?
        /// Evidence as text or links.
        public var evidence: [String]

        public init(status: Status, by: String, date: String, expires: String? = nil, evidence: [String] = []) {
            self.status = status
            self.by = by
            self.date = date
            self.expires = expires
            self.evidence = evidence
        }

        /// Whether `expires` lies before `today` (both `YYYY-MM-DD`, which compare as strings).
        public func isExpired(today: String) -> Bool {
            guard let expires else { return false }
            return expires < today
        }
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// Reads an attestation file; every mistake is one ``Failure`` naming the item and member.
    public init(yaml: String, path: String) throws(Failure) {
        let loaded: Any?
        do {
            loaded = try PolicyYAML.load(yaml)
        } catch {
            throw Failure(description: "\(path) is not valid YAML: \(error)")
        }
        guard let root = loaded as? [String: Any] else { throw Failure(description: "\(path): expected a mapping at the top") }
        guard (root["version"] as? Int) == 1 else { throw Failure(description: "\(path): version must be 1") }
        if let unknown = root.keys.sorted().first(where: { $0 != "version" && $0 != "items" }) {
            throw Failure(description: "\(path): unknown key '\(unknown)' (expected version, items)")
        }
        let listed = root["items"].flatMap { $0 is NSNull ? nil : $0 } ?? [String: Any]()
        guard let items = listed as? [String: Any] else {
            throw Failure(description: "\(path): items must be a mapping of checklist ids")
        }
        var entries: [String: Entry] = [:]
        for (id, value) in items {
            let at = "\(path): items.\(id)"
            guard ChecklistCatalog.contains(id) else { throw Failure(description: "\(at): not a checklist item id") }
            guard let object = value as? [String: Any] else { throw Failure(description: "\(at) must be a mapping") }
            let known: Set<String> = ["status", "by", "date", "expires", "evidence"]
            if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
                throw Failure(description: "\(at): unknown key '\(unknown)' (expected \(known.sorted().joined(separator: ", ")))")
            }
            guard let text = object["status"] as? String, let status = Status(rawValue: text) else {
                throw Failure(description: "\(at).status must be met, not-met or not-applicable")
            }
            guard let by = object["by"] as? String, !by.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Failure(description: "\(at).by must name who attests")
            }
            let date = try Self.day(object["date"], at: "\(at).date")
            guard let date else { throw Failure(description: "\(at).date is required (YYYY-MM-DD)") }
            let expires = try Self.day(object["expires"], at: "\(at).expires")
            if let expires, expires < date { throw Failure(description: "\(at).expires is before its date") }
            var evidence: [String] = []
            switch object["evidence"] {
            case nil: break
            case let single as String: evidence = [single]
            case let list as [Any]:
                for (index, element) in list.enumerated() {
                    guard let line = element as? String else { throw Failure(description: "\(at).evidence[\(index)] must be text") }
                    evidence.append(line)
                }
            default: throw Failure(description: "\(at).evidence must be text or a list of texts")
            }
            if status == .met && evidence.isEmpty { throw Failure(description: "\(at): a met attestation needs evidence") }
            entries[id] = Entry(status: status, by: by, date: date, expires: expires, evidence: evidence)
        }
        self.entries = entries
    }

    /// Reads `path`.
    public static func load(_ path: String) throws(Failure) -> AttestationFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read attestation file \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw Failure(description: "\(path): not UTF-8 text") }
        return try AttestationFile(yaml: text, path: path)
    }

    /// `YYYY-MM-DD`: YAML may hand it over as a date or as text.
    static func day(_ value: Any?, at where_: String) throws(Failure) -> String? {
        guard let value else { return nil }
        if let date = value as? Date { return Self.format(date) }
        if let text = value as? String, text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil { return text }
        throw Failure(description: "\(where_) must be a date written YYYY-MM-DD")
    }

    /// `date` as `YYYY-MM-DD` in UTC.
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
