import GuardCore

/// The assessment JSON of docs/contracts.md: scores, then every item with status, reason, parts and
/// evidence, linked findings (by fingerprint) and attestation.
public struct AssessmentJSONRenderer: Sendable {
    public init() {}

    public func render(_ assessment: Assessment) -> String {
        JSONWriter(options: .pretty).string(document(assessment)) + "\n"
    }

    public func document(_ assessment: Assessment) -> JSONValue {
        var root = JSONObject()
        root["tool"] = "mcpguard"
        root["version"] = .string(MCPGuardVersion.current)
        root["checklist"] = .string(ChecklistCatalog.source)
        root["subject"] = .string(assessment.subject)
        root["date"] = .string(assessment.date)
        root["scan"] = .string(assessment.scanStatus)
        var scores = JSONObject()
        scores["overall"] = Self.score(assessment.overall)
        var parts = JSONObject()
        for part in ChecklistItem.Part.allCases { parts[part.rawValue] = Self.score(assessment.score(part: part)) }
        scores["parts"] = .object(parts)
        var priorities = JSONObject()
        for priority in ChecklistItem.Priority.allCases { priorities[priority.rawValue] = Self.score(assessment.score(priority: priority)) }
        scores["priorities"] = .object(priorities)
        scores["sections"] = .array(assessment.sectionScores.map { entry in
            var object = JSONObject()
            object["name"] = .string(entry.name)
            if case .object(let score) = Self.score(entry.score) { for (key, value) in score.members { object[key] = value } }
            return .object(object)
        })
        root["scores"] = .object(scores)
        root["items"] = .array(assessment.items.map(Self.item))
        return .object(root)
    }

    static func score(_ score: Assessment.Score) -> JSONValue {
        var object = JSONObject()
        object["percent"] = score.percent.map { .number(JSONNumber($0)) } ?? .null
        object["points"] = .number(JSONNumber(score.points))
        object["counted"] = .number(JSONNumber(score.counted))
        object["total"] = .number(JSONNumber(score.total))
        return .object(object)
    }

    static func item(_ result: Assessment.ItemResult) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(result.item.id)
        object["part"] = .string(result.item.part.rawValue)
        object["section"] = result.item.section.map(JSONValue.string) ?? .null
        object["title"] = .string(result.item.title)
        object["priority"] = .string(result.item.priority.rawValue)
        object["status"] = .string(result.status.rawValue)
        object["reason"] = .string(result.reason)
        object["coverage"] = .string(result.coverage.level.rawValue)
        object["uncovered"] = result.coverage.uncovered.map(JSONValue.string) ?? .null
        object["parts"] = .array(result.parts.map { part in
            var value = JSONObject()
            value["text"] = .string(part.text)
            value["outcome"] = .string(part.outcome.rawValue)
            value["evidence"] = .array(part.evidence.map { evidence in
                var entry = JSONObject()
                entry["kind"] = .string(evidence.kind.rawValue)
                entry["id"] = evidence.id.map(JSONValue.string) ?? .null
                entry["outcome"] = .string(evidence.outcome.rawValue)
                entry["text"] = .string(evidence.text)
                return .object(entry)
            })
            return .object(value)
        })
        object["findings"] = .array(result.findings.map { .string($0.fingerprint) })
        if let attestation = result.attestation {
            var value = JSONObject()
            value["status"] = .string(attestation.status.rawValue)
            value["by"] = .string(attestation.by)
            value["date"] = .string(attestation.date)
            value["expires"] = attestation.expires.map(JSONValue.string) ?? .null
            value["evidence"] = .array(attestation.evidence.map(JSONValue.string))
            object["attestation"] = .object(value)
        } else {
            object["attestation"] = .null
        }
        return .object(object)
    }
}
